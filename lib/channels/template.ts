import type { Definition, Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { toString as nodeText } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { formatVariable, listVariables, lookupValue, type VariableToken } from "./variables";

// Answers are light Markdown with `{{variables}}`. They are parsed once with remark (CommonMark + GFM, the
// dialect lib/markdown renders) and walked to produce each channel's text, so `**x**` inside a link or a
// list is handled by a parser rather than by regular expressions.

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

// Each token is swapped for a placeholder of the same length made of private-use characters before
// parsing: mdast offsets then still point into the body, inner spaces (`{{ x }}`) cannot break a link
// destination, and Markdown treats the placeholder like a word.
const MARK = "\uE000";
const FILL = "\uE002";
const INDEX_BASE = 0xe100;
const MAX_TOKENS = 0xf8ff - INDEX_BASE;
const PLACEHOLDER = /\uE000([\uE100-\uF8FF])\uE002*/g;

export interface ParsedTemplate {
  body: string;
  /** The body with every token replaced by a placeholder of the same length. */
  source: string;
  tokens: VariableToken[];
  tree: Root;
}

export function parseTemplate(body: string): ParsedTemplate {
  const tokens = listVariables(body).slice(0, MAX_TOKENS);
  let source = "";
  let last = 0;
  tokens.forEach((token, index) => {
    source += body.slice(last, token.start);
    source += MARK + String.fromCharCode(INDEX_BASE + index) + FILL.repeat(token.end - token.start - 2);
    last = token.end;
  });
  source += body.slice(last);
  return { body, source, tokens, tree: processor.parse(source) };
}

/** Replaces the placeholders in `text` through `replace(token)`. */
export function restorePlaceholders(
  template: ParsedTemplate,
  text: string,
  replace: (token: VariableToken) => string,
): string {
  return text.replace(PLACEHOLDER, (match, index: string) => {
    const token = template.tokens[index.charCodeAt(0) - INDEX_BASE];
    return token ? replace(token) : match;
  });
}

export function nodeRange(node: Nodes): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

/** Depth-first walk; `ancestors` runs from the root to the parent. */
export function walk(
  node: Nodes,
  visit: (node: Nodes, ancestors: readonly Nodes[]) => void,
  ancestors: Nodes[] = [],
) {
  visit(node, ancestors);
  if ("children" in node) {
    ancestors.push(node);
    for (const child of node.children) walk(child, visit, ancestors);
    ancestors.pop();
  }
}

// --- Text with a source map -------------------------------------------------------------------------------

export type Span = readonly [start: number, end: number];

/** Output text with, for each UTF-16 unit, the body range it came from (null for added markers). */
export interface MappedText {
  text: string;
  spans: (Span | null)[];
}

const EMPTY: MappedText = { text: "", spans: [] };

function added(text: string): MappedText {
  return { text, spans: new Array<Span | null>(text.length).fill(null) };
}

function concat(parts: MappedText[]): MappedText {
  return { text: parts.map((part) => part.text).join(""), spans: parts.flatMap((part) => part.spans) };
}

function join(parts: MappedText[], separator: string): MappedText {
  const kept = parts.filter((part) => part.text.trim() !== "");
  return concat(kept.flatMap((part, index) => (index === 0 ? [part] : [added(separator), part])));
}

function wrap(marker: string, inner: MappedText): MappedText {
  return marker === "" || inner.text.trim() === "" ? inner : concat([added(marker), inner, added(marker)]);
}

function prefixLines(inner: MappedText, first: string, rest: string): MappedText {
  const parts: MappedText[] = [added(first)];
  let lineStart = 0;
  for (let i = 0; i <= inner.text.length; i++) {
    if (i === inner.text.length || inner.text[i] === "\n") {
      parts.push({ text: inner.text.slice(lineStart, i), spans: inner.spans.slice(lineStart, i) });
      if (i < inner.text.length) parts.push(added("\n"), added(rest));
      lineStart = i + 1;
    }
  }
  return concat(parts);
}

function trim(inner: MappedText): MappedText {
  const start = inner.text.length - inner.text.trimStart().length;
  const end = inner.text.trimEnd().length;
  if (end <= start) return EMPTY;
  return { text: inner.text.slice(start, end), spans: inner.spans.slice(start, end) };
}

/** The body range of the characters at [index, index + length) of a mapped text, if they came from it. */
export function sourceRange(mapped: MappedText, index: number, length: number): Span | null {
  const spans = mapped.spans.slice(index, index + length).filter((span): span is Span => span !== null);
  const first = spans[0];
  const last = spans[spans.length - 1];
  return first && last ? [first[0], Math.max(first[1], last[1])] : null;
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

// Maps each unit of a node's value to the source between `from` and `to`: the value is the source minus
// escapes, indentation and fences, with entities decoded, in the same order.
function align(value: string, source: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let at = from;
  for (let i = 0; i < value.length; i++) {
    let j = at;
    let entity: RegExpExecArray | null = null;
    while (j < to && source[j] !== value[i]) {
      entity = source[j] === "&" ? ENTITY.exec(source.slice(j, Math.min(to, j + 40))) : null;
      if (entity) break;
      j++;
    }
    if (j < to && source[j] === value[i]) {
      spans.push([j, j + 1]);
      at = j + 1;
    } else if (j < to && entity) {
      // A decoded entity may be an astral character: both of its units point at the entity.
      const span: Span = [j, j + entity[0].length];
      spans.push(span);
      const code = value.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
        spans.push(span);
        i++;
      }
      at = span[1];
    } else {
      spans.push([Math.min(at, to), Math.min(at + 1, to)]);
    }
  }
  return spans;
}

// --- Serialising to channel text --------------------------------------------------------------------------

/**
 * - `spoken`: phone; what the agent reads: markers dropped, links reduced to their text.
 * - `ivr`: as spoken, and list markers dropped too (a voice would say "dash").
 * - `plain`: SMS, social, chatbot, email plain text: markers dropped, links as `text (url)`.
 * - `whatsapp`: WhatsApp's own formatting.
 */
export type TextMode = "spoken" | "ivr" | "plain" | "whatsapp";

interface Context {
  mode: TextMode;
  template: ParsedTemplate;
  values: Readonly<Record<string, string>>;
  missing: string[];
  definitions: Map<string, Definition>;
}

export interface RenderedText extends MappedText {
  /** Variables without a value, left in the text as `{{name}}`, in order of first use. */
  missing: string[];
}

/** Serialises the whole template, or one of its nodes, into a channel's text with values filled in. */
export function renderText(
  template: ParsedTemplate,
  mode: TextMode,
  values: Readonly<Record<string, string>>,
  node: Nodes = template.tree,
): RenderedText {
  const definitions = new Map<string, Definition>();
  walk(template.tree, (child) => {
    if (child.type === "definition" && !definitions.has(child.identifier))
      definitions.set(child.identifier, child);
  });
  const context: Context = { mode, template, values, missing: [], definitions };
  const mapped = trim(node.type === "root" ? blocks(context, node.children) : block(context, node));
  return { ...unixLineEnds(mapped), missing: context.missing };
}

// Browsers submit textareas with CRLF: outputs use "\n" only (an SMS would pay for every "\r").
function unixLineEnds(mapped: MappedText): MappedText {
  if (!mapped.text.includes("\r")) return mapped;
  let text = "";
  const spans: (Span | null)[] = [];
  for (let i = 0; i < mapped.text.length; i++) {
    const char = mapped.text[i];
    if (char === "\r" && mapped.text[i + 1] === "\n") continue;
    text += char === "\r" ? "\n" : char;
    spans.push(mapped.spans[i] ?? null);
  }
  return { text, spans };
}

function blocks(context: Context, nodes: readonly RootContent[], separator = "\n\n"): MappedText {
  return join(
    nodes.map((node) => block(context, node)),
    separator,
  );
}

function block(context: Context, node: Nodes): MappedText {
  const { mode } = context;
  switch (node.type) {
    case "root":
      return blocks(context, node.children);
    case "paragraph":
      return trim(inline(context, node.children));
    case "heading": {
      const text = trim(inline(context, node.children, true));
      return mode === "whatsapp" ? wrap("*", text) : text;
    }
    case "thematicBreak":
      return mode === "plain" ? added("---") : EMPTY;
    case "blockquote": {
      const inner = blocks(context, node.children);
      return mode === "plain" || mode === "whatsapp" ? prefixLines(inner, "> ", "> ") : inner;
    }
    case "list": {
      const start = node.start ?? 1;
      const items = node.children.map((item, index) => {
        const marker = mode === "ivr" ? "" : node.ordered ? `${start + index}. ` : "- ";
        const box =
          item.checked == null || mode === "ivr" || mode === "spoken" ? "" : item.checked ? "[x] " : "[ ] ";
        const content = concat([added(box), blocks(context, item.children, "\n")]);
        return prefixLines(content, marker, " ".repeat(marker.length));
      });
      return join(items, "\n");
    }
    case "code":
      return mode === "whatsapp"
        ? wrap("```", fromValue(context, node.value, node))
        : fromValue(context, node.value, node);
    case "html":
      return fromValue(context, node.value, node);
    case "table": {
      const separator = mode === "spoken" || mode === "ivr" ? ", " : " | ";
      const rows = node.children.map((row) =>
        join(
          row.children.map((cell) => trim(inline(context, cell.children))),
          separator,
        ),
      );
      return join(rows, "\n");
    }
    case "definition":
      return EMPTY;
    case "footnoteDefinition":
      return concat([added(`[${node.label ?? node.identifier}] `), blocks(context, node.children, "\n")]);
    default:
      return inlineNode(context, node, false);
  }
}

function inline(context: Context, nodes: readonly PhrasingContent[], inHeading = false): MappedText {
  return concat(nodes.map((node) => inlineNode(context, node, inHeading)));
}

function inlineNode(context: Context, node: Nodes, inHeading: boolean): MappedText {
  const whatsapp = context.mode === "whatsapp";
  switch (node.type) {
    case "text":
    case "html":
      return fromValue(context, node.value, node);
    case "emphasis":
      return wrap(whatsapp ? "_" : "", inline(context, node.children, inHeading));
    case "strong":
      // A heading already becomes a bold line on WhatsApp; nested asterisks would break it.
      return wrap(whatsapp && !inHeading ? "*" : "", inline(context, node.children, inHeading));
    case "delete":
      return wrap(whatsapp ? "~" : "", inline(context, node.children, inHeading));
    case "inlineCode":
      return wrap(whatsapp ? "```" : "", fromValue(context, node.value, node));
    case "break":
      return added("\n");
    case "link":
      return link(
        context,
        inline(context, node.children, inHeading),
        node.url,
        isAutolink(node),
        nodeRange(node),
      );
    case "image":
      return link(
        context,
        fromString(context, node.alt ?? "", nodeRange(node)),
        node.url,
        false,
        nodeRange(node),
      );
    case "linkReference": {
      const label = inline(context, node.children, inHeading);
      const definition = context.definitions.get(node.identifier);
      return definition ? link(context, label, definition.url, false, nodeRange(node)) : label;
    }
    case "imageReference": {
      const label = fromString(context, node.alt ?? "", nodeRange(node));
      const definition = context.definitions.get(node.identifier);
      return definition ? link(context, label, definition.url, false, nodeRange(node)) : label;
    }
    case "footnoteReference":
      return added(`[${node.label ?? node.identifier}]`);
    default:
      if ("children" in node) return blocks(context, node.children as RootContent[]);
      if ("value" in node && typeof node.value === "string") return fromValue(context, node.value, node);
      return EMPTY;
  }
}

/** `<https://…>`, a GFM bare `www.…`/`https://…` or an e-mail address: the text is the address itself. */
export function isAutolink(node: Nodes & { type: "link" }): boolean {
  const label = nodeText(node);
  return node.url === label || node.url === `mailto:${label}` || node.url === `http://${label}`;
}

function link(
  context: Context,
  label: MappedText,
  url: string,
  autolink: boolean,
  range: Span | null,
): MappedText {
  if (autolink || context.mode === "spoken" || context.mode === "ivr") return label;
  const address = fromString(context, url.replace(/^mailto:/i, ""), range);
  if (label.text.trim() === "") return address;
  return concat([
    label,
    added(context.mode === "whatsapp" ? ": " : " ("),
    address,
    added(context.mode === "whatsapp" ? "" : ")"),
  ]);
}

function fromValue(context: Context, value: string, node: Nodes): MappedText {
  const range = nodeRange(node);
  const spans = range
    ? align(value, context.template.source, range[0], range[1])
    : new Array<Span | null>(value.length).fill(null);
  return fill(context, value, spans);
}

function fromString(context: Context, value: string, range: Span | null): MappedText {
  return fill(context, value, new Array<Span | null>(value.length).fill(range));
}

// Puts values (or `{{name}}` when there is none) where the placeholders are; a value maps to its token.
function fill(context: Context, value: string, spans: (Span | null)[]): MappedText {
  const parts: MappedText[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    const token = context.template.tokens[(match[1] ?? "").charCodeAt(0) - INDEX_BASE];
    if (!token) continue;
    parts.push({ text: value.slice(last, match.index), spans: spans.slice(last, match.index) });
    const filled = lookupValue(context.values, token.name);
    if (filled === null && !context.missing.includes(token.name)) context.missing.push(token.name);
    const text = filled ?? formatVariable(token.name);
    parts.push({ text, spans: new Array<Span | null>(text.length).fill([token.start, token.end]) });
    last = match.index + match[0].length;
  }
  parts.push({ text: value.slice(last), spans: spans.slice(last) });
  return concat(parts);
}
