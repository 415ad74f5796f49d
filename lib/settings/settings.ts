import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type Db, getDb, schema } from "@/lib/db";
import { InvalidError } from "@/lib/errors";

/**
 * Every setting with its type and default. A key missing from the `settings` table (a fresh install) or holding a
 * value this version cannot read (written by a newer or broken version) falls back to its default, so a bad row
 * never stops publishing.
 */
const SETTING_SCHEMAS = {
  /** Four-eyes rule: the author of a version may not approve it (docs in lib/workflow/rules.ts). */
  requireDistinctApprover: z.boolean().default(false),
} as const;

export const SettingsSchema = z.object(SETTING_SCHEMAS);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/** A change from the admin page: only known keys, each with its own type. */
export const SettingsPatchInput = z.strictObject(SETTING_SCHEMAS).partial();
export type SettingsPatchInput = z.infer<typeof SettingsPatchInput>;

const KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

type Reader = Pick<Db, "select">;

function readSettings(db: Reader): Settings {
  const stored = new Map(
    db
      .select()
      .from(schema.settings)
      .all()
      .map((row) => [row.key, row.value]),
  );
  const values: Record<string, unknown> = {};
  for (const key of KEYS) {
    const parsed = SETTING_SCHEMAS[key].safeParse(stored.get(key));
    values[key] = parsed.success ? parsed.data : SETTING_SCHEMAS[key].parse(undefined);
  }
  return SettingsSchema.parse(values);
}

export function getSettings(db: Db = getDb()): Settings {
  return readSettings(db);
}

export type SettingsChange = { [K in SettingKey]?: { from: Settings[K]; to: Settings[K] } };

/**
 * Writes the settings named in the patch and records one `settings.update` audit entry with the old and new value
 * of each key that changed. Returns the settings after the change; a patch that changes nothing writes nothing.
 */
export function updateSettings(
  patch: SettingsPatchInput,
  actor: { id: number } | null,
  db: Db = getDb(),
): { settings: Settings; changed: SettingsChange } {
  const parsed = SettingsPatchInput.safeParse(patch);
  if (!parsed.success) {
    throw new InvalidError(
      "settings_invalid",
      "Impostazioni non valide.",
      z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    );
  }
  return db.transaction((tx) => {
    const before = readSettings(tx);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of KEYS) {
      const next = parsed.data[key];
      if (next === undefined || next === before[key]) continue;
      changed[key] = { from: before[key], to: next };
      tx.insert(schema.settings)
        .values({ key, value: next })
        .onConflictDoUpdate({
          target: schema.settings.key,
          set: { value: next, updatedAt: sql`(unixepoch('subsec') * 1000)` },
        })
        .run();
    }
    if (Object.keys(changed).length > 0) {
      recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: "settings.update",
        entityType: "settings",
        entityId: "global",
        details: changed,
      });
    }
    return { settings: readSettings(tx), changed: changed as SettingsChange };
  });
}
