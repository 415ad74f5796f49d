export {
  AUDIT_PAGE_SIZE,
  type AuditLogRow,
  listAuditActions,
  listAuditLog,
} from "./audit-log";
export {
  getSettings,
  type SettingKey,
  type Settings,
  type SettingsChange,
  SettingsPatchInput,
  SettingsSchema,
  updateSettings,
} from "./settings";
