import "server-only";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { eq, sql } from "drizzle-orm";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  type Actor,
  createArticle,
  getArticleForEdit,
  getArticleIdsUsingFacts,
  saveArticleVersion,
  updateArticleMeta,
} from "@/lib/articles";
import { type Db, enqueueSearchSync, getDb, schema } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { FactFileInput } from "@/lib/facts";
import { CategoryInput, ProductInput } from "@/lib/taxonomy";
import { type ParsedArticleFile, parseArticleFile } from "./parse";

export type ImportReport = {
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: { path: string; reason: string }[];
  products: number;
  categories: number;
  facts: number;
};

// The importer applies the studio's own rules (lib/facts, lib/taxonomy), so a file cannot bring in what an editor
// could not type; `.strict()` because an unknown field in a file is a typo to report.
const Taxonomy = z
  .object({
    products: z.array(ProductInput.strict()).default([]),
    categories: z.array(CategoryInput.strict()).default([]),
  })
  .strict();

const Facts = z.array(FactFileInput);

function explain(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  }
  if (error instanceof DomainError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join(", ")}`);
    return [error.message, ...fields].join(" — ");
  }
  return error instanceof Error ? error.message : String(error);
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, "utf8"));
}

function listMarkdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listMarkdownFiles(path));
    else if (entry.endsWith(".md") && entry.toLowerCase() !== "readme.md") out.push(path);
  }
  return out;
}

function importTaxonomy(path: string, db: Db): { products: number; categories: number } {
  const data = Taxonomy.parse(readYaml(path) ?? {});
  db.transaction((tx) => {
    for (const p of data.products) {
      tx.insert(schema.products)
        .values({ slug: p.slug, name: p.name, channels: p.channels })
        .onConflictDoUpdate({ target: schema.products.slug, set: { name: p.name, channels: p.channels } })
        .run();
    }
    for (const c of data.categories) {
      const values = { name: c.name, description: c.description ?? null, position: c.position };
      tx.insert(schema.categories)
        .values({ slug: c.slug, ...values })
        .onConflictDoUpdate({ target: schema.categories.slug, set: values })
        .run();
    }
  });
  return { products: data.products.length, categories: data.categories.length };
}

function importFacts(path: string, db: Db): number {
  const data = Facts.parse(readYaml(path) ?? []);
  db.transaction((tx) => {
    const changed: string[] = [];
    for (const f of data) {
      const existing = tx.select().from(schema.facts).where(eq(schema.facts.key, f.key)).get();
      const same =
        existing &&
        existing.type === f.type &&
        existing.visibility === f.visibility &&
        existing.description === f.description &&
        JSON.stringify(existing.values) === JSON.stringify(f.values);
      if (same) continue;
      if (existing) {
        tx.update(schema.facts)
          .set({ ...f, updatedAt: sql`(unixepoch('subsec') * 1000)` })
          .where(eq(schema.facts.key, f.key))
          .run();
        changed.push(f.key);
      } else {
        tx.insert(schema.facts).values(f).run();
      }
    }
    // A changed fact changes every rendered answer that uses it: re-index those articles.
    enqueueSearchSync(tx, getArticleIdsUsingFacts(changed, tx as unknown as Db), "fact_changed");
  });
  return data.length;
}

function sameContent(a: ParsedArticleFile["content"], articleId: number, db: Db): boolean {
  const current = getArticleForEdit(articleId, db);
  if (!current) return false;
  const answers = (list: { channel: string; subject: string | null; body: string }[]) =>
    JSON.stringify(
      [...list]
        .map((x) => ({ channel: x.channel, subject: x.subject ?? null, body: x.body }))
        .sort((x, y) => x.channel.localeCompare(y.channel)),
    );
  return (
    current.version.title === a.title &&
    current.version.summary === a.summary &&
    current.version.body === a.body &&
    answers(current.answers) === answers(a.answers)
  );
}

/**
 * Imports a content folder (docs/content-format.md). Each bad file is reported with its path and reason and
 * skipped; good files are imported. Re-importing the same folder changes nothing (idempotent).
 */
export function importContentDir(dir: string, options: { actor?: Actor; db?: Db } = {}): ImportReport {
  const db = options.db ?? getDb();
  const actor = options.actor ?? null;
  const report: ImportReport = {
    created: [],
    updated: [],
    unchanged: [],
    errors: [],
    products: 0,
    categories: 0,
    facts: 0,
  };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    report.errors.push({ path: dir, reason: "not a directory" });
    return report;
  }
  // Paths inside the working directory are shown relative to it, others in full (no "../../tmp/…").
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };
  const firstFileOfSlug = new Map<string, string>();

  const taxonomyPath = join(dir, "taxonomy.yaml");
  if (existsSync(taxonomyPath)) {
    try {
      const counts = importTaxonomy(taxonomyPath, db);
      report.products = counts.products;
      report.categories = counts.categories;
    } catch (error) {
      report.errors.push({ path: rel(taxonomyPath), reason: explain(error) });
    }
  }
  const factsPath = join(dir, "facts.yaml");
  if (existsSync(factsPath)) {
    try {
      report.facts = importFacts(factsPath, db);
    } catch (error) {
      report.errors.push({ path: rel(factsPath), reason: explain(error) });
    }
  }

  const articlesDir = existsSync(join(dir, "articles")) ? join(dir, "articles") : dir;
  for (const path of listMarkdownFiles(articlesDir)) {
    const parsed = parseArticleFile(readFileSync(path, "utf8"));
    if (!parsed.ok) {
      report.errors.push({ path: rel(path), reason: parsed.reason });
      continue;
    }
    const { meta, content } = parsed.article;
    const first = firstFileOfSlug.get(meta.slug);
    if (first) {
      report.errors.push({ path: rel(path), reason: `slug "${meta.slug}" is already used by ${rel(first)}` });
      continue;
    }
    firstFileOfSlug.set(meta.slug, path);
    try {
      const existing = db.select().from(schema.articles).where(eq(schema.articles.slug, meta.slug)).get();
      if (!existing) {
        createArticle(meta, content, actor, db);
        report.created.push(meta.slug);
        continue;
      }
      let changed = updateArticleMeta(existing.id, meta, actor, db);
      const article = db.select().from(schema.articles).where(eq(schema.articles.id, existing.id)).get();
      const wantsPublished = meta.status === "published";
      const isPublished =
        article?.status === "published" && article.publishedVersionId === article.currentVersionId;
      if (article && (!sameContent(content, article.id, db) || (wantsPublished && !isPublished))) {
        saveArticleVersion(
          {
            ...content,
            articleId: article.id,
            baseVersionId: article.currentVersionId ?? 0,
            publish: wantsPublished,
          },
          actor,
          db,
        );
        changed = true;
      }
      (changed ? report.updated : report.unchanged).push(meta.slug);
    } catch (error) {
      report.errors.push({ path: rel(path), reason: explain(error) });
    }
  }
  return report;
}
