// The Markdown pipeline: pure functions, safe to import from server and client components alike.
export type { Audience } from "./parse";
export { markdownToPlainText, markdownToPlainTexts } from "./plain-text";
export {
  extractHeadings,
  type Heading,
  type QuestionSection,
  questionSections,
  renderMarkdown,
  renderMarkdownWithHeadings,
} from "./render";
export { stripInternalBlocks } from "./strip-internal";
