export { type FlagActor, flagArticle, listOpenFlags, type OpenFlagRow, resolveFlag } from "./flags";
export { FLAG_REASON_MAX, FlagArticleInput, ResolveFlagInput } from "./input";
