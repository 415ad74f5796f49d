// Channel answers: the catalogue of CHANNELS.md, the template variables, the checks the editor runs while
// typing and the rendering into each channel's format. Pure code, safe in client components.

export {
  ANSWER_CHANNELS,
  CHANNELS,
  type ChannelDefinition,
  type ChannelKey,
  ChannelKeySchema,
  isChannelKey,
  isPublicChannel,
  type LocalizedText,
  PORTAL_CHANNEL,
  WORDS_PER_MINUTE,
} from "./catalogue";
export {
  type AnswerIssue,
  type AnswerIssueCode,
  type CheckContext,
  checkAnswer,
  type FactInfo,
  hasBlockingIssues,
} from "./checks";
export { countCharacters, countSpokenWords, estimateReadAloudSeconds } from "./read-aloud";
export {
  type AnswerInput,
  type RenderContext,
  type RenderedAnswer,
  type RenderedAnswerFor,
  renderAnswer,
} from "./render";
export { analyzeSms, type SmsAnalysis, type SmsEncoding } from "./sms";
export { buildSsml, escapeXml } from "./ssml";
export {
  createPreviewValues,
  FACT_KEY_PATTERN,
  FACT_PREFIX,
  fillTemplate,
  formatVariable,
  getFactKey,
  getVariable,
  listChannelVariables,
  listVariables,
  type MalformedToken,
  scanVariables,
  VARIABLES,
  type VariableDefinition,
  type VariableName,
  type VariableToken,
} from "./variables";
