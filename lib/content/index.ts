export { type ExportReport, exportContentDir } from "./export";
export {
  type ForeignFileReport,
  ForeignImportOptions,
  type ForeignImportReport,
  importForeignDir,
} from "./foreign";
export { type ImportReport, importContentDir } from "./import";
export { DRAFT_SUFFIX, type ParsedArticleFile, type ParseResult, parseArticleFile } from "./parse";
