export {
  AnswerInput,
  ArticleMetaInput,
  CreateArticleInput,
  EditArticleInput,
  EditableMetaInput,
  LIMITS as ARTICLE_LIMITS,
  SaveArticleInput,
  SlugSchema,
  VersionContentInput,
} from "./input";
export { type PresentedArticle, presentArticle, publicArticleUrl, renderArticleAnswers } from "./present";
export {
  type ArticleBundle,
  type Audience,
  countArticles,
  getArticleForEdit,
  getArticleIdsUsingFacts,
  getPublishedArticle,
  getPublishedBundles,
  getUserName,
  listPublishedArticleIds,
  listTaxonomyOptions,
  listTranslations,
  type TaxonomyOptions,
  type TranslationLink,
} from "./queries";
export {
  type Actor,
  type CreatedArticle,
  createArticle,
  recordWorkflowEvent,
  refreshFactUsage,
  type SavedEdit,
  type SavedVersion,
  saveArticleEdit,
  saveArticleVersion,
  updateArticleMeta,
  type VersionConflictDetails,
} from "./save";
export { getSearchTexts, PLAIN_TEXT_FORMAT, type SearchText } from "./search-text";
export { assertVersionContent, type ContentCheck, checkVersionContent } from "./validate";
