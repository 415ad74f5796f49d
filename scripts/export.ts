// `npm run export -- <dir>`: writes every article, facts, taxonomy and the articles' uploads as a content folder
// (docs/content-format.md, ADR 019) that `npm run import -- <dir>` reads back. The folder must be new or empty.
import { resolve } from "node:path";
import { exportContentDir } from "@/lib/content";
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";

loadDotEnv();
const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run export -- <dir>");
  process.exit(2);
}
try {
  migrateDb();
  const r = exportContentDir(resolve(dir));
  console.log(
    `exported ${r.articles} articles (${r.drafts} with a newer draft), ${r.facts} facts, ` +
      `${r.products} products, ${r.categories} categories, ${r.uploads} uploads to ${resolve(dir)}`,
  );
  for (const name of r.missingUploads) console.error(`  ✗ uploads/${name}: file missing from the data dir`);
  process.exitCode = r.missingUploads.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  closeDb();
}
