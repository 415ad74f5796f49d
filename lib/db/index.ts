import * as schema from "./schema";

export { closeDb, type Db, databasePath, getDb, migrateDb } from "./client";
export { enqueueSearchSync, onSearchSyncEnqueued } from "./outbox";
export type {
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
  User,
  Visibility,
} from "./schema";
export { ARTICLE_STATUSES, FACT_TYPES, LOCALES, ROLES, VISIBILITIES } from "./schema";
export { schema };
