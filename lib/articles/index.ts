export {
  AnswerInput,
  ArticleMetaInput,
  CreateArticleInput,
  LIMITS as ARTICLE_LIMITS,
  SaveArticleInput,
  SlugSchema,
  VersionContentInput,
} from "./input";
export { type PresentedArticle, presentArticle, publicArticleUrl } from "./present";
export {
  type ArticleBundle,
  type Audience,
  countArticles,
  getArticleForEdit,
  getArticleIdsUsingFacts,
  getPublishedArticle,
  getPublishedBundleById,
  getUserName,
  listPortalCategories,
  listPublishedArticleIds,
  listStudioArticles,
  type PortalCategory,
  type StudioArticleRow,
} from "./queries";
export {
  type Actor,
  type CreatedArticle,
  createArticle,
  recordWorkflowEvent,
  type SavedVersion,
  saveArticleVersion,
  updateArticleMeta,
} from "./save";
export { type ContentCheck, checkVersionContent } from "./validate";
