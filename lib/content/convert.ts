import type { Element, Nodes as HastNodes, Root as HastRoot } from "hast";
import type { Root as MdRoot } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";

// Turns a file from another knowledge base (plain Markdown, or HTML such as a Zendesk or Freshdesk export) into a
// title and a Markdown body. Pure, so it is unit-tested; lib/content/foreign.ts does the files and the database.

export type Converted = { title: string | null; summary: string; body: string };

/**
 * Elements dropped with everything inside them: their content is code, styling or a foreign page, never article
 * text. The sanitizer would otherwise unwrap unknown elements and keep a <style>'s CSS as text.
 */
const DROPPED = [
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "noscript",
  "template",
  "svg",
  "math",
  "form",
  "button",
  "select",
  "textarea",
  "head",
  "nav",
];

const sanitizeSchema = { ...defaultSchema, strip: DROPPED };

const markdownOut = unified().use(remarkGfm).use(remarkStringify, {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fences: true,
  rule: "-",
  listItemIndent: "one",
});

function hastText(node: HastNodes): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((c) => hastText(c as HastNodes)).join("");
  return "";
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function findElement(tree: HastNodes, tagName: string): Element | null {
  let found: Element | null = null;
  visit(tree as HastRoot, "element", (node: Element) => {
    if (found) return false;
    if (node.tagName === tagName) {
      found = node;
      return false;
    }
  });
  return found;
}

/** HTML → Markdown: `<h1>` (else `<title>`) is the title, the rest of `<body>` the text, sanitized first. */
export function convertHtml(html: string): Converted {
  const document = unified().use(rehypeParse).parse(html) as HastRoot;
  const titleElement = findElement(document, "title");
  const description = findMeta(document, "description");
  const body = findElement(document, "body");
  const root: HastRoot = { type: "root", children: body ? body.children : document.children };
  const safe = unified().use(rehypeSanitize, sanitizeSchema).runSync(root) as HastRoot;

  let title: string | null = null;
  const h1 = findElement(safe, "h1");
  if (h1) {
    title = clean(hastText(h1)) || null;
    // The title is stored apart: left in the body it would show twice.
    visit(safe, "element", (node: Element, index, parent) => {
      if (node === h1 && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return false;
      }
    });
  }
  title ??= titleElement ? clean(hastText(titleElement)) || null : null;

  const mdast = unified().use(rehypeRemark).runSync(safe) as MdRoot;
  const markdown = markdownOut.stringify(mdast);
  return { title, summary: description, body: tidy(markdown) };
}

function findMeta(document: HastRoot, name: string): string {
  let content = "";
  visit(document, "element", (node: Element) => {
    if (node.tagName === "meta" && node.properties?.name === name && !content) {
      content = clean(String(node.properties.content ?? ""));
    }
  });
  return content;
}

function tidy(markdown: string): string {
  return markdown
    .replace(/\r\n/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const UNSAFE_HTML = /<\/?\s*(script|style|iframe|object|embed|frame|frameset|noscript|template)\b/i;
const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * Markdown with or without front matter (any fields: `title` and `summary`/`description` are used, the rest is
 * ignored): the title is the front matter's, else the first `# ` heading, which then leaves the body. Raw HTML
 * carrying script, style or frames is cut out: the renderer would neutralise it, but the stored text should not
 * carry it.
 */
export function convertMarkdown(text: string): Converted | { problem: string } {
  let source = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  let title: string | null = null;
  let summary = "";
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    let data: unknown;
    try {
      data = parseYaml(fm[1] ?? "");
    } catch (error) {
      return { problem: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}` };
    }
    if (data && typeof data === "object" && !Array.isArray(data)) {
      const record = data as Record<string, unknown>;
      if (typeof record.title === "string") title = clean(record.title) || null;
      const s = record.summary ?? record.description;
      if (typeof s === "string") summary = clean(s);
    }
    source = source.slice(fm[0].length);
  }

  const tree = unified().use(remarkParse).use(remarkGfm).parse(source) as MdRoot;
  const cut: [number, number][] = [];
  if (!title) {
    const heading = tree.children.find((n) => n.type === "heading" && n.depth === 1);
    if (heading) {
      title = clean(mdToString(heading)) || null;
      const { start, end } = heading.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined) cut.push([start.offset, end.offset]);
    }
  }
  // Inline, `<script>alert(1)</script>` is three nodes (tag, text, tag): cut from the opening tag to its closing one.
  visit(tree, "html", (node, index, parent) => {
    const open = UNSAFE_HTML.exec(node.value);
    const start = node.position?.start.offset;
    let end = node.position?.end.offset;
    if (!open || start === undefined || end === undefined) return;
    const tag = (open[1] ?? "").toLowerCase();
    if (parent && index !== undefined && !new RegExp(`</\\s*${tag}`, "i").test(node.value)) {
      const closing = parent.children
        .slice(index + 1)
        .find((n) => n.type === "html" && new RegExp(`</\\s*${tag}`, "i").test(n.value));
      end = closing?.position?.end.offset ?? end;
    }
    cut.push([start, end]);
  });
  cut.sort((a, b) => a[0] - b[0]);
  let body = "";
  let at = 0;
  for (const [start, end] of cut) {
    if (start < at) continue;
    body += source.slice(at, start);
    at = end;
  }
  body += source.slice(at);
  return { title, summary, body: tidy(body) };
}

/** The file name as a slug: lower-case ASCII letters and digits, accents dropped, anything else a dash. */
export function slugFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
}
