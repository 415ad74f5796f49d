// `npm run reindex`: rebuilds both search indexes from SQLite into fresh indexes and swaps them in atomically.
// Talks to MEILI_URL, or to the embedded Meilisearch of the data dir (started for the duration if not running).
import { SingleBar } from "cli-progress";
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";
import { applyIndexSettings, reindexAll } from "@/lib/search";
import { ensureMeilisearch } from "./meilisearch";

loadDotEnv();
async function main(): Promise<void> {
  const stopMeilisearch = await ensureMeilisearch();
  try {
    migrateDb();
    await applyIndexSettings();
    const bar = new SingleBar({
      format: "reindex [{bar}] {percentage}% | {value}/{total} articles",
      hideCursor: true,
    });
    let startedBar = false;
    const result = await reindexAll({
      onProgress: ({ done, total }) => {
        if (!startedBar) {
          bar.start(total, 0);
          startedBar = true;
        }
        bar.update(done);
      },
    });
    bar.stop();
    console.log(
      `reindexed ${result.articles} published articles (internal ${result.internal}, public ${result.public}) in ${result.ms} ms`,
    );
  } finally {
    closeDb();
    await stopMeilisearch();
  }
}

main().catch((error: unknown) => {
  console.error(`reindex failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
