import type { Parent, Root, RootContent } from "mdast";
import { isInternalDirective, parseMarkdown, unreferencedDefinitions } from "./parse";

// Removing a block can only join what was around it; re-parsing until nothing is left to cut guards against
// a cut that happens to form new syntax. Two passes are the realistic maximum.
const MAX_PASSES = 5;

/**
 * Cuts every `:::internal … :::` block out of the source and leaves the rest byte-for-byte. Also cut, because
 * a public Markdown export would otherwise carry them: HTML comments (editors' notes to each other) and link
 * or footnote definitions that only the removed blocks referenced.
 */
export function stripInternalBlocks(source: string): string {
  let result = source;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const ranges = rangesToCut(parseMarkdown(result), result);
    if (ranges.length === 0) return result;
    // Ranges never overlap: an internal block is cut whole, so nothing inside it is visited.
    ranges.sort((a, b) => b[0] - a[0]);
    for (const [start, end] of ranges) {
      result = result.slice(0, start) + result.slice(end);
    }
  }
  // Still finding things to cut after several passes means pathological input: publish nothing rather than leak.
  return "";
}

function rangesToCut(tree: Root, source: string): [number, number][] {
  const internal: RootContent[] = [];
  const comments: RootContent[] = [];
  collect(tree, internal, comments);
  if (internal.length === 0 && comments.length === 0) {
    // Definitions are judged only once the internal blocks are gone, on the re-parsed remainder.
    return [...unreferencedDefinitions(tree)].map((node) => range(node, source));
  }
  return [...internal, ...comments].map((node) => range(node, source));
}

function collect(parent: Parent, internal: RootContent[], comments: RootContent[]): void {
  for (const child of parent.children) {
    if (isInternalDirective(child)) internal.push(child);
    else if (child.type === "html" && child.value.trimStart().startsWith("<!--")) comments.push(child);
    else if ("children" in child) collect(child, internal, comments);
  }
}

function range(node: RootContent, source: string): [number, number] {
  const start = node.position?.start.offset;
  let end = node.position?.end.offset;
  // Parsed trees always carry positions; if one ever did not, cutting everything is the safe answer.
  if (start === undefined || end === undefined) return [0, source.length];
  // A block that owns whole lines takes its line ending with it, so no stray blank lines pile up.
  const ownsLineStart = start === 0 || source[start - 1] === "\n";
  if (ownsLineStart && source[end] === "\n") end += 1;
  return [start, end];
}
