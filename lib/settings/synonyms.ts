import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { InvalidError } from "@/lib/errors";

// Search synonyms managed by admins (issue 5 point 1). Stored as one row of the `settings` table; a missing or
// unreadable row means the defaults below, so a fresh install and a broken row both search as before.

const SETTING_KEY = "search.synonyms";

/**
 * Contact-centre synonyms, Italian first. Meilisearch does not stem Italian, so singular/plural and verb/noun pairs
 * that agents type interchangeably are listed here (docs/decisions/006-search-relevance.md).
 */
export const DEFAULT_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["bolletta", "bollette", "fattura", "fatture"],
  ["disdetta", "disdire", "recesso", "recedere", "cessazione", "chiudere", "annullare"],
  ["iban", "conto corrente", "domiciliazione", "addebito", "rid", "sepa"],
  ["pagamento", "pagamenti", "pagare", "saldare"],
  ["rimborso", "rimborsi", "restituzione", "accredito"],
  ["reclamo", "reclami", "lamentela", "segnalazione"],
  ["guasto", "guasti", "non funziona", "problema", "disservizio", "interruzione"],
  ["modem", "router"],
  ["portabilita", "portabilità", "mnp", "cambio operatore"],
  ["sim", "scheda", "esim"],
  ["password", "credenziali", "accesso", "login"],
  ["trasloco", "trasferimento", "cambio indirizzo", "trasferire"],
  ["voltura", "subentro", "intestatario"],
  ["garanzia", "assistenza", "riparazione"],
  ["reso", "resi", "restituire", "restituzione"],
  ["lettura", "autolettura", "contatore"],
  ["privacy", "gdpr", "dati personali"],
  ["bill", "bills", "invoice", "invoices"],
  ["cancel", "cancellation", "terminate", "termination"],
  ["refund", "refunds", "reimbursement"],
  ["complaint", "complaints"],
  ["outage", "fault", "not working", "down"],
];

export const SYNONYM_LIMITS = { termMin: 1, termMax: 50, termsMin: 2, termsMax: 20, groupsMax: 500 } as const;

const Term = z
  .string()
  .transform((t) => t.trim().replace(/\s+/g, " ").toLowerCase())
  .pipe(
    z
      .string()
      .min(SYNONYM_LIMITS.termMin, "Un termine non può essere vuoto")
      .max(SYNONYM_LIMITS.termMax, `Un termine può avere al massimo ${SYNONYM_LIMITS.termMax} caratteri`),
  );

/** One group of equivalent terms: normalised (trimmed, lower-case, duplicates removed), 2..20 terms. */
export const SynonymGroupInput = z
  .array(Term)
  .transform((terms) => [...new Set(terms)])
  .pipe(
    z
      .array(z.string())
      .min(SYNONYM_LIMITS.termsMin, `Un gruppo ha almeno ${SYNONYM_LIMITS.termsMin} termini diversi`)
      .max(SYNONYM_LIMITS.termsMax, `Un gruppo ha al massimo ${SYNONYM_LIMITS.termsMax} termini`),
  );

/** A group as the admin types it: "bolletta, fattura, fatture". */
export const SynonymGroupTextInput = z
  .string()
  .max(SYNONYM_LIMITS.termsMax * (SYNONYM_LIMITS.termMax + 2), "Gruppo troppo lungo")
  .transform((text) => text.split(","))
  .pipe(SynonymGroupInput);

export const SynonymGroupsInput = z
  .array(SynonymGroupInput)
  .max(SYNONYM_LIMITS.groupsMax, `Al massimo ${SYNONYM_LIMITS.groupsMax} gruppi`);
export type SynonymGroups = string[][];

export function defaultSynonymGroups(): SynonymGroups {
  return DEFAULT_SYNONYM_GROUPS.map((g) => [...g]);
}

type Reader = Pick<Db, "select">;

function readGroups(db: Reader): { groups: SynonymGroups; isDefault: boolean } {
  const row = db.select().from(schema.settings).where(eq(schema.settings.key, SETTING_KEY)).get();
  if (!row) return { groups: defaultSynonymGroups(), isDefault: true };
  const parsed = SynonymGroupsInput.safeParse(row.value);
  return parsed.success
    ? { groups: parsed.data, isDefault: false }
    : { groups: defaultSynonymGroups(), isDefault: true };
}

/** The synonym groups in force: the stored ones, or the defaults when none are stored. */
export function getSynonymGroups(db: Db = getDb()): { groups: SynonymGroups; isDefault: boolean } {
  return readGroups(db);
}

function audit(tx: Pick<Db, "insert">, actor: { id: number } | null, from: SynonymGroups, to: SynonymGroups) {
  const key = (g: string[]) => g.join(", ");
  const before = new Set(from.map(key));
  const after = new Set(to.map(key));
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: "search.synonyms.update",
    entityType: "settings",
    entityId: SETTING_KEY,
    details: {
      added: [...after].filter((g) => !before.has(g)),
      removed: [...before].filter((g) => !after.has(g)),
      groups: to.length,
    },
  });
}

/**
 * Stores the whole list of groups (the admin page sends it whole) with a `search.synonyms.update` audit entry.
 * Throws InvalidError with field errors keyed by group index. Pushing them to Meilisearch is lib/search's job.
 */
export function saveSynonymGroups(
  raw: unknown,
  actor: { id: number } | null,
  db: Db = getDb(),
): SynonymGroups {
  const parsed = SynonymGroupsInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? `groups.${String(issue.path[0])}` : "groups";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    throw new InvalidError("synonyms_invalid", "Sinonimi non validi.", fieldErrors);
  }
  const groups = parsed.data;
  writeTransaction(db, (tx) => {
    const before = readGroups(tx).groups;
    tx.insert(schema.settings)
      .values({ key: SETTING_KEY, value: groups })
      .onConflictDoUpdate({
        target: schema.settings.key,
        set: { value: groups, updatedAt: sql`(unixepoch('subsec') * 1000)` },
      })
      .run();
    audit(tx, actor, before, groups);
  });
  return groups;
}

/** Back to the shipped defaults: the row goes, so later releases' improved defaults apply too. */
export function resetSynonymGroups(actor: { id: number } | null, db: Db = getDb()): SynonymGroups {
  writeTransaction(db, (tx) => {
    const before = readGroups(tx).groups;
    tx.delete(schema.settings).where(eq(schema.settings.key, SETTING_KEY)).run();
    audit(tx, actor, before, defaultSynonymGroups());
  });
  return defaultSynonymGroups();
}
