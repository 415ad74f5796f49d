// Pure helpers for the studio's channel editor: previews, the variable picker and the publish gate.
// Safe in client components (no server-only imports).

export {
  type EditorFact,
  type InsertResult,
  insertAtSelection,
  listPickerOptions,
  type PickerFact,
  type PickerVariable,
} from "./insert-variable";
export {
  type AnswerDraft,
  checkAnswerDraft,
  countIssues,
  createCheckContext,
  formatIssueCount,
  hasPublishBlockingErrors,
  type IssueCount,
  isAnswerPresent,
  listPublishBlockingChannels,
} from "./publish-blocking";
export {
  listDistinctUcs2Chars,
  segmentMissingVariables,
  segmentUcs2,
  type TokenSegment,
  type Ucs2Segment,
} from "./text-segments";
export {
  parseWhatsapp,
  parseWhatsappInline,
  renderWhatsapp,
  type WaBlock,
  type WaInline,
  type WhatsappRenderOptions,
} from "./whatsapp-format";
