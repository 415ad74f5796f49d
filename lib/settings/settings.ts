import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
// The branding rules by file, not `@/lib/branding`: that index reads its settings from here (an import cycle).
import { StoredLogo } from "@/lib/branding/logo";
import {
  DEFAULT_COLORS,
  FooterLinksInput,
  HexColorInput,
  PortalNameInput,
  PrimaryColorInput,
} from "@/lib/branding/rules";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import { getMessages } from "@/lib/i18n";

/**
 * Every setting with its type. A key missing from the `settings` table (a fresh install) or holding a value this
 * version cannot read (written by a newer or broken version) falls back to its default below, so a bad row never
 * stops publishing or the portal.
 */
const SETTING_SCHEMAS = {
  /** Four-eyes rule: the author of a version may not approve it (docs in lib/workflow/rules.ts). */
  requireDistinctApprover: z.boolean(),
  // The public portal's branding (issue 6 point 9; rules in lib/branding/rules.ts).
  portalName: PortalNameInput,
  portalLogo: StoredLogo.nullable(),
  portalPrimaryColor: PrimaryColorInput,
  portalAccentColor: HexColorInput,
  portalFooterLinks: FooterLinksInput,
  /** Days raw usage events are kept before they are rolled up per day and deleted (lib/analytics/rollup.ts). */
  analyticsRetentionDays: z.number().int().min(7).max(3650),
} as const;

export const SettingsSchema = z.object(SETTING_SCHEMAS);
export type Settings = z.output<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/**
 * Defaults kept apart from the schemas: a `.default()` inside a schema would also fill every key a patch leaves
 * out, so saving one setting would reset the others. The branding defaults are the portal as it looked before
 * branding existed.
 */
const DEFAULTS: Settings = {
  requireDistinctApprover: false,
  portalName: { it: getMessages("it").meta.siteName },
  portalLogo: null,
  portalPrimaryColor: DEFAULT_COLORS.primary,
  portalAccentColor: DEFAULT_COLORS.accent,
  portalFooterLinks: [],
  analyticsRetentionDays: 90,
};

/** A fresh copy: callers may change the arrays and objects they get. */
function defaultOf<K extends SettingKey>(key: K): Settings[K] {
  return structuredClone(DEFAULTS[key]);
}

/** A change from the admin pages: only known keys, each with its own type; keys left out stay as they are. */
export const SettingsPatchInput = z.strictObject(SETTING_SCHEMAS).partial();
export type SettingsPatchInput = z.input<typeof SettingsPatchInput>;

const KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/**
 * How a change is written to the audit log, where it differs from the value: the logo is kept by its hash, not
 * 270 KB of base64 twice per change.
 */
const AUDIT_VIEW: { [K in SettingKey]?: (value: Settings[K]) => unknown } = {
  portalLogo: (logo) => (logo ? { mimeType: logo.mimeType, sha256: logo.sha256 } : null),
};

function auditView<K extends SettingKey>(key: K, value: Settings[K]): unknown {
  const view = AUDIT_VIEW[key] as ((value: Settings[K]) => unknown) | undefined;
  return view ? view(value) : value;
}

/** Parsed values have their keys in schema order, so equal values serialise equally. */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Reader = Pick<Db, "select">;

function readSettings<K extends SettingKey>(db: Reader, keys: readonly K[]): Pick<Settings, K> {
  const stored = new Map(
    db
      .select()
      .from(schema.settings)
      .where(keys.length === KEYS.length ? undefined : inArray(schema.settings.key, [...keys]))
      .all()
      .map((row) => [row.key, row.value]),
  );
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const parsed = SETTING_SCHEMAS[key].safeParse(stored.get(key));
    values[key] = parsed.success ? parsed.data : defaultOf(key);
  }
  return values as Pick<Settings, K>;
}

export function getSettings(db: Db = getDb()): Settings {
  return readSettings(db, KEYS);
}

/** Only the settings named: one query that leaves out the rows (such as the logo) the caller does not need. */
export function getSettingValues<K extends SettingKey>(
  keys: readonly K[],
  db: Db = getDb(),
): Pick<Settings, K> {
  return readSettings(db, keys);
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
  return writeTransaction(db, (tx) => {
    const before = readSettings(tx, KEYS);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const audited: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of KEYS) {
      const next = parsed.data[key];
      if (next === undefined || sameValue(next, before[key])) continue;
      changed[key] = { from: before[key], to: next };
      audited[key] = { from: auditView(key, before[key]), to: auditView(key, next) };
      if (next === null) {
        // The column is NOT NULL, and a nullable setting (the logo) defaults to null: none is no row.
        tx.delete(schema.settings).where(eq(schema.settings.key, key)).run();
        continue;
      }
      tx.insert(schema.settings)
        .values({ key, value: next })
        .onConflictDoUpdate({
          target: schema.settings.key,
          set: { value: next, updatedAt: sql`(unixepoch('subsec') * 1000)` },
        })
        .run();
    }
    recordSettingsAudit(tx, actor, audited);
    return { settings: readSettings(tx, KEYS), changed: changed as SettingsChange };
  });
}

/** One `settings.update` audit entry with each changed key's old and new value, or nothing when none changed. */
function recordSettingsAudit(
  tx: Parameters<typeof recordAudit>[0],
  actor: { id: number } | null,
  audited: Record<string, { from: unknown; to: unknown }>,
): void {
  if (Object.keys(audited).length === 0) return;
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: "settings.update",
    entityType: "settings",
    entityId: "global",
    details: audited,
  });
}

/**
 * Back to the shipped defaults for the keys named: their rows go, so a later release's defaults apply too. One
 * `settings.update` audit entry lists the keys whose value changed; nothing is written when none did.
 */
export function resetSettings(
  keys: readonly SettingKey[],
  actor: { id: number } | null,
  db: Db = getDb(),
): { settings: Settings; changed: SettingsChange } {
  return writeTransaction(db, (tx) => {
    const before = readSettings(tx, KEYS);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const audited: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of keys) {
      const next = defaultOf(key);
      if (sameValue(next, before[key])) continue;
      changed[key] = { from: before[key], to: next };
      audited[key] = { from: auditView(key, before[key]), to: auditView(key, next) };
    }
    if (keys.length > 0)
      tx.delete(schema.settings)
        .where(inArray(schema.settings.key, [...keys]))
        .run();
    recordSettingsAudit(tx, actor, audited);
    return { settings: readSettings(tx, KEYS), changed: changed as SettingsChange };
  });
}
