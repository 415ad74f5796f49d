export { createUsageBuffer, type UsageBuffer, type UsageBufferOptions } from "./buffer";
export {
  ANALYTICS_CSV_REPORTS,
  type AnalyticsCsvReport,
  analyticsCsv,
  csvCell,
  toCsv,
} from "./csv";
export { type DailyUsage, normalizeQuery } from "./daily";
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
export {
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_MAX_DAYS,
  type AnalyticsFilter,
  AnalyticsFilterInput,
  type AnalyticsReport,
  type ClickThroughRow,
  type CopyRow,
  type DailySeriesRow,
  type FlagRow,
  getAnalyticsReport,
  listDailyUsage,
  type NeverOpenedRow,
  type SearchRow,
  type VoteSummary,
} from "./reports";
export { type RollupResult, rollUpUsageEvents, startUsageRollupJob } from "./rollup";
