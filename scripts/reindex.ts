// `npm run reindex`: rebuilds both search indexes from SQLite into fresh indexes and swaps them in atomically.
// Talks to MEILI_URL, or to the embedded Meilisearch of the data dir (started for the duration if not running).
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { closeDb, migrateDb } from "@/lib/db";
import { dataDir, getEnv, resetEnvCache } from "@/lib/env";
import { loadDotEnv } from "@/lib/runtime/dotenv";
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import { applyIndexSettings, reindexAll } from "@/lib/search";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "@/lib/search/embedded";

loadDotEnv();
async function main(): Promise<void> {
  const env = getEnv();
  let embedded: EmbeddedMeili | null = null;
  if (!env.MEILI_URL) {
    const secrets = loadOrCreateSecrets(dataDir());
    const key = env.MEILI_MASTER_KEY ?? secrets.meiliMasterKey;
    const url = `http://127.0.0.1:${env.MEILI_PORT}`;
    const running = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!running) {
      const binary = await resolveMeiliBinary(env.MEILI_BIN);
      embedded = await startEmbeddedMeili({
        binary: binary.path,
        port: env.MEILI_PORT,
        dataDir: join(dataDir(), "meilisearch"),
        masterKey: key,
      });
    }
    process.env.MEILI_URL = url;
    process.env.MEILI_MASTER_KEY = key;
    resetEnvCache();
  }
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
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`reindex failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
