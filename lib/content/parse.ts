import type { Root, RootContent } from "mdast";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ArticleMetaInput, VersionContentInput } from "@/lib/articles/input";
import { ANSWER_CHANNELS } from "@/lib/channels";

// Parses one article file of the format in docs/content-format.md. Pure: no database, so it is unit-tested and
// the importer can report every bad file with its reason before touching anything.

export type ParsedArticleFile = { meta: ArticleMetaInput; content: VersionContentInput };
export type ParseResult = { ok: true; article: ParsedArticleFile } | { ok: false; reason: string };

/**
 * A file named `<slug>.draft.md` holds an unpublished version on top of the article's published one (the export
 * writes it beside `<slug>.md`; ADR 019). Same format; its `status` is `draft` or `in_review`.
 */
export const DRAFT_SUFFIX = ".draft.md";

const processor = unified().use(remarkParse).use(remarkDirective);

const FrontMatter = z
  .object({
    slug: z.string(),
    locale: z.string().default("it"),
    translationGroup: z.string().optional(),
    title: z.string(),
    summary: z.string().default(""),
    product: z.string(),
    category: z.string(),
    tags: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    visibility: z.string().default("public"),
    status: z.string().default("published"),
    owner: z.string().nullish(),
    // YAML may read an unquoted date as a Date; either way we keep YYYY-MM-DD.
    reviewBy: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).nullish(),
    changeNote: z.string().optional(),
  })
  .strict();

function describeZod(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

function splitFrontMatter(text: string): { yaml: string; markdown: string; bodyLine: number } | null {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!match) return null;
  // Line numbers in messages count from the top of the file, front matter included.
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0);
  return { yaml: match[1] ?? "", markdown: normalized.slice(match[0].length), bodyLine };
}

export function parseArticleFile(text: string): ParseResult {
  const split = splitFrontMatter(text);
  if (!split)
    return { ok: false, reason: "front matter missing: the file must start with a `---` YAML block" };

  let data: unknown;
  try {
    data = parseYaml(split.yaml);
  } catch (error) {
    return {
      ok: false,
      reason: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    };
  }
  const fm = FrontMatter.safeParse(data ?? {});
  if (!fm.success) return { ok: false, reason: `front matter: ${describeZod(fm.error)}` };

  const source = split.markdown;
  const tree = processor.parse(source) as Root;
  const answers: { channel: string; subject: string | null; body: string }[] = [];
  const cut: [number, number][] = [];
  const problems: string[] = [];

  const lineOf = (node: { position?: { start: { line: number } } }) =>
    (node.position?.start.line ?? 0) + split.bodyLine;
  for (const node of tree.children) {
    if (node.type !== "containerDirective") continue;
    // Directive names are matched case-insensitively: a mistyped `:::Answer` must not fall through into the body.
    const name = node.name.toLowerCase();
    if (name === "answer") {
      const channel = node.attributes?.channel ?? "";
      const line = lineOf(node);
      if (!ANSWER_CHANNELS.includes(channel as (typeof ANSWER_CHANNELS)[number])) {
        problems.push(
          `line ${line}: unknown answer channel "${channel}" (expected one of ${ANSWER_CHANNELS.join(", ")})`,
        );
      } else if (answers.some((a) => a.channel === channel)) {
        problems.push(`line ${line}: a second answer for channel "${channel}"`);
      }
      if (containsDirective(node.children, "internal")) {
        problems.push(`line ${line}: an :::internal block cannot sit inside an answer`);
      }
      if (channel === "email" && !node.attributes?.subject?.trim()) {
        problems.push(
          `line ${line}: the email answer needs a subject: :::answer{channel="email" subject="…"}`,
        );
      }
      answers.push({
        channel,
        subject: node.attributes?.subject ?? null,
        body: sliceChildren(source, node.children),
      });
      if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
        cut.push([node.position.start.offset, node.position.end.offset]);
      }
    } else if (node.name === "internal" && containsDirective(node.children, "answer")) {
      problems.push(
        `line ${node.position?.start.line}: an answer block cannot sit inside an :::internal block`,
      );
    }
  }
  const nestedAnswer = findNestedAnswer(tree);
  if (nestedAnswer) {
    problems.push(
      `line ${nestedAnswer + split.bodyLine}: answer blocks must be at the top level of the file`,
    );
  }
  if (problems.length > 0) return { ok: false, reason: problems.join("; ") };

  let body = "";
  let at = 0;
  for (const [start, end] of cut) {
    body += source.slice(at, start);
    at = end;
  }
  body += source.slice(at);
  body = body.replace(/\n{3,}/g, "\n\n").trim();

  const f = fm.data;
  const meta = ArticleMetaInput.safeParse({
    slug: f.slug,
    locale: f.locale,
    translationGroup: f.translationGroup ?? f.slug,
    productSlug: f.product,
    categorySlug: f.category,
    visibility: f.visibility,
    status: f.status,
    tags: f.tags,
    ownerEmail: f.owner ?? null,
    reviewBy: f.reviewBy ?? null,
  });
  if (!meta.success) return { ok: false, reason: `front matter: ${describeZod(meta.error)}` };
  const content = VersionContentInput.safeParse({
    title: f.title,
    summary: f.summary,
    body,
    changeNote: f.changeNote ?? "Importato da file",
    answers,
  });
  if (!content.success) return { ok: false, reason: describeZod(content.error) };
  return { ok: true, article: { meta: meta.data, content: content.data } };
}

function sliceChildren(source: string, children: RootContent[]): string {
  const first = children[0]?.position?.start.offset;
  const last = children[children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return "";
  return source.slice(first, last).trim();
}

function containsDirective(children: RootContent[], name: string): boolean {
  let found = false;
  for (const child of children) {
    visit(child, "containerDirective", (n) => {
      if (n.name.toLowerCase() === name) found = true;
    });
  }
  return found;
}

function findNestedAnswer(tree: Root): number | null {
  let line: number | null = null;
  visit(tree, "containerDirective", (node, _index, parent) => {
    if (node.name.toLowerCase() === "answer" && parent && parent.type !== "root") {
      line ??= node.position?.start.line ?? 0;
    }
  });
  return line;
}
