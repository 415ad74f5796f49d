import type { Paragraph, Parent, Root, RootContent, Text } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export type Audience = "internal" | "public";

type ContainerDirective = Extract<RootContent, { type: "containerDirective" }>;

/** The CSS hook and label the agent console styles; the public portal never receives them. */
export const INTERNAL_BLOCK_CLASS = "internal-block";
export const INTERNAL_LABEL_CLASS = "internal-block-label";
export const INTERNAL_LABEL_TEXT = "Solo interno";

// Built once: parsing is on the agent-search and portal hot paths.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Phrasing parents: a raw-HTML node found inside one is inline, anywhere else it is a block. */
const PHRASING_PARENTS = new Set([
  "paragraph",
  "heading",
  "tableCell",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
]);

// A fenced block's info string becomes a `language-…` class; anything beyond these characters is dropped.
const CODE_LANGUAGE = /^[\w+#.-]+$/;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * `:::internal` is matched case-insensitively so that `:::Internal` fails closed (hidden from the public)
 * instead of falling through to "unknown directive" and being published.
 */
export function isInternalDirective(node: RootContent): node is ContainerDirective {
  return node.type === "containerDirective" && isInternalName(node.name);
}

function isInternalName(name: string): boolean {
  return name.toLowerCase() === "internal";
}

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

type PrepareOptions = {
  audience: Audience;
  /** Raw HTML: shown escaped in HTML output (so nothing an editor typed silently vanishes), dropped in plain text. */
  rawHtml: "escape" | "drop";
};

/**
 * Parses Markdown and reduces every directive to what Sportello knows:
 * - `:::internal` stays a `containerDirective` (internal audience) or is removed with all its content (public);
 * - any other container directive (`:::foo`) is unwrapped so its content renders as ordinary Markdown;
 * - leaf (`::foo`) and text (`:foo`) directives become their original source text again. remark-directive
 *   reads "Nota:ciao" as a text directive named `ciao`; we use none, so restoring the source keeps Italian
 *   prose, times and URLs exactly as written.
 */
export function prepareTree(source: string, options: PrepareOptions): Root {
  return prepareParsedTree(parseMarkdown(source), source, options);
}

/** prepareTree on a tree already parsed from `source` (changed in place): lets callers parse once for both audiences. */
export function prepareParsedTree(tree: Root, source: string, options: PrepareOptions): Root {
  normalizeChildren(tree, source, options);
  removeDefinitions(tree, unreferencedDefinitions(tree));
  return tree;
}

type Definition = Extract<RootContent, { type: "definition" | "footnoteDefinition" }>;

/**
 * Definitions (`[r]: https://…`, `[^1]: …`) usually sit at the end of the article, outside the internal block
 * that cites them. Once that block is gone they are invisible in HTML but would still reach plain text and
 * exported Markdown, so everything no remaining reference points at is treated as removed.
 */
export function unreferencedDefinitions(tree: Root): Set<Definition> {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  const definitions: Definition[] = [];
  walk(tree, (node) => {
    if (node.type === "linkReference" || node.type === "imageReference") links.add(node.identifier);
    else if (node.type === "footnoteReference") footnotes.add(node.identifier);
    else if (node.type === "definition" || node.type === "footnoteDefinition") definitions.push(node);
  });
  return new Set(
    definitions.filter((node) =>
      node.type === "definition" ? !links.has(node.identifier) : !footnotes.has(node.identifier),
    ),
  );
}

function removeDefinitions(parent: Parent, unused: Set<Definition>): void {
  parent.children = parent.children.filter((child) => !unused.has(child as Definition));
  for (const child of parent.children) {
    if ("children" in child) removeDefinitions(child, unused);
  }
}

function walk(parent: Parent, visitor: (node: RootContent) => void): void {
  for (const child of parent.children) {
    visitor(child);
    if ("children" in child) walk(child, visitor);
  }
}

function normalizeChildren(parent: Parent, source: string, options: PrepareOptions): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    children.push(...normalizeNode(child, parent, source, options));
  }
  parent.children = children;
}

function normalizeNode(
  node: RootContent,
  parent: Parent,
  source: string,
  options: PrepareOptions,
): RootContent[] {
  if (node.type === "containerDirective") {
    const internal = isInternalName(node.name);
    if (internal && options.audience === "public") return [];
    normalizeChildren(node, source, options);
    return internal ? [node] : node.children;
  }
  if (node.type === "leafDirective") {
    return [paragraph(sourceOf(node, source))];
  }
  if (node.type === "textDirective") {
    return [text(sourceOf(node, source))];
  }
  if (node.type === "html") {
    if (options.rawHtml === "drop") return [];
    // Comments are how editors leave notes to each other in Markdown; showing them escaped would publish them.
    const value = node.value.replace(HTML_COMMENT, "");
    if (value.trim() === "") return [];
    return PHRASING_PARENTS.has(parent.type) ? [text(value)] : [paragraph(value)];
  }
  if (node.type === "code" && node.lang && !CODE_LANGUAGE.test(node.lang)) {
    // Otherwise the sanitizer would reject the class and leave an empty `class=""`.
    node.lang = null;
  }
  if ("children" in node) normalizeChildren(node, source, options);
  return [node];
}

function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  return source.slice(start, end);
}

function text(value: string): Text {
  return { type: "text", value };
}

function paragraph(value: string): Paragraph {
  return { type: "paragraph", children: [text(value)] };
}
