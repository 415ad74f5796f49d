// The one schema module (docs/decisions/001-one-schema-module.md): every table, a section per concern.
// Queries live with their concern (lib/articles/queries.ts, lib/auth/users.ts, …), not here.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "editor", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const VISIBILITIES = ["public", "internal"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ARTICLE_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const FACT_TYPES = ["text", "phone", "price", "hours", "url", "email", "date"] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Text in the content locales; `it` is always present, `en` falls back to it. */
export type LocalizedText = { it: string; en?: string };

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

// ── Users and sign-in ──────────────────────────────────────────────────────────────────────────────

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stored lower-cased: sign-in is case-insensitive on e-mail. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** scrypt, self-describing: `scrypt$N$r$p$salt$hash` (lib/auth/password.ts). */
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

/** Failed sign-ins per key (`email:…` or `ip:…`), for rate limiting that holds across app servers. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

// ── Taxonomy ───────────────────────────────────────────────────────────────────────────────────────

export const products = sqliteTable("products", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
  /** Channel keys this product must answer on; the parity report expects an answer for each. */
  channels: text("channels", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  createdAt: createdAt(),
});

export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name", { mode: "json" }).$type<LocalizedText>().notNull(),
  description: text("description", { mode: "json" }).$type<LocalizedText>(),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

// ── Articles and their immutable versions ──────────────────────────────────────────────────────────

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Unique across locales: the portal URL is /a/<slug>. */
    slug: text("slug").notNull().unique(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    /** Translations of one topic share this value. */
    translationGroup: text("translation_group").notNull(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    visibility: text("visibility", { enum: VISIBILITIES }).notNull(),
    /** Workflow state of the working copy; `publishedVersionId` says what readers see meanwhile. */
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** YYYY-MM-DD */
    reviewBy: text("review_by"),
    /** The latest version (the working copy). Not a declared FK: versions reference articles. */
    currentVersionId: integer("current_version_id"),
    /** The version agents and the portal see; null when never published or archived. */
    publishedVersionId: integer("published_version_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("articles_translation_group_idx").on(t.translationGroup),
    index("articles_status_idx").on(t.status),
  ],
);

/** Immutable: rows are only ever inserted (docs/decisions/003-versions-and-outbox.md). */
export const articleVersions = sqliteTable(
  "article_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "restrict" }),
    /** 1, 2, 3… per article. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    changeNote: text("change_note").notNull().default(""),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The version the author started from; a save whose base is not the current version is a conflict. */
    basedOnVersionId: integer("based_on_version_id"),
    /** Number of the version in which title or body last changed: answers older than this are out of parity. */
    bodyChangedInVersion: integer("body_changed_in_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("article_versions_article_number_uq").on(t.articleId, t.number)],
);

/**
 * A version's body as plain text per audience, derived at save time for search indexing: parsing Markdown was most
 * of a full reindex's cost (issue 5 benchmark). `format` is PLAIN_TEXT_FORMAT (lib/articles/search-text.ts) when
 * written; a row with an older format, or none at all (a database from before this table), is rebuilt on use.
 */
export const versionSearchText = sqliteTable("version_search_text", {
  versionId: integer("version_id")
    .primaryKey()
    .references(() => articleVersions.id, { onDelete: "cascade" }),
  format: integer("format").notNull(),
  internal: text("internal").notNull(),
  public: text("public").notNull(),
});

/** One answer per channel per version, copied forward on each save (so every version is complete). */
export const channelAnswers = sqliteTable(
  "channel_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => articleVersions.id, { onDelete: "restrict" }),
    channel: text("channel").notNull(),
    /** Email only. */
    subject: text("subject"),
    body: text("body").notNull(),
    /** Number of the version in which this answer was last written or confirmed (parity). */
    writtenInVersion: integer("written_in_version").notNull(),
  },
  (t) => [uniqueIndex("channel_answers_version_channel_uq").on(t.versionId, t.channel)],
);

/**
 * The workflow's history: submit, approve, send back (with the reviewer's comment), publish, archive, restore…
 * A version's status in the history is derived from its events; versions themselves never change.
 */
export const WORKFLOW_ACTIONS = [
  "save",
  "submit",
  "approve",
  "send_back",
  "publish",
  "archive",
  "unarchive",
  "restore",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const workflowEvents = sqliteTable(
  "workflow_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    versionId: integer("version_id").references(() => articleVersions.id, { onDelete: "set null" }),
    action: text("action", { enum: WORKFLOW_ACTIONS }).notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    at: createdAt(),
  },
  (t) => [index("workflow_events_article_idx").on(t.articleId, t.id)],
);

/** "This is outdated / wrong" from an agent, per article and optionally per channel; trainers resolve them. */
export const agentFlags = sqliteTable(
  "agent_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    versionId: integer("version_id").references(() => articleVersions.id, { onDelete: "set null" }),
    channel: text("channel"),
    reason: text("reason").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: integer("resolved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("agent_flags_article_idx").on(t.articleId)],
);

/** Images and attachments stored under <data dir>/uploads/<storedName>; served public only for public articles. */
export const uploads = sqliteTable(
  "uploads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Random, unguessable file name with the extension of the checked type (e.g. `k3J…Q.png`). */
    storedName: text("stored_name").notNull().unique(),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_article_idx").on(t.articleId)],
);

/**
 * What agents do in the console (issue 5): searches, opens and copies. Written in batches off the request path;
 * popularity for ranking is aggregated from here.
 */
export const USAGE_EVENT_KINDS = ["search", "open", "copy"] as const;
export type UsageEventKind = (typeof USAGE_EVENT_KINDS)[number];
/** Where the event happened: the agent console, the public portal (anonymous, no user) or the public API. */
export const USAGE_SURFACES = ["agent", "portal", "api"] as const;
export type UsageSurface = (typeof USAGE_SURFACES)[number];

export const usageEvents = sqliteTable(
  "usage_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    kind: text("kind", { enum: USAGE_EVENT_KINDS }).notNull(),
    surface: text("surface", { enum: USAGE_SURFACES }).notNull().default("agent"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** search: the query as typed (trimmed); open/copy: the query that led there, when known. */
    query: text("query"),
    filters: text("filters", { mode: "json" }).$type<Record<string, string>>(),
    channel: text("channel"),
    resultCount: integer("result_count"),
    latencyMs: integer("latency_ms"),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    /** open: the 1-based rank of the opened result. */
    position: integer("position"),
    /** surface "api": the key that made the call. Keys are revoked, never deleted (SQLite's ALTER TABLE could not
     *  add this column's ON DELETE rule to existing databases). */
    apiKeyId: integer("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
  },
  (t) => [
    index("usage_events_kind_at_idx").on(t.kind, t.at),
    index("usage_events_surface_kind_at_idx").on(t.surface, t.kind, t.at),
    index("usage_events_article_idx").on(t.articleId),
  ],
);

/**
 * Usage events rolled up per UTC day once they are older than the retention period (issue 7): the counts the
 * analytics need, without the individual events. "None" is "" for text columns and 0 for article_id, so the
 * primary key can cover every column that identifies a row.
 */
export const usageDaily = sqliteTable(
  "usage_daily",
  {
    /** YYYY-MM-DD, UTC. */
    day: text("day").notNull(),
    surface: text("surface", { enum: USAGE_SURFACES }).notNull(),
    kind: text("kind", { enum: USAGE_EVENT_KINDS }).notNull(),
    channel: text("channel").notNull().default(""),
    /** 0 when the events named no article (searches). */
    articleId: integer("article_id").notNull().default(0),
    /** search: the query, trimmed and lower-cased; "" otherwise. */
    query: text("query").notNull().default(""),
    events: integer("events").notNull().default(0),
    /** search: how many of `events` found nothing. */
    zeroResults: integer("zero_results").notNull().default(0),
    /** open: sum and count of result positions, for the mean click position. */
    positionSum: integer("position_sum").notNull().default(0),
    positioned: integer("positioned").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.surface, t.kind, t.channel, t.articleId, t.query] }),
    index("usage_daily_day_idx").on(t.day),
  ],
);

/**
 * "Was this helpful?" on the portal (issue 6): one vote per visitor per article version. The visitor is a random id
 * in a cookie (no personal data); a comment is optional and only ever shown to staff.
 */
export const helpfulVotes = sqliteTable(
  "helpful_votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The published version the visitor read: a new version asks again. */
    versionNumber: integer("version_number").notNull(),
    visitorId: text("visitor_id").notNull(),
    helpful: integer("helpful", { mode: "boolean" }).notNull(),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("helpful_votes_visitor_idx").on(t.articleId, t.versionNumber, t.visitorId),
    index("helpful_votes_at_idx").on(t.at),
  ],
);

/** Portal page views per article and UTC day, counted by the web server off the request path ("popular"). */
export const portalViews = sqliteTable(
  "portal_views",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD, UTC. */
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index("portal_views_day_idx").on(t.day)],
);

// ── Facts ──────────────────────────────────────────────────────────────────────────────────────────

export const facts = sqliteTable("facts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Used as {{fact.KEY}}. */
  key: text("key").notNull().unique(),
  type: text("type", { enum: FACT_TYPES }).notNull(),
  visibility: text("visibility", { enum: VISIBILITIES }).notNull(),
  description: text("description").notNull().default(""),
  values: text("values", { mode: "json" }).$type<LocalizedText>().notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

/** Which articles use which fact (current or published version), so a fact change re-indexes exactly those. */
export const articleFacts = sqliteTable(
  "article_facts",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    factKey: text("fact_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.factKey] }), index("article_facts_key_idx").on(t.factKey)],
);

// ── Search outbox ──────────────────────────────────────────────────────────────────────────────────

/**
 * "Bring article X in line with SQLite in every index." Written in the same transaction as the change that
 * caused it; the sync worker reads the article's state when it runs, so rows are idempotent and order-free.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id").notNull(),
    reason: text("reason").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("search_outbox_next_attempt_idx").on(t.nextAttemptAt)],
);

// ── API keys ───────────────────────────────────────────────────────────────────────────────────────────

export const API_KEY_SCOPES = ["public", "internal"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Keys for /api/v1 (issue 7): chatbots, IVR and voicebot vendors. Only a hash of the secret is stored; the secret is
 * shown once, at creation. `prefix` (the first characters) lets an admin tell keys apart in lists and logs.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scope: text("scope", { enum: API_KEY_SCOPES }).notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("api_keys_prefix_idx").on(t.prefix)],
);

// ── Audit log and settings ─────────────────────────────────────────────────────────────────────────

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Product = typeof products.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type ArticleVersion = typeof articleVersions.$inferSelect;
export type ChannelAnswer = typeof channelAnswers.$inferSelect;
export type Fact = typeof facts.$inferSelect;
export type OutboxRow = typeof searchOutbox.$inferSelect;
export type WorkflowEvent = typeof workflowEvents.$inferSelect;
export type AgentFlag = typeof agentFlags.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type UsageEvent = typeof usageEvents.$inferSelect;
export type HelpfulVote = typeof helpfulVotes.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type UsageDaily = typeof usageDaily.$inferSelect;
