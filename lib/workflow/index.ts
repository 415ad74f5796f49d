export {
  ApproveInput,
  ArchiveInput,
  SEND_BACK_COMMENT_MAX,
  SendBackInput,
  SubmitForReviewInput,
} from "./input";
export {
  getWorkflowState,
  listReviewQueue,
  type ReviewQueueItem,
  type WorkflowActionKey,
  type WorkflowState,
} from "./queries";
export { AUTHOR_CANNOT_APPROVE, type Permission, type WorkflowActor } from "./rules";
export {
  approve,
  archiveArticle,
  assertMayPublishDirectly,
  sendBack,
  submitForReview,
  unarchiveArticle,
} from "./transitions";
