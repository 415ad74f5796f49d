export {
  CATALOG_SORTS,
  type CatalogSort,
  containsPattern,
  hasActiveFilters,
  parseStudioListFilters,
  REVIEW_DUE_FILTERS,
  REVIEW_SOON_DAYS,
  type StudioListFilters,
  StudioListFiltersInput,
} from "./filters";
export {
  type CatalogFilterOptions,
  type CatalogResult,
  type CatalogRow,
  listCatalogFilterOptions,
  listStudioArticles,
} from "./list";
