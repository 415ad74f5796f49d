import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { CHANNELS } from "@/lib/channels";
import { type Db, enqueueSearchSync, type Fact, getDb, schema, writeTransaction } from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { FactInput, FactUpdateInput } from "./input";
import { listFacts } from "./read";
import { articleIdsUsingFacts, type FactPlace, type FactUse, factUsage, publicUsesOfFact } from "./usage";

export type FactActor = { id: number } | null;

export type FactWithUsage = Fact & { usedIn: FactUse[] };

export type UpdatedFact = {
  fact: Fact;
  /** Articles whose search documents are being rebuilt because they show this fact. */
  reindexed: number;
  changed: boolean;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Italian name of a place, for messages. */
export function factPlaceLabel(place: FactPlace): string {
  return place === "body" ? "testo" : `risposta ${CHANNELS[place].label.it}`;
}

function describeUses(uses: readonly FactUse[], limit = 5): string {
  const names = uses
    .slice(0, limit)
    .map((u) => `«${u.title}» (${u.where.map(factPlaceLabel).join(", ")})`)
    .join("; ");
  return uses.length > limit ? `${names} e altri ${uses.length - limit}` : names;
}

/** Every fact, in key order, with the articles whose current or published version uses it. */
export function listFactsWithUsage(db: Db = getDb()): FactWithUsage[] {
  const usage = factUsage(db);
  return listFacts(db).map((fact) => ({ ...fact, usedIn: usage.get(fact.key) ?? [] }));
}

function snapshot(fact: Fact) {
  return {
    type: fact.type,
    visibility: fact.visibility,
    description: fact.description,
    values: fact.values,
  };
}

/**
 * A stamp later than every fact's: presentArticle caches renderings keyed by the newest fact stamp, so two changes
 * within one millisecond must still produce a new key (unixepoch('subsec') alone could repeat it).
 */
function nextStamp(tx: Tx): Date {
  let latest = 0;
  for (const f of tx.select({ updatedAt: schema.facts.updatedAt }).from(schema.facts).all()) {
    latest = Math.max(latest, f.updatedAt.getTime());
  }
  return new Date(Math.max(Date.now(), latest + 1));
}

export function createFact(input: FactInput, actor: FactActor, db: Db = getDb()): Fact {
  return writeTransaction(db, (tx) => {
    if (tx.select().from(schema.facts).where(eq(schema.facts.key, input.key)).get()) {
      throw new InvalidError("fact_key_taken", `Esiste già un fatto con la chiave "${input.key}".`, {
        key: ["Chiave già usata da un altro fatto"],
      });
    }
    const fact = tx
      .insert(schema.facts)
      .values({ ...input, updatedAt: nextStamp(tx) })
      .returning()
      .get();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "fact.create",
      entityType: "fact",
      entityId: fact.key,
      details: snapshot(fact),
    });
    return fact;
  });
}

/**
 * Changes a fact and, in the same transaction, queues a search re-sync for every article that shows it: the
 * rendered answers change with the value (docs/decisions/003-versions-and-outbox.md). Making a fact internal is
 * refused while anything public uses it, since the value would silently vanish from those places.
 */
export function updateFact(
  key: string,
  input: FactUpdateInput,
  actor: FactActor,
  db: Db = getDb(),
): UpdatedFact {
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(schema.facts).where(eq(schema.facts.key, key)).get();
    if (!before) throw new NotFoundError("fact_not_found", `Il fatto "${key}" non esiste.`);
    const after = { ...snapshot(before), ...input };
    if (JSON.stringify(snapshot(before)) === JSON.stringify(after)) {
      return { fact: before, reindexed: 0, changed: false };
    }
    if (before.visibility === "public" && input.visibility === "internal") {
      const uses = publicUsesOfFact(tx, key);
      if (uses.length > 0) {
        throw new ConflictError(
          "fact_used_publicly",
          `Il fatto non può diventare interno: ${uses.length === 1 ? "è usato" : `è usato in ${uses.length} articoli`} in contenuti pubblici — ${describeUses(uses)}. Togli {{fact.${key}}} da quei punti (o spostalo in un blocco :::internal) e riprova.`,
          { articles: uses },
        );
      }
    }
    const fact = tx
      .update(schema.facts)
      .set({ ...input, updatedAt: nextStamp(tx) })
      .where(eq(schema.facts.key, key))
      .returning()
      .get();
    const articleIds = articleIdsUsingFacts(tx, [key]);
    enqueueSearchSync(tx, articleIds, "fact_changed");
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "fact.update",
      entityType: "fact",
      entityId: key,
      details: { before: snapshot(before), after: snapshot(fact), reindexed: articleIds.length },
    });
    return { fact, reindexed: articleIds.length, changed: true };
  });
}

/** Deletes an unused fact; refused while any article's current or published version names it. */
export function deleteFact(key: string, actor: FactActor, db: Db = getDb()): void {
  writeTransaction(db, (tx) => {
    const fact = tx.select().from(schema.facts).where(eq(schema.facts.key, key)).get();
    if (!fact) throw new NotFoundError("fact_not_found", `Il fatto "${key}" non esiste.`);
    const uses = factUsage(tx, [key]).get(key) ?? [];
    if (uses.length > 0) {
      throw new ConflictError(
        "fact_in_use",
        `Il fatto è usato in ${uses.length === 1 ? "un articolo" : `${uses.length} articoli`}: ${describeUses(uses)}. Toglilo da lì prima di eliminarlo.`,
        { articles: uses },
      );
    }
    tx.delete(schema.facts).where(eq(schema.facts.key, key)).run();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "fact.delete",
      entityType: "fact",
      entityId: key,
      details: snapshot(fact),
    });
  });
}
