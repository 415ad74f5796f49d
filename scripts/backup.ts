// `npm run backup [-- <folder>]`: a consistent snapshot of the database and uploads while Sportello keeps running
// (ADR 019). Without a folder it goes to <data dir>/backups/sportello-<UTC stamp>/; copy it off the machine.
import { createBackup } from "@/lib/backup";
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";

loadDotEnv();
async function main(): Promise<void> {
  if (process.argv.length > 3) throw new Error("usage: npm run backup [-- <file or folder>]");
  // Only brings a fresh data dir up to date; a running app has migrated already.
  migrateDb();
  const { dir, manifest } = await createBackup(process.argv[2]);
  const c = manifest.counts;
  console.log(
    `backup written to ${dir}\n  ${c.articles} articles, ${c.article_versions} versions, ${c.facts} facts, ` +
      `${c.users} users, ${c.uploads} uploads; migrations ${manifest.migrations.applied} (${manifest.migrations.last})`,
  );
  for (const name of manifest.missingUploads)
    console.error(`  ✗ uploads/${name}: file missing from the data dir`);
  if (manifest.missingUploads.length > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
