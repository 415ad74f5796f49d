export {
  getSettings,
  getSettingValues,
  resetSettings,
  type SettingKey,
  type Settings,
  type SettingsChange,
  SettingsPatchInput,
  SettingsSchema,
  updateSettings,
} from "./settings";
export {
  DEFAULT_SYNONYM_GROUPS,
  defaultSynonymGroups,
  getSynonymGroups,
  resetSynonymGroups,
  SYNONYM_LIMITS,
  SynonymGroupInput,
  type SynonymGroups,
  SynonymGroupsInput,
  SynonymGroupTextInput,
  saveSynonymGroups,
} from "./synonyms";
