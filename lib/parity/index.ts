export { addDays, daysBetween, formatIsoDay, todayIso } from "./dates";
export { type ParityPageFilter, parseParityFilter } from "./input";
export {
  computeParity,
  countParityByArticle,
  listReviewDue,
  loadParityInputs,
  type ParityCounts,
  type ParityFilter,
  REVIEW_DUE_HORIZON_DAYS,
  type ReviewDueRow,
} from "./queries";
export {
  articleProblems,
  countByKind,
  fixHref,
  PARITY_KIND_LABEL,
  PARITY_KINDS,
  type ParityArticle,
  type ParityArticleInput,
  type ParityFlagInput,
  type ParityKind,
  type ParityProblem,
  shapeParity,
} from "./shape";
