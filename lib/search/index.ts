export { getMeili, indexNames } from "./client";
export { type ArticleDocuments, buildArticleDocuments, type SearchDocument } from "./documents";
export { highlightToHtml, type SearchHit, SearchInput, type SearchResult, searchArticles } from "./query";
export { type ReindexProgress, type ReindexResult, reindexAll } from "./reindex";
export { DEFAULT_SYNONYMS, indexSettings } from "./settings";
export {
  applyIndexSettings,
  backoffMs,
  getOutboxBacklog,
  hasStuckOutbox,
  type OutboxBacklog,
  processSearchOutbox,
  type SyncResult,
  startSearchSyncWorker,
} from "./sync";
