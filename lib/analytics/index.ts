export { createUsageBuffer, type UsageBuffer, type UsageBufferOptions } from "./buffer";
export {
  flushUsageEvents,
  MAX_QUERY_LENGTH,
  pendingUsageEvents,
  recordUsageEvent,
  type UsageEventInput,
  writeUsageEvents,
} from "./events";
export {
  type ArticleListItem,
  getArticlePopularity,
  listPopularArticles,
  listPopularityScores,
  listRecentArticles,
  POPULAR_LIST_WINDOW_DAYS,
  POPULARITY_WINDOW_DAYS,
  popularityScore,
} from "./popularity";
export {
  listZeroResultPortalSearches,
  ZERO_RESULT_WINDOW_DAYS,
  type ZeroResultSearch,
} from "./portal-searches";
