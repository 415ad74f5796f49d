export {
  HEALTH_KINDS,
  type HealthItem,
  type HealthKind,
  listContentHealth,
  OUTDATED_TRANSLATION_DAYS,
  UNHELPFUL_MIN_NO_SHARE,
  UNHELPFUL_MIN_VOTES,
  UNHELPFUL_WINDOW_DAYS,
} from "./health";
export { type ArticleLink, findArticleLinks } from "./links";
