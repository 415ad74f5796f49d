import { createElement, Fragment, type ReactNode } from "react";

// WhatsApp's own formatting (CHANNELS.md), turned into React elements for the editor's chat-bubble preview.
// It is parsed into plain data first, so the rules are tested without a DOM and no HTML string is ever built:
// whatever the text holds ends up as text nodes, which React escapes.

export type WaInline =
  | { type: "text"; value: string }
  | { type: "strong" | "em" | "strike"; children: WaInline[] }
  | { type: "code"; value: string }
  | { type: "link"; url: string; value: string }
  | { type: "break" };

export type WaBlock =
  | { type: "paragraph"; content: WaInline[] }
  | { type: "quote"; content: WaInline[] }
  | { type: "list"; ordered: boolean; start: number; items: WaInline[][] };

const STYLES = { "*": "strong", _: "em", "~": "strike" } as const;
type StyleMarker = keyof typeof STYLES;

const MONO = "```";
const URL_AT = /^(?:https?:\/\/|www\.)[^\s<>]+/i;
// Punctuation that ends a sentence rather than the address ("vai su www.x.it.").
const URL_TRAILING = /[.,;:!?)\]"'»]+$/;

function isStyleMarker(char: string | undefined): char is StyleMarker {
  return char === "*" || char === "_" || char === "~";
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

// WhatsApp formats `*x*` only at word boundaries: `2*3*4` and `snake_case_name` stay as they are.
function canOpen(text: string, at: number): boolean {
  const next = text[at + 1];
  return !isWordChar(text[at - 1]) && next !== undefined && !isSpace(next);
}

function canClose(text: string, at: number): boolean {
  return !isSpace(text[at - 1]) && !isWordChar(text[at + 1]);
}

function findCloser(text: string, marker: StyleMarker, from: number): number {
  for (let j = from + 2; j < text.length; j++) {
    // Bold, italic and strike never span lines.
    if (text[j] === "\n") return -1;
    if (text[j] === marker && canClose(text, j)) return j;
  }
  return -1;
}

/** Inline formatting of one block's text; `\n` inside it becomes a line break (except inside ```mono```). */
export function parseWhatsappInline(text: string): WaInline[] {
  const out: WaInline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer !== "") out.push({ type: "text", value: buffer });
    buffer = "";
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (text.startsWith(MONO, i)) {
      const close = text.indexOf(MONO, i + MONO.length);
      if (close > i + MONO.length) {
        flush();
        out.push({ type: "code", value: text.slice(i + MONO.length, close) });
        i = close + MONO.length;
        continue;
      }
      buffer += MONO;
      i += MONO.length;
      continue;
    }
    if (char === "`") {
      const close = text.indexOf("`", i + 1);
      const value = close === -1 ? "" : text.slice(i + 1, close);
      if (value !== "" && !value.includes("\n") && value.trim() === value) {
        flush();
        out.push({ type: "code", value });
        i = close + 1;
        continue;
      }
    }
    if (isStyleMarker(char) && canOpen(text, i)) {
      const close = findCloser(text, char, i);
      if (close !== -1) {
        flush();
        out.push({ type: STYLES[char], children: parseWhatsappInline(text.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    if (char === "\n") {
      flush();
      out.push({ type: "break" });
      i++;
      continue;
    }
    if ((char === "h" || char === "H" || char === "w" || char === "W") && !isWordChar(text[i - 1])) {
      const match = URL_AT.exec(text.slice(i));
      if (match) {
        const value = match[0].replace(URL_TRAILING, "");
        if (value.length > 4) {
          flush();
          out.push({ type: "link", value, url: /^https?:\/\//i.test(value) ? value : `https://${value}` });
          i += value.length;
          continue;
        }
      }
    }
    buffer += char;
    i++;
  }
  flush();
  return out;
}

const QUOTE = /^> ?(.*)$/;
const BULLET = /^[-*•] +(.*)$/;
const NUMBERED = /^(\d{1,9})[.)] +(.*)$/;

function countMono(line: string): number {
  return line.split(MONO).length - 1;
}

/** Splits a WhatsApp message into paragraphs, `> ` quotes and `- `/`1. ` lists. */
export function parseWhatsapp(text: string): WaBlock[] {
  type Open =
    | { type: "paragraph" | "quote"; lines: string[] }
    | { type: "list"; ordered: boolean; start: number; items: string[][] };
  const blocks: WaBlock[] = [];
  let open: Open | null = null;
  // Inside a ```mono``` run that spans lines, lines are kept verbatim in the current block.
  let inMono = false;

  const close = () => {
    if (!open) return;
    if (open.type === "list") {
      blocks.push({
        type: "list",
        ordered: open.ordered,
        start: open.start,
        items: open.items.map((item) => parseWhatsappInline(item.join("\n"))),
      });
    } else {
      blocks.push({ type: open.type, content: parseWhatsappInline(open.lines.join("\n")) });
    }
    open = null;
  };

  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const toggles = countMono(line) % 2 === 1;
    if (inMono && open) {
      if (open.type === "list") open.items[open.items.length - 1]?.push(line);
      else open.lines.push(line);
      if (toggles) inMono = false;
      continue;
    }
    if (toggles) inMono = true;

    if (line.trim() === "") {
      close();
      continue;
    }
    const quote = QUOTE.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (quote) {
      if (open?.type !== "quote") {
        close();
        open = { type: "quote", lines: [] };
      }
      open.lines.push(quote[1] ?? "");
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const content = (numbered ? numbered[2] : bullet?.[1]) ?? "";
      if (open?.type !== "list" || open.ordered !== ordered) {
        close();
        open = { type: "list", ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      open.items.push([content]);
    } else if (open?.type === "list" && /^\s/.test(line)) {
      // An indented line continues the list item above (lib/channels renders wrapped items this way).
      open.items[open.items.length - 1]?.push(line.trim());
    } else {
      if (open?.type !== "paragraph") {
        close();
        open = { type: "paragraph", lines: [] };
      }
      open.lines.push(line);
    }
  }
  close();
  return blocks;
}

export interface WhatsappRenderOptions {
  /** Renders a run of plain text, e.g. to mark unfilled `{{variables}}`. Defaults to the text itself. */
  renderText?: (text: string, key: string) => ReactNode;
}

function renderInline(
  nodes: readonly WaInline[],
  options: WhatsappRenderOptions,
  prefix: string,
): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${prefix}${index}`;
    switch (node.type) {
      case "text":
        return options.renderText
          ? createElement(Fragment, { key }, options.renderText(node.value, key))
          : node.value;
      case "strong":
        return createElement("strong", { key }, ...renderInline(node.children, options, `${key}.`));
      case "em":
        return createElement("em", { key }, ...renderInline(node.children, options, `${key}.`));
      case "strike":
        return createElement("s", { key }, ...renderInline(node.children, options, `${key}.`));
      case "code":
        return createElement("code", { key }, node.value);
      case "link":
        return createElement(
          "a",
          { key, href: node.url, target: "_blank", rel: "noopener noreferrer" },
          node.value,
        );
      default:
        // The only kind left is a line break.
        return createElement("br", { key });
    }
  });
}

/** The message as WhatsApp shows it: React elements only, every character of `text` escaped by React. */
export function renderWhatsapp(text: string, options: WhatsappRenderOptions = {}): ReactNode {
  return parseWhatsapp(text).map((block, index) => {
    const key = `b${index}`;
    switch (block.type) {
      case "paragraph":
        return createElement("p", { key }, ...renderInline(block.content, options, `${key}.`));
      case "quote":
        return createElement("blockquote", { key }, ...renderInline(block.content, options, `${key}.`));
      default:
        return createElement(
          block.ordered ? "ol" : "ul",
          { key, ...(block.ordered && block.start !== 1 ? { start: block.start } : {}) },
          block.items.map((item, itemIndex) =>
            createElement(
              "li",
              { key: `${key}.${itemIndex}` },
              ...renderInline(item, options, `${key}.${itemIndex}.`),
            ),
          ),
        );
    }
  });
}
