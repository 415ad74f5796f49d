// Backup and restore of a Sportello data dir (ADR 019): the SQLite database and the uploads, with a manifest.
export { type BackupManifest, backupDirFor, createBackup, describeDatabase } from "./backup";
export {
  BackupInvalidError,
  isAppRunning,
  type RestoreResult,
  restoreBackup,
  verifyBackup,
} from "./restore";
