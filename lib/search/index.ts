export { checkIndexes, type IndexCheck, type IndexDrift, repairDrift } from "./check-index";
export { getMeili, indexNames } from "./client";
export {
  type ArticleDocuments,
  buildArticleDocuments,
  buildDocuments,
  type SearchDocument,
} from "./documents";
export { highlightToHtml, type SearchHit, SearchInput, type SearchResult, searchArticles } from "./query";
export { type ReindexProgress, type ReindexResult, reindexAll } from "./reindex";
export { DEFAULT_SYNONYMS, indexSettings, RANKING_RULES, synonymsFromGroups } from "./settings";
export {
  applyIndexSettings,
  applySynonyms,
  backoffMs,
  drainSearchOutbox,
  getOutboxBacklog,
  hasStuckOutbox,
  type OutboxBacklog,
  type PopularityResult,
  processSearchOutbox,
  refreshPopularity,
  resetSynonyms,
  type SyncResult,
  type SynonymsSaveResult,
  saveSynonyms,
  startPopularityJob,
  startSearchSyncWorker,
} from "./sync";
