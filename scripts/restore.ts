// `npm run restore -- <backup folder>`: replaces the data dir's database and uploads with a backup's (ADR 019).
// Refuses while Sportello answers on its health URL; the replaced files are kept in <data dir>/before-restore-*/.
// Then migrates and rebuilds both search indexes (MEILI_URL, or the embedded Meilisearch started for the duration).
import { isAppRunning, restoreBackup } from "@/lib/backup";
import { closeDb } from "@/lib/db";
import { dataDir, getEnv } from "@/lib/env";
import { loadDotEnv } from "@/lib/runtime/dotenv";
import { applyIndexSettings, reindexAll } from "@/lib/search";
import { ensureMeilisearch } from "./meilisearch";

loadDotEnv();
async function main(): Promise<void> {
  const backup = process.argv[2];
  if (!backup || process.argv.length > 3) throw new Error("usage: npm run restore -- <backup folder>");
  const health = `http://127.0.0.1:${getEnv().PORT}/api/health`;
  if (await isAppRunning(health)) {
    throw new Error(`Sportello is running (${health} answers): stop it first, then restore`);
  }
  const { manifest, previous } = restoreBackup(backup);
  console.log(`restored the backup of ${manifest.createdAt} into ${dataDir()}`);
  if (previous) console.log(`  the replaced database and uploads are kept in ${previous}`);

  const stop = await ensureMeilisearch();
  try {
    await applyIndexSettings();
    const result = await reindexAll();
    console.log(`  search rebuilt: ${result.internal} internal, ${result.public} public documents`);
  } finally {
    await stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
