// Version history, word-by-word comparison of any two versions, and restore (DESIGN.md "Version").
export { type ComparedVersion, diffVersions, requireArticleVersion, type VersionDiff } from "./compare";
export {
  buildDiffSections,
  type DiffableAnswer,
  type DiffableContent,
  type DiffPart,
  type DiffSection,
  diffText,
  foldUnchanged,
  type ShownPart,
  sideOf,
} from "./diff";
export {
  listVersionHistory,
  type VersionEvent,
  type VersionHistory,
  type VersionHistoryEntry,
} from "./history";
export { type RestoredVersion, RestoreVersionInput, restoreVersion } from "./restore";
export { ACTION_LABEL, restoredFromNumber, restoreNote, type VersionStatus, versionStatus } from "./status";
