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
