import "server-only";
import type Database from "better-sqlite3";
import { inArray } from "drizzle-orm";
import { type Db, getDb, schema } from "@/lib/db";
import { createUsageBuffer, type UsageBuffer } from "./buffer";

/** Queries are stored for "what do agents look for" reports, not as transcripts: long pastes are cut. */
export const MAX_QUERY_LENGTH = 200;
/** Keystrokes of one search-as-you-type within this window collapse into one search event. */
export const SEARCH_COLLAPSE_MS = 3000;

/**
 * Who acted: a signed-in staff user in the agent console, an anonymous client of the portal, known only by a key
 * that collapses its search-as-you-type (an address, never stored), or an API key (its id is stored: usage per
 * integration is what an admin asks for; docs/decisions/018-api-v1.md).
 */
type Actor =
  | { surface?: "agent"; userId: number }
  | { surface: "portal"; userId?: null; clientKey: string }
  | { surface: "api"; userId?: null; clientKey: string; apiKeyId: number };

export type UsageEventInput = Actor &
  (
    | {
        kind: "search";
        query: string;
        filters: Record<string, string>;
        channel?: string | null;
        resultCount: number;
        latencyMs: number;
      }
    | {
        kind: "open";
        articleId: number;
        position?: number | null;
        query?: string | null;
        channel?: string | null;
      }
    | {
        kind: "copy";
        articleId: number;
        channel: string;
        position?: number | null;
        query?: string | null;
      }
  );

type Row = typeof schema.usageEvents.$inferInsert;

function toRow(event: UsageEventInput, at: Date): Row {
  const query = event.query ? event.query.trim().slice(0, MAX_QUERY_LENGTH) : null;
  const apiKeyId = event.surface === "api" ? event.apiKeyId : null;
  if (event.kind === "search") {
    return {
      at,
      kind: "search",
      surface: event.surface ?? "agent",
      userId: event.userId ?? null,
      apiKeyId,
      query,
      filters: event.filters,
      channel: event.channel ?? null,
      resultCount: event.resultCount,
      latencyMs: Math.round(event.latencyMs),
    };
  }
  return {
    at,
    kind: event.kind,
    surface: event.surface ?? "agent",
    userId: event.userId ?? null,
    query,
    channel: event.channel ?? null,
    articleId: event.articleId,
    position: event.position ?? null,
    apiKeyId,
  };
}

// One prepared statement per connection. Measured on a batch of 200: drizzle's multi-row insert took ~3.3 ms of
// event-loop time per flush, the prepared statement ~0.7 ms; a flush runs between requests, so it is kept short.
type Insert = Database.Statement<unknown[]>;
const statements = new WeakMap<Database.Database, Insert>();

function insertStatement(db: Db): Insert {
  let statement = statements.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare<unknown[]>(
      `insert into usage_events (created_at, kind, surface, user_id, query, filters, channel, result_count, latency_ms, article_id, position, api_key_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements.set(db.$client, statement);
  }
  return statement;
}

/**
 * One transaction per batch. Events naming an article that no longer exists (or never did: the ids come from the
 * browser) are dropped here rather than failing the whole batch on the foreign key.
 */
export function writeUsageEvents(rows: Row[], db: Db = getDb()): void {
  if (rows.length === 0) return;
  const ids = [...new Set(rows.flatMap((r) => (r.articleId ? [r.articleId] : [])))];
  const known = new Set(
    ids.length === 0
      ? []
      : db
          .select({ id: schema.articles.id })
          .from(schema.articles)
          .where(inArray(schema.articles.id, ids))
          .all()
          .map((r) => r.id),
  );
  const insert = insertStatement(db);
  db.transaction(() => {
    for (const r of rows) {
      if (r.articleId && !known.has(r.articleId)) continue;
      insert.run(
        (r.at ?? new Date()).getTime(),
        r.kind,
        r.surface ?? "agent",
        r.userId ?? null,
        r.query ?? null,
        r.filters ? JSON.stringify(r.filters) : null,
        r.channel ?? null,
        r.resultCount ?? null,
        r.latencyMs ?? null,
        r.articleId ?? null,
        r.position ?? null,
        r.apiKeyId ?? null,
      );
    }
  });
}

/** The latest unwritten search of each actor ("u:<user id>" or "<surface>:<client key>"), to collapse into. */
type Recorder = { buffer: UsageBuffer<Row>; lastSearch: Map<string, Row> };
const globalForUsage = globalThis as unknown as { __sportelloUsage?: Recorder };

function recorder(): Recorder {
  const existing = globalForUsage.__sportelloUsage;
  if (existing) return existing;
  const lastSearch = new Map<string, Row>();
  const buffer = createUsageBuffer<Row>({
    write: (rows) => {
      writeUsageEvents(rows);
      // Written rows can no longer be collapsed into.
      const written = new Set(rows);
      for (const [actor, row] of lastSearch) if (written.has(row)) lastSearch.delete(actor);
    },
    onError: (error) => console.error("[usage] could not write usage events", error),
  });
  const created: Recorder = { buffer, lastSearch };
  globalForUsage.__sportelloUsage = created;
  // Best effort on shutdown: better-sqlite3 is synchronous, so this completes inside the 'exit' handler
  // (Next exits through process.exit on SIGTERM/SIGINT).
  process.once("exit", () => {
    try {
      buffer.flush();
    } catch {
      // The process is going away; nothing useful to do.
    }
  });
  return created;
}

/** "bol" → "bolleta" → "bolletta" is one search being typed and fixed; "bolletta" → "modem" is a new one. */
export function isSameSearchBurst(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= 3;
}

function actorKey(event: UsageEventInput): string | null {
  if (event.surface === "portal" || event.surface === "api") {
    return event.clientKey ? `${event.surface}:${event.clientKey}` : null;
  }
  const userId = event.userId;
  return typeof userId === "number" && Number.isInteger(userId) && userId > 0 ? `u:${userId}` : null;
}

/**
 * Records a usage event without touching SQLite: it is buffered and written within about a second. Console events
 * need a signed-in user's id; portal and API events an anonymous client key (used only in memory).
 */
export function recordUsageEvent(event: UsageEventInput, now: Date = new Date()): void {
  const actor = actorKey(event);
  if (!actor) return;
  const { buffer, lastSearch } = recorder();
  const row = toRow(event, now);
  if (row.kind === "search") {
    // Search as you type sends one request per keystroke: "b", "bo", "bol"… The latest query of a burst replaces
    // the earlier ones still waiting in the buffer, so reports count what was meant, not each keystroke.
    const previous = lastSearch.get(actor);
    if (
      previous &&
      now.getTime() - (previous.at as Date).getTime() <= SEARCH_COLLAPSE_MS &&
      isSameSearchBurst(previous.query ?? "", row.query ?? "") &&
      JSON.stringify(previous.filters) === JSON.stringify(row.filters) &&
      previous.channel === row.channel &&
      buffer.replaceLast((r) => r === previous, row)
    ) {
      lastSearch.set(actor, row);
      return;
    }
    lastSearch.set(actor, row);
  }
  buffer.push(row);
}

/** Writes every buffered event now (tests, shutdown, scripts). Returns how many were written. */
export function flushUsageEvents(): number {
  return recorder().buffer.flush();
}

export function pendingUsageEvents(): number {
  return recorder().buffer.pending();
}
