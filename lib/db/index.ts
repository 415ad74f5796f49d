import * as schema from "./schema";

export { closeDb, type Db, databasePath, getDb, migrateDb, writeTransaction } from "./client";
export { enqueueSearchSync, onSearchSyncEnqueued } from "./outbox";
export type {
  AgentFlag,
  Article,
  ArticleStatus,
  ArticleVersion,
  Category,
  ChannelAnswer,
  Fact,
  FactType,
  Locale,
  LocalizedText,
  OutboxRow,
  Product,
  Role,
  Upload,
  UsageEvent,
  UsageEventKind,
  User,
  Visibility,
  WorkflowAction,
  WorkflowEvent,
} from "./schema";
export {
  ARTICLE_STATUSES,
  FACT_TYPES,
  LOCALES,
  ROLES,
  USAGE_EVENT_KINDS,
  VISIBILITIES,
  WORKFLOW_ACTIONS,
} from "./schema";
export { schema };
