import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, relative } from "node:path";
import { eq } from "drizzle-orm";
import { z } from "zod";
import {
  type Actor,
  ArticleMetaInput,
  assertVersionContent,
  checkVersionContent,
  createArticle,
  VersionContentInput,
} from "@/lib/articles";
import { type Db, getDb, LOCALES, type Locale, schema, VISIBILITIES } from "@/lib/db";
import { getFactMap } from "@/lib/facts";
import { type Converted, convertHtml, convertMarkdown, slugFromFileName } from "./convert";
import { explain } from "./explain";

// Imports a folder of another knowledge base's files (plain Markdown, or HTML such as a Zendesk/Freshdesk export):
// one article per file, with the taxonomy and visibility given on the command line. A dry run checks every file
// exactly as the real run would and writes nothing (docs/decisions/019-export-import-backup.md).

export const ForeignImportOptions = z.object({
  product: z.string().min(1, "--product is required"),
  category: z.string().min(1, "--category is required"),
  locale: z.enum(LOCALES).default("it"),
  // Internal drafts by default: nobody has read the converted text yet, so nothing reaches customers unreviewed.
  visibility: z.enum(VISIBILITIES).default("internal"),
  status: z.enum(["draft", "published"]).default("draft"),
  dryRun: z.boolean().default(false),
});
export type ForeignImportOptions = z.input<typeof ForeignImportOptions>;

export type ForeignFileReport = {
  path: string;
  slug: string | null;
  title: string | null;
  locale: Locale;
  /** Why the file is (or would be) skipped; empty when it is (or would be) imported. */
  problems: string[];
  created: boolean;
};

export type ForeignImportReport = {
  dryRun: boolean;
  files: ForeignFileReport[];
  /** Articles created (0 in a dry run). */
  created: number;
  /** Files that would be created (dry run) or were. */
  good: number;
  /** Problems that stop the whole run (unknown product or category, not a folder). */
  fatal: string[];
};

const MARKDOWN = new Set([".md", ".markdown"]);
const HTML = new Set([".html", ".htm"]);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    // Hidden files and folders (.git, .DS_Store) are not content.
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // A dangling link or a file we may not stat: listed, so reading it reports the problem for this file only.
    }
    if (isDirectory) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function readText(path: string): { text: string } | { problem: string } {
  try {
    const bytes = readFileSync(path);
    return { text: utf8.decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return { problem: "unreadable file: not UTF-8 text" };
    return { problem: `unreadable file: ${(error as Error).message}` };
  }
}

/**
 * Imports (or, with `dryRun`, only checks) every file of `dir`. Each file gets a report line: slug, title, locale
 * and every problem found. Good files are created as articles; files with problems are skipped.
 */
export function importForeignDir(
  dir: string,
  input: ForeignImportOptions,
  context: { actor?: Actor; db?: Db } = {},
): ForeignImportReport {
  const options = ForeignImportOptions.parse(input);
  const db = context.db ?? getDb();
  const actor = context.actor ?? null;
  const report: ForeignImportReport = { dryRun: options.dryRun, files: [], created: 0, good: 0, fatal: [] };
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };

  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) report.fatal.push(`${dir} is not a directory`);
  // An unknown slug is reported with the ones that exist, so the next attempt can be right.
  const checkSlug = (
    table: typeof schema.products | typeof schema.categories,
    what: string,
    slug: string,
  ) => {
    const known = db
      .select({ slug: table.slug })
      .from(table)
      .all()
      .map((r) => r.slug)
      .sort();
    if (!known.includes(slug))
      report.fatal.push(`no ${what} "${slug}" (known: ${known.join(", ") || "none"})`);
  };
  checkSlug(schema.products, "product", options.product);
  checkSlug(schema.categories, "category", options.category);
  if (report.fatal.length > 0) return report;

  const facts = getFactMap(db);
  const seen = new Map<string, string>();
  for (const path of listFiles(dir)) {
    const line: ForeignFileReport = {
      path: rel(path),
      slug: null,
      title: null,
      locale: options.locale,
      problems: [],
      created: false,
    };
    report.files.push(line);
    const ext = extname(path).toLowerCase();
    if (!MARKDOWN.has(ext) && !HTML.has(ext)) {
      line.problems.push(
        `unsupported file type "${ext || "(none)"}": expected .md, .markdown, .html or .htm`,
      );
      continue;
    }
    const read = readText(path);
    if ("problem" in read) {
      line.problems.push(read.problem);
      continue;
    }
    const converted: Converted | { problem: string } = HTML.has(ext)
      ? convertHtml(read.text)
      : convertMarkdown(read.text);
    if ("problem" in converted) {
      line.problems.push(converted.problem);
      continue;
    }

    line.slug = slugFromFileName(basename(path));
    line.title = converted.title;
    if (!converted.title)
      line.problems.push("no title: no front matter title, `# ` heading, <h1> or <title>");
    if (!converted.body) line.problems.push("empty body");
    const first = seen.get(line.slug);
    if (first) line.problems.push(`duplicate slug "${line.slug}": ${first} has the same name`);
    else {
      seen.set(line.slug, line.path);
      // Checked only for a slug's first file: a real run creates it, and its twin must read as in the dry run.
      if (db.select().from(schema.articles).where(eq(schema.articles.slug, line.slug)).get()) {
        line.problems.push(`an article with slug "${line.slug}" already exists`);
      }
    }

    const meta = ArticleMetaInput.safeParse({
      slug: line.slug,
      locale: options.locale,
      translationGroup: line.slug,
      productSlug: options.product,
      categorySlug: options.category,
      visibility: options.visibility,
      status: options.status,
      tags: [],
    });
    const content = VersionContentInput.safeParse({
      title: converted.title ?? "",
      summary: converted.summary.slice(0, 500),
      body: converted.body,
      changeNote: `Importato da ${basename(path)}`,
      answers: [],
    });
    // Title and body problems are already named above; the schemas add the rest (slug too short, too long…).
    if (!meta.success) line.problems.push(`slug: ${explain(meta.error)}`);
    if (!content.success && converted.title && converted.body) line.problems.push(explain(content.error));
    if (line.problems.length > 0 || !meta.success || !content.success) continue;

    try {
      // The checks createArticle makes (unknown {{variables}}, internal facts in public text), in the dry run too.
      const check = checkVersionContent(content.data, {
        visibility: options.visibility,
        facts,
        locale: options.locale,
      });
      assertVersionContent(check, options.status === "published" ? "publish" : "save");
      if (!options.dryRun) {
        createArticle(meta.data, content.data, actor, db);
        line.created = true;
        report.created++;
      }
      report.good++;
    } catch (error) {
      line.problems.push(explain(error));
    }
  }
  return report;
}
