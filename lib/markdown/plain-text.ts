import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { type Audience, parseMarkdown, prepareParsedTree, prepareTree } from "./parse";

/**
 * Plain text for search indexing; the public audience drops internal blocks.
 *
 * Search indexes want words, not markup: paragraphs and headings one per line with a blank line between
 * them, list items and table rows on their own lines, cells joined by " | ". Internal blocks keep their
 * content (internal audience) without the "Solo interno" label, which would match every query for "interno".
 */
export function markdownToPlainText(source: string, options: { audience: Audience }): string {
  return treeText(prepareTree(source, { audience: options.audience, rawHtml: "drop" }));
}

/**
 * Both audiences' plain text from one parse: parsing is most of the cost of building a search document
 * (issue 5 benchmark: ~4.5 ms per 3 KB body), and the public text is the internal one minus internal blocks.
 */
export function markdownToPlainTexts(source: string): Record<Audience, string> {
  const tree = parseMarkdown(source);
  // prepareParsedTree changes the tree in place: the public text gets its own copy.
  const copy = structuredClone(tree);
  const text = (root: Root, audience: Audience) =>
    treeText(prepareParsedTree(root, source, { audience, rawHtml: "drop" }));
  return { internal: text(tree, "internal"), public: text(copy, "public") };
}

function treeText(tree: Root): string {
  return blocks(tree.children, "\n\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function blocks(nodes: RootContent[], separator: string): string {
  return nodes
    .map(block)
    .filter((text) => text.trim() !== "")
    .join(separator);
}

function block(node: RootContent): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return inline(node.children).trim();
    case "list":
      return node.children.map((item) => blocks(item.children, "\n")).join("\n");
    case "table":
      return node.children
        .map((row) => row.children.map((cell) => inline(cell.children).trim()).join(" | "))
        .join("\n");
    case "code":
      return node.value;
    case "thematicBreak":
    case "definition":
    case "html":
    case "yaml":
      return "";
    default:
      return "children" in node ? blocks(node.children, "\n\n") : "";
  }
}

function inline(nodes: PhrasingContent[]): string {
  return nodes.map(phrase).join("");
}

function phrase(node: Nodes): string {
  switch (node.type) {
    case "text":
      // A soft line break inside a paragraph is just a space to a reader.
      return node.value.replace(/[ \t]*\n[ \t]*/g, " ");
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "image":
    case "imageReference":
      return node.alt ?? "";
    case "footnoteReference":
    case "html":
      return "";
    default:
      return "children" in node ? node.children.map(phrase).join("") : "";
  }
}
