export { FEEDBACK_COMMENT_MAX, HelpfulCommentInput, HelpfulVoteInput, VisitorIdSchema } from "./input";
export {
  FEEDBACK_WINDOW_DAYS,
  type FeedbackComment,
  listFeedbackComments,
  listMostUnhelpful,
  listVersionFeedback,
  type UnhelpfulArticle,
  type VersionFeedback,
} from "./reports";
export { FEEDBACK_RESULTS, type FeedbackResult, feedbackResultOf, isFeedbackResult } from "./results";
export { newVisitorId, parseVisitorId, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE } from "./visitor";
export { addHelpfulComment, type RecordedVote, recordHelpfulVote } from "./votes";
