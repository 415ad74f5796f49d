import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import {
  type Audience,
  INTERNAL_BLOCK_CLASS,
  INTERNAL_LABEL_CLASS,
  INTERNAL_LABEL_TEXT,
  isInternalDirective,
  prepareTree,
} from "./parse";
import { EXTERNAL_LINK_REL, HEADING_ANCHOR_CLASS, sanitizeSchema } from "./sanitize-schema";

/** `text` is plain text: render it escaped (React does), never as HTML. */
export type Heading = { depth: number; text: string; id: string };
/** A section whose heading asks a question, with the section's plain text as the answer (FAQPage data). */
export type QuestionSection = { question: string; answer: string };

const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
// remark-rehype's fixed id for the visually hidden "Footnotes" heading; it is not part of the article outline.
const FOOTNOTE_LABEL_ID = "footnote-label";

/** Internal blocks become `<aside class="internal-block" data-internal="true">` with a visible label first. */
function remarkInternalAsides() {
  return (tree: MdastRoot) => {
    visit(tree, "containerDirective", (node) => {
      if (!isInternalDirective(node)) return;
      node.data = {
        ...node.data,
        hName: "aside",
        hProperties: { className: [INTERNAL_BLOCK_CLASS], dataInternal: "true" },
      };
      node.children.unshift({
        type: "paragraph",
        data: { hProperties: { className: [INTERNAL_LABEL_CLASS] } },
        children: [{ type: "text", value: INTERNAL_LABEL_TEXT }],
      });
    });
  };
}

/**
 * Heading ids come from what editors type, and every element id is also a property of `window` (named
 * access) unless a real global of that name exists. A heading "ga", "dataLayer"-like names or "__next_f"
 * (which Next's inline bootstrap reads as `self.__next_f || []`) would hand scripts an element instead of
 * `undefined` and break them. Ids that a script can reach as `window.name` (valid JS identifiers, i.e. slugs
 * without a dash) therefore get an `h-` prefix: "Tempi" → `h-tempi`, "__proto__" → `h-__proto__`, while the
 * usual multi-word "Tempi di attivazione" stays `tempi-di-attivazione`. Dashed ids are only reachable as
 * `window["a-b"]`, which no framework or analytics snippet does with an unknown name. The prefix also keeps
 * one-word headings ("main", "content") off the app shell's own ids.
 */
function rehypeSafeHeadingIds() {
  return (tree: HastRoot) => {
    const used = new Set<string>();
    visit(tree, "element", (node) => {
      const id = node.properties.id;
      if (typeof id !== "string") return;
      let safe = id;
      if (HEADING_TAGS.has(node.tagName) && id !== FOOTNOTE_LABEL_ID) {
        safe = id === "" ? "h-untitled" : isIdentifierLike(id) ? `h-${id}` : id;
      }
      let unique = safe;
      for (let n = 1; used.has(unique); n++) unique = `${safe}-${n}`;
      used.add(unique);
      node.properties.id = unique;
    });
  };
}

function isIdentifierLike(id: string): boolean {
  return !id.includes("-") && !/^\d/.test(id);
}

/** Editors link to third-party sites; they should not get our readers' referrer, window or ranking. */
function rehypeExternalLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (node.tagName === "a" && typeof href === "string" && /^(?:https?:)?\/\//i.test(href)) {
        node.properties.rel = [...EXTERNAL_LINK_REL];
      }
    });
  };
}

function isHeadingAnchor(node: Element): boolean {
  const className = node.properties.className;
  return node.tagName === "a" && Array.isArray(className) && className.includes(HEADING_ANCHOR_CLASS);
}

// Built once at module level: rendering runs for every portal page and agent preview.
// Sanitizing is the last tree step, so everything our own plugins add is checked against the schema too.
const htmlPipeline = unified()
  .use(remarkInternalAsides)
  // Raw HTML never gets here (parse.ts turns it into text); leaving allowDangerousHtml off drops anything else.
  .use(remarkRehype, {
    footnoteLabel: "Note",
    footnoteBackLabel: (reference, rereference) =>
      `Torna al riferimento ${reference + 1}${rereference > 1 ? `-${rereference}` : ""}`,
  })
  .use(rehypeSlug)
  .use(rehypeSafeHeadingIds)
  .use(rehypeAutolinkHeadings, {
    behavior: "append",
    properties: { className: [HEADING_ANCHOR_CLASS], ariaLabel: "Link a questa sezione" },
    content: { type: "text", value: "#" },
    test: (node: Element) => node.properties.id !== FOOTNOTE_LABEL_ID,
  })
  .use(rehypeExternalLinks)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();

function toHast(source: string, audience: Audience): HastRoot {
  return htmlPipeline.runSync(prepareTree(source, { audience, rawHtml: "escape" }));
}

/**
 * Markdown (GFM + `:::internal` blocks) → sanitized HTML. Public audience: internal blocks removed entirely.
 * Internal audience: each becomes `<aside class="internal-block" data-internal="true">` whose first child is
 * `<p class="internal-block-label">Solo interno</p>`. Raw HTML is shown as text, never rendered.
 */
export function renderMarkdown(source: string, options: { audience: Audience }): string {
  return htmlPipeline.stringify(toHast(source, options.audience));
}

/** Headings (depth 2–3) with the same ids renderMarkdown gives them, for a table of contents. */
export function extractHeadings(source: string, options: { audience: Audience }): Heading[] {
  return headingsOf(toHast(source, options.audience));
}

/** renderMarkdown, extractHeadings and questionSections from one parse, for the portal article. */
export function renderMarkdownWithHeadings(
  source: string,
  options: { audience: Audience },
): { html: string; headings: Heading[]; questions: QuestionSection[] } {
  const tree = toHast(source, options.audience);
  return {
    html: htmlPipeline.stringify(tree),
    headings: headingsOf(tree),
    questions: questionSectionsOf(tree),
  };
}

// A numbered heading ("1. La linea è attiva?") is a troubleshooting step phrased as a question, not an FAQ.
const NUMBERED = /^\d+[.)]\s/;
const MAX_ANSWER_CHARS = 2000;

/**
 * The h2 sections whose heading is a question ("Voltura o subentro?"), each with its section's text as the answer,
 * for schema.org FAQPage. Works on the tree after the audience's filtering, so internal blocks are never included.
 */
export function questionSections(source: string, options: { audience: Audience }): QuestionSection[] {
  return questionSectionsOf(toHast(source, options.audience));
}

function questionSectionsOf(tree: HastRoot): QuestionSection[] {
  const sections: QuestionSection[] = [];
  let current: { question: string; parts: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const answer = current.parts.join(" ").replace(/\s+/g, " ").trim();
    if (answer) sections.push({ question: current.question, answer: answer.slice(0, MAX_ANSWER_CHARS) });
    current = null;
  };
  for (const node of tree.children) {
    if (node.type !== "element") continue;
    if (node.tagName === "h1" || node.tagName === "h2") {
      close();
      const text = headingText(node.children).trim();
      if (node.tagName === "h2" && text.endsWith("?") && !NUMBERED.test(text))
        current = { question: text, parts: [] };
    } else if (current && node.properties.dataFootnotes === undefined) {
      current.parts.push(headingText(node.children));
    }
  }
  close();
  return sections;
}

function headingsOf(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  visit(tree, "element", (node) => {
    const id = node.properties.id;
    if ((node.tagName !== "h2" && node.tagName !== "h3") || typeof id !== "string") return;
    if (id === FOOTNOTE_LABEL_ID) return;
    headings.push({ depth: node.tagName === "h2" ? 2 : 3, text: headingText(node.children).trim(), id });
  });
  return headings;
}

function headingText(children: ElementContent[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text") text += child.value;
    else if (child.type === "element" && !isHeadingAnchor(child)) text += headingText(child.children);
  }
  return text;
}
