// Agent console (issue 5): pure helpers shared by the console's client components and their tests.
// Safe in client components: no server-only imports.
//
// Decisions (issue 5 points 1–4):
// - Variables are filled in the browser on the answers presentArticle rendered (facts filled, customer variables
//   left as `{{…}}`), so typing a name never costs a round trip; email HTML gets HTML-escaped values, and only
//   text between tags is touched (fillHtml).
// - Copy with unfilled variables: the first press only warns (role=alert, "Mancano: …"); pressing again with the
//   same text copies it, tokens included, and says so (CHANNELS.md: never copied as raw {{…}} without a warning).
// - Digits are fixed per channel (ANSWER_CHANNELS order: 1 phone … 6 SMS … 8 chatbot) so they stay in the
//   agent's fingers; a digit for a channel the article lacks does nothing.
// - The chosen channel (from a digit, a click or a screen-pop's `channel`) stays chosen from article to article;
//   the variable values belong to the call and stay too.
// - Screen-pop opens the first result when `open=1`, or when its search finds exactly one article.
// - A plain click on a result keeps opening the full page /agent/a/[slug]; Enter and "Apri qui" open the panel.

export type { ConsoleArticle } from "./article";
export { answerTexts, buildClipboardPayload, type ClipboardPayload } from "./clipboard";
export {
  type ConsoleAction,
  channelForDigit,
  digitForChannel,
  type KeyInput,
  moveSelection,
  resolveShortcut,
  SHORTCUTS,
  type ShortcutHelp,
} from "./keyboard";
export {
  parseScreenPop,
  SCREEN_POP_QUERY_MAX,
  SCREEN_POP_VALUE_MAX,
  type ScreenPop,
  ScreenPopInput,
} from "./screen-pop";
export { recordUsage, type UsageEvent } from "./usage-client";
export {
  describeMissing,
  escapeHtml,
  type FillHtmlOptions,
  fillHtml,
  fillText,
  initialValues,
  listMissing,
  listUsedVariables,
  type Segment,
  segmentAnswer,
  type VariableValues,
} from "./variables";
