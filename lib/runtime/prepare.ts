import "server-only";
import { resolve } from "node:path";
import { countArticles, listPublishedArticleIds } from "@/lib/articles";
import { ensureDemoUsers } from "@/lib/auth/demo";
import { countUsers } from "@/lib/auth/users";
import { type ImportReport, importContentDir } from "@/lib/content";
import { migrateDb } from "@/lib/db";
import { applyIndexSettings, getMeili, indexNames, processSearchOutbox, reindexAll } from "@/lib/search";

export type PrepareResult = {
  demoUsersCreated: number;
  imported: ImportReport | null;
  reindexed: boolean;
  synced: number;
  users: number;
};

/**
 * Everything between "the database file and Meilisearch are reachable" and "the app may serve": migrations, demo
 * accounts and content on an empty database, index settings, and an index that matches SQLite.
 */
export async function prepareRuntime(options: {
  demo: boolean;
  contentDir?: string;
}): Promise<PrepareResult> {
  migrateDb();
  const result: PrepareResult = {
    demoUsersCreated: 0,
    imported: null,
    reindexed: false,
    synced: 0,
    users: 0,
  };
  if (options.demo) {
    result.demoUsersCreated = await ensureDemoUsers();
    if (countArticles() === 0) {
      result.imported = importContentDir(resolve(options.contentDir ?? "content"));
    }
  }
  await applyIndexSettings();
  for (;;) {
    const pass = await processSearchOutbox();
    result.synced += pass.processed;
    if (pass.error) throw new Error(`Search sync failed: ${pass.error}`);
    if (pass.processed === 0) break;
  }
  // A wiped or new Meilisearch (e.g. MEILI_URL pointed elsewhere) with a populated database: rebuild from SQLite.
  const stats = await getMeili().index(indexNames().internal).getStats();
  if (stats.numberOfDocuments === 0 && listPublishedArticleIds().length > 0) {
    await reindexAll();
    result.reindexed = true;
  }
  result.users = countUsers();
  return result;
}
