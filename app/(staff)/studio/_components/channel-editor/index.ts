// The studio's per-channel answer editor (CHANNELS.md): one editor per channel, or all of them in a panel.
export { ChannelAnswerEditor, type ChannelAnswerEditorProps } from "./channel-answer-editor";
export { ChannelAnswersPanel, type ChannelAnswersPanelProps } from "./channel-answers-panel";
