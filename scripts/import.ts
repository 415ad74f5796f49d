// `npm run import -- <dir>`: imports a content folder (docs/content-format.md) into the database, reporting each
// bad file with its path and reason while importing the good ones. Exits 1 when any file was bad.
//
// `npm run import -- <dir> --product P --category C [--locale it|en] [--visibility internal|public]
//  [--status draft|published] [--dry-run]`: imports a folder of another knowledge base's files instead (plain
// Markdown or HTML, one article per file; ADR 019). Defaults: it, internal, draft. `--dry-run` reports what would be
// created and every problem, and writes nothing.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { importContentDir, importForeignDir } from "@/lib/content";
import { closeDb, migrateDb } from "@/lib/db";
import { loadDotEnv } from "@/lib/runtime/dotenv";

loadDotEnv();
const USAGE = `usage: npm run import -- <dir>
       npm run import -- <dir> --product <slug> --category <slug> [--locale it|en]
                        [--visibility internal|public] [--status draft|published] [--dry-run]`;

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      product: { type: "string" },
      category: { type: "string" },
      locale: { type: "string" },
      visibility: { type: "string" },
      status: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
}
let args: ReturnType<typeof parse> | undefined;
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const dir = args?.positionals[0];
if (!args || !dir || args.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const v = args.values;
const foreign =
  [v.product, v.category, v.locale, v.visibility, v.status].some((x) => x !== undefined) || v["dry-run"];

migrateDb();
if (foreign) {
  let code = 0;
  try {
    const report = importForeignDir(resolve(dir), {
      product: v.product ?? "",
      category: v.category ?? "",
      locale: v.locale as "it" | "en" | undefined,
      visibility: v.visibility as "internal" | "public" | undefined,
      status: v.status as "draft" | "published" | undefined,
      dryRun: v["dry-run"],
    });
    for (const f of report.fatal) console.error(`✗ ${f}`);
    for (const f of report.files) {
      const what = f.slug ? `${f.slug} (${f.locale}) "${f.title ?? ""}"` : "";
      if (f.problems.length === 0)
        console.log(`  ${report.dryRun ? "would create" : "created"} ${what}  ← ${f.path}`);
      else console.error(`  ✗ ${f.path}${what ? ` → ${what}` : ""}: ${f.problems.join("; ")}`);
    }
    const bad = report.files.filter((f) => f.problems.length > 0).length;
    console.log(
      report.dryRun
        ? `dry run: ${report.good} of ${report.files.length} files would be imported, ${bad} with problems; nothing was written`
        : `created ${report.created} of ${report.files.length} files, ${bad} with problems`,
    );
    if (!report.dryRun && report.created > 0) {
      console.log("Search indexes update from the outbox when Sportello runs (or run `npm run reindex`).");
    }
    code = report.fatal.length > 0 || bad > 0 ? 1 : 0;
  } catch (error) {
    const message =
      error instanceof ZodError
        ? error.issues.map((i) => i.message).join("; ")
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`import failed: ${message}\n${USAGE}`);
    code = 2;
  } finally {
    closeDb();
  }
  process.exit(code);
}

const report = importContentDir(resolve(dir));
closeDb();
console.log(
  `created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, ` +
    `errors ${report.errors.length} (products ${report.products}, categories ${report.categories}, facts ${report.facts}, uploads ${report.uploads})`,
);
for (const e of report.errors) console.error(`  ✗ ${e.path}: ${e.reason}`);
if (report.created.length + report.updated.length > 0) {
  console.log("Search indexes update from the outbox when Sportello runs (or run `npm run reindex`).");
}
process.exit(report.errors.length > 0 ? 1 : 0);
