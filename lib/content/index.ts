export { type ImportReport, importContentDir } from "./import";
export { type ParsedArticleFile, type ParseResult, parseArticleFile } from "./parse";
