import { defaultSchema, type Options as Schema } from "rehype-sanitize";
import { INTERNAL_BLOCK_CLASS, INTERNAL_LABEL_CLASS } from "./parse";

export const HEADING_ANCHOR_CLASS = "heading-anchor";
export const EXTERNAL_LINK_REL = ["noopener", "noreferrer", "nofollow"];

/**
 * Elements Markdown + GFM (and our internal-block aside) can produce. Raw HTML never reaches the tree
 * (see parse.ts), so anything outside this list would mean a bug upstream: the sanitizer unwraps it.
 */
const MARKDOWN_TAGS = new Set([
  "a",
  "blockquote",
  "br",
  "code",
  "del",
  "em",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "img",
  "input",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "strong",
  "sup",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
]);

const headingAttributes = ["id"];

/**
 * GitHub's schema (rehype-sanitize's default) narrowed to exactly what our pipeline emits.
 *
 * - No `*` attributes: every allowed attribute is listed per element, so `style`, `on*` and friends have
 *   nowhere to hide even if a future plugin lets one through.
 * - `clobber: []`: ids are not prefixed with `user-content-`, so `#tempi-di-attivazione` links stay readable.
 *   Heading ids are made clobber-safe before sanitizing instead (see `rehypeSafeHeadingIds` in render.ts);
 *   footnote ids arrive already prefixed by remark-rehype. `name` is allowed nowhere, and the only elements
 *   that may carry an `id` are headings and GFM footnote parts.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => MARKDOWN_TAGS.has(tag)), "aside"],
  attributes: {
    a: [
      "href",
      "title",
      "id",
      "ariaLabel",
      "ariaDescribedBy",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      ["className", HEADING_ANCHOR_CLASS, "data-footnote-backref"],
      ["rel", ...EXTERNAL_LINK_REL],
    ],
    aside: [
      ["className", INTERNAL_BLOCK_CLASS],
      ["dataInternal", "true"],
    ],
    // The characters parse.ts keeps in a fenced block's language (CODE_LANGUAGE).
    code: [["className", /^language-[\w+#.-]+$/]],
    h1: headingAttributes,
    // `sr-only` and the fixed id are GFM's hidden "Footnotes" heading.
    h2: [...headingAttributes, ["className", "sr-only"]],
    h3: headingAttributes,
    h4: headingAttributes,
    h5: headingAttributes,
    h6: headingAttributes,
    img: ["src", "alt", "title"],
    input: [
      ["type", "checkbox"],
      ["checked", true],
      ["disabled", true],
    ],
    li: ["id", ["className", "task-list-item"]],
    ol: ["start", ["className", "contains-task-list"]],
    p: [["className", INTERNAL_LABEL_CLASS]],
    section: ["dataFootnotes", ["className", "footnotes"]],
    td: [["align", "left", "center", "right"]],
    th: [["align", "left", "center", "right"]],
    ul: [["className", "contains-task-list"]],
  },
  clobber: [],
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    // Relative paths (`/uploads/…`) have no protocol and pass; `data:` and `javascript:` do not.
    src: ["http", "https"],
  },
  required: { input: { type: "checkbox", disabled: true } },
  strip: ["script", "style"],
};
