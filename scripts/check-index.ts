// `npm run check-index [-- --repair]`: compares both search indexes with SQLite and reports missing, extra and stale
// documents; with --repair, enqueues the drifted articles and applies the outbox until it is empty
// (lib/search/check-index.ts). Talks to MEILI_URL or the data dir's embedded Meilisearch, like reindex.
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";
import { checkIndexes, drainSearchOutbox, repairDrift } from "@/lib/search";
import { ensureMeilisearch } from "./meilisearch";

loadDotEnv();
async function main(): Promise<number> {
  const repair = process.argv.includes("--repair");
  const stopMeilisearch = await ensureMeilisearch();
  try {
    migrateDb();
    let check = await checkIndexes();
    const show = (label: string) => {
      console.log(
        `${label}: expected ${check.expected.internal} internal and ${check.expected.public} public documents`,
      );
      for (const d of check.drift) {
        const list = (ids: number[]) =>
          ids.length ? `${ids.length} (${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})` : "0";
        console.log(
          `  ${d.index}: missing ${list(d.missing)}, extra ${list(d.extra)}, stale ${list(d.stale)}`,
        );
      }
    };
    show("checked");
    if (check.consistent) {
      console.log("the indexes match the database");
      return 0;
    }
    if (!repair) {
      console.log("drift found: run `npm run check-index -- --repair` to fix it");
      return 1;
    }
    console.log(`repairing ${repairDrift(check)} articles…`);
    await drainSearchOutbox({ maxPasses: 1000 });
    check = await checkIndexes();
    show("after repair");
    return check.consistent ? 0 : 1;
  } finally {
    closeDb();
    await stopMeilisearch();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check-index failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
