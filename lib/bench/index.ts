export { type CorpusOptions, generateCorpus, splitSections, varyAmounts } from "./corpus";
export { AGENT_QUERIES, buildQueryStream, halfTyped, misspellQuery, misspellWord } from "./queries";
export {
  type BenchResults,
  formatReport,
  GENERATED_MARKER,
  judge,
  type LoadRun,
  type MemoryReading,
  type PortalRun,
  type SearchRun,
  TARGETS,
  updateBenchmarksFile,
} from "./report";
export { createRng, type LatencyStats, percentile, pick, shuffle, summarize } from "./stats";
