import "server-only";
import { asc } from "drizzle-orm";
import { type Db, type Fact, getDb, type Locale, schema } from "@/lib/db";

export type FactMap = ReadonlyMap<string, Fact>;

export function listFacts(db: Db = getDb()): Fact[] {
  return db.select().from(schema.facts).orderBy(asc(schema.facts.key)).all();
}

export function getFactMap(db: Db = getDb()): FactMap {
  return new Map(listFacts(db).map((f) => [f.key, f]));
}

/**
 * Template values `fact.KEY → value` for one locale. The public audience never receives internal facts, so even a
 * stray {{fact.internal_thing}} in public output stays an unfilled token instead of leaking the value.
 */
export function factValues(
  facts: FactMap,
  locale: Locale,
  audience: "internal" | "public",
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const fact of facts.values()) {
    if (audience === "public" && fact.visibility === "internal") continue;
    values[`fact.${fact.key}`] = (locale === "en" ? fact.values.en : undefined) ?? fact.values.it;
  }
  return values;
}
