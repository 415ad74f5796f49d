export { atomFeed, type FeedItem } from "./feed";
export { articleJsonLd, faqJsonLd, serializeJsonLd } from "./json-ld";
export {
  getCategoriesById,
  getCategoryBySlug,
  getPortalTaxonomy,
  getProductBySlug,
  listPortalArticles,
  listPublicTranslations,
  type PortalArticleItem,
  type PortalTaxonomy,
} from "./queries";
export {
  type PortalSearchHit,
  type PortalSearchParams,
  type PortalSearchResult,
  PUBLIC_SEARCH_LIMIT,
  parsePortalSearch,
  portalSearch,
} from "./search";
export { listSitemapEntries, type SitemapEntry } from "./sitemap";
export {
  countPortalView,
  flushPortalViews,
  listMostReadArticleIds,
  POPULAR_WINDOW_DAYS,
  writePortalViews,
} from "./views";
