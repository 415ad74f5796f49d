export { type ExportReport, exportContentDir } from "./export";
export { type ImportReport, importContentDir } from "./import";
export { DRAFT_SUFFIX, type ParsedArticleFile, type ParseResult, parseArticleFile } from "./parse";
