// `npm run import -- <dir>`: imports a content folder (docs/content-format.md) into the database, reporting each
// bad file with its path and reason while importing the good ones. Exits 1 when any file was bad.
import { resolve } from "node:path";
import { importContentDir } from "@/lib/content";
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";

loadDotEnv();
const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run import -- <dir>");
  process.exit(2);
}
migrateDb();
const report = importContentDir(resolve(dir));
closeDb();
console.log(
  `created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, ` +
    `errors ${report.errors.length} (products ${report.products}, categories ${report.categories}, facts ${report.facts})`,
);
for (const e of report.errors) console.error(`  ✗ ${e.path}: ${e.reason}`);
if (report.created.length + report.updated.length > 0) {
  console.log("Search indexes update from the outbox when Sportello runs (or run `npm run reindex`).");
}
process.exit(report.errors.length > 0 ? 1 : 0);
