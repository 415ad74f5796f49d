export { articleJsonLd, serializeJsonLd } from "./json-ld";
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
export { listSitemapEntries, type SitemapEntry } from "./sitemap";
