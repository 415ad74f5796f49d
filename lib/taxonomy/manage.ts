import "server-only";
import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import {
  type Category,
  type Db,
  enqueueSearchSync,
  getDb,
  type Product,
  schema,
  writeTransaction,
} from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CategoryInput, ProductInput } from "./input";

// Products and categories: every article points at one of each (foreign keys with ON DELETE RESTRICT), so a delete
// is refused with the articles to move first. Their names and slugs are part of the search documents, so a change
// re-syncs every published article that shows them.

export type TaxonomyActor = { id: number } | null;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

export type ProductWithCount = Product & { articleCount: number };
export type CategoryWithCount = Category & { articleCount: number };

/** An article that blocks a delete. */
export type TaxonomyUse = { articleId: number; slug: string; title: string };

function countsBy(db: Reader, column: typeof schema.articles.productId | typeof schema.articles.categoryId) {
  const rows = db.select({ id: column, n: count() }).from(schema.articles).groupBy(column).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function listProducts(db: Db = getDb()): ProductWithCount[] {
  const counts = countsBy(db, schema.articles.productId);
  return db
    .select()
    .from(schema.products)
    .orderBy(asc(schema.products.slug))
    .all()
    .map((p) => ({ ...p, articleCount: counts.get(p.id) ?? 0 }));
}

export function listCategories(db: Db = getDb()): CategoryWithCount[] {
  const counts = countsBy(db, schema.articles.categoryId);
  return db
    .select()
    .from(schema.categories)
    .orderBy(asc(schema.categories.position), asc(schema.categories.slug))
    .all()
    .map((c) => ({ ...c, articleCount: counts.get(c.id) ?? 0 }));
}

function articlesWhere(db: Reader, where: ReturnType<typeof eq>): TaxonomyUse[] {
  return db
    .select({
      articleId: schema.articles.id,
      slug: schema.articles.slug,
      title: schema.articleVersions.title,
    })
    .from(schema.articles)
    .leftJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .where(where)
    .orderBy(asc(schema.articles.id))
    .all()
    .map((r) => ({ articleId: r.articleId, slug: r.slug, title: r.title ?? r.slug }));
}

/** Published articles matching `where`: the ones whose search documents show the changed taxonomy. */
function publishedIdsWhere(tx: Reader, where: ReturnType<typeof eq>): number[] {
  return tx
    .select({ id: schema.articles.id })
    .from(schema.articles)
    .where(and(where, isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived")))
    .all()
    .map((r) => r.id);
}

function inUseMessage(what: string, uses: readonly TaxonomyUse[]): string {
  const names = uses
    .slice(0, 5)
    .map((u) => `«${u.title}»`)
    .join(", ");
  const more = uses.length > 5 ? ` e altri ${uses.length - 5}` : "";
  const n = uses.length === 1 ? "un articolo" : `${uses.length} articoli`;
  return `${what} è usato da ${n}: ${names}${more}. Sposta quegli articoli altrove prima di eliminarlo.`;
}

function slugTaken(field: "product" | "category", slug: string): InvalidError {
  return new InvalidError(
    `${field}_slug_taken`,
    `Lo slug "${slug}" è già usato da ${field === "product" ? "un altro prodotto" : "un'altra categoria"}.`,
    { slug: ["Slug già usato"] },
  );
}

// ── Products ───────────────────────────────────────────────────────────────────────────────────────

export function createProduct(input: ProductInput, actor: TaxonomyActor, db: Db = getDb()): Product {
  return writeTransaction(db, (tx) => {
    if (tx.select().from(schema.products).where(eq(schema.products.slug, input.slug)).get()) {
      throw slugTaken("product", input.slug);
    }
    const product = tx.insert(schema.products).values(input).returning().get();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.product.create",
      entityType: "product",
      entityId: product.id,
      details: { ...input },
    });
    return product;
  });
}

export type UpdatedTaxonomy<T> = { item: T; reindexed: number };

export function updateProduct(
  id: number,
  input: ProductInput,
  actor: TaxonomyActor,
  db: Db = getDb(),
): UpdatedTaxonomy<Product> {
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(schema.products).where(eq(schema.products.id, id)).get();
    if (!before) throw new NotFoundError("product_not_found", "Prodotto non trovato.");
    const clash = tx.select().from(schema.products).where(eq(schema.products.slug, input.slug)).get();
    if (clash && clash.id !== id) throw slugTaken("product", input.slug);
    const item = tx.update(schema.products).set(input).where(eq(schema.products.id, id)).returning().get();
    // Channels only drive the parity report; slug and name are in the search documents.
    const shown =
      before.slug !== item.slug || JSON.stringify(before.name) !== JSON.stringify(item.name)
        ? publishedIdsWhere(tx, eq(schema.articles.productId, id))
        : [];
    enqueueSearchSync(tx, shown, "product_changed");
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.product.update",
      entityType: "product",
      entityId: id,
      details: {
        before: { slug: before.slug, name: before.name, channels: before.channels },
        after: { slug: item.slug, name: item.name, channels: item.channels },
      },
    });
    return { item, reindexed: shown.length };
  });
}

export function deleteProduct(id: number, actor: TaxonomyActor, db: Db = getDb()): void {
  writeTransaction(db, (tx) => {
    const product = tx.select().from(schema.products).where(eq(schema.products.id, id)).get();
    if (!product) throw new NotFoundError("product_not_found", "Prodotto non trovato.");
    const uses = articlesWhere(tx, eq(schema.articles.productId, id));
    if (uses.length > 0) {
      throw new ConflictError("product_in_use", inUseMessage(`Il prodotto «${product.name.it}»`, uses), {
        articles: uses,
      });
    }
    tx.delete(schema.products).where(eq(schema.products.id, id)).run();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.product.delete",
      entityType: "product",
      entityId: id,
      details: { slug: product.slug, name: product.name, channels: product.channels },
    });
  });
}

// ── Categories ─────────────────────────────────────────────────────────────────────────────────────

export function createCategory(input: CategoryInput, actor: TaxonomyActor, db: Db = getDb()): Category {
  return writeTransaction(db, (tx) => {
    if (tx.select().from(schema.categories).where(eq(schema.categories.slug, input.slug)).get()) {
      throw slugTaken("category", input.slug);
    }
    const category = tx.insert(schema.categories).values(input).returning().get();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.category.create",
      entityType: "category",
      entityId: category.id,
      details: { ...input },
    });
    return category;
  });
}

export function updateCategory(
  id: number,
  input: CategoryInput,
  actor: TaxonomyActor,
  db: Db = getDb(),
): UpdatedTaxonomy<Category> {
  return writeTransaction(db, (tx) => {
    const before = tx.select().from(schema.categories).where(eq(schema.categories.id, id)).get();
    if (!before) throw new NotFoundError("category_not_found", "Categoria non trovata.");
    const clash = tx.select().from(schema.categories).where(eq(schema.categories.slug, input.slug)).get();
    if (clash && clash.id !== id) throw slugTaken("category", input.slug);
    const item = tx
      .update(schema.categories)
      .set(input)
      .where(eq(schema.categories.id, id))
      .returning()
      .get();
    // Description and position only shape the portal pages, which read SQLite; slug and name are indexed.
    const shown =
      before.slug !== item.slug || JSON.stringify(before.name) !== JSON.stringify(item.name)
        ? publishedIdsWhere(tx, eq(schema.articles.categoryId, id))
        : [];
    enqueueSearchSync(tx, shown, "category_changed");
    const snapshot = (c: Category) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      position: c.position,
    });
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.category.update",
      entityType: "category",
      entityId: id,
      details: { before: snapshot(before), after: snapshot(item) },
    });
    return { item, reindexed: shown.length };
  });
}

export function deleteCategory(id: number, actor: TaxonomyActor, db: Db = getDb()): void {
  writeTransaction(db, (tx) => {
    const category = tx.select().from(schema.categories).where(eq(schema.categories.id, id)).get();
    if (!category) throw new NotFoundError("category_not_found", "Categoria non trovata.");
    const uses = articlesWhere(tx, eq(schema.articles.categoryId, id));
    if (uses.length > 0) {
      throw new ConflictError("category_in_use", inUseMessage(`La categoria «${category.name.it}»`, uses), {
        articles: uses,
      });
    }
    tx.delete(schema.categories).where(eq(schema.categories.id, id)).run();
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.category.delete",
      entityType: "category",
      entityId: id,
      details: { slug: category.slug, name: category.name },
    });
  });
}

// ── Tags ───────────────────────────────────────────────────────────────────────────────────────────

export type TagCount = { tag: string; count: number };

/** Every tag in use, most used first. Tags live only in articles.tags (a JSON array): there is no tag table. */
export function listTags(db: Db = getDb()): TagCount[] {
  return db.$client
    .prepare(
      `select j.value as tag, count(*) as count
         from articles a, json_each(a.tags) j
        group by j.value
        order by count(*) desc, j.value asc`,
    )
    .all() as TagCount[];
}

function articlesWithTag(tx: Tx, tag: string) {
  return tx
    .select({
      id: schema.articles.id,
      tags: schema.articles.tags,
      publishedVersionId: schema.articles.publishedVersionId,
      status: schema.articles.status,
    })
    .from(schema.articles)
    .where(sql`exists (select 1 from json_each(${schema.articles.tags}) where value = ${tag})`)
    .all();
}

export type TagChange = { articles: number; reindexed: number };

/**
 * Rewrites the tag lists of every article carrying `tag`, in one transaction. `updatedAt` moves because the
 * article row changed: `npm run reindex` re-syncs articles changed while it ran by that column.
 */
function rewriteTag(tx: Tx, tag: string, rewrite: (tags: string[]) => string[], reason: string): TagChange {
  const rows = articlesWithTag(tx, tag);
  for (const row of rows) {
    tx.update(schema.articles)
      .set({ tags: rewrite(row.tags), updatedAt: sql`(unixepoch('subsec') * 1000)` })
      .where(eq(schema.articles.id, row.id))
      .run();
  }
  const published = rows
    .filter((r) => r.publishedVersionId !== null && r.status !== "archived")
    .map((r) => r.id);
  enqueueSearchSync(tx, published, reason);
  return { articles: rows.length, reindexed: published.length };
}

/** Renames a tag on every article; when `to` already exists the two merge (no article carries it twice). */
export function renameTag(from: string, to: string, actor: TaxonomyActor, db: Db = getDb()): TagChange {
  if (from === to) {
    throw new InvalidError("tag_same_name", "Il nuovo nome è uguale a quello attuale.", {
      to: ["Scegli un nome diverso"],
    });
  }
  return writeTransaction(db, (tx) => {
    const merged = articlesWithTag(tx, to).length > 0;
    const change = rewriteTag(
      tx,
      from,
      (tags) => [...new Set(tags.map((t) => (t === from ? to : t)))],
      "tag_renamed",
    );
    if (change.articles === 0)
      throw new NotFoundError("tag_not_found", `Nessun articolo ha il tag "${from}".`);
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: merged ? "taxonomy.tag.merge" : "taxonomy.tag.rename",
      entityType: "tag",
      entityId: from,
      details: { from, to, ...change },
    });
    return change;
  });
}

/** Removes a tag from every article that carries it. */
export function deleteTag(tag: string, actor: TaxonomyActor, db: Db = getDb()): TagChange {
  return writeTransaction(db, (tx) => {
    const change = rewriteTag(tx, tag, (tags) => tags.filter((t) => t !== tag), "tag_deleted");
    if (change.articles === 0)
      throw new NotFoundError("tag_not_found", `Nessun articolo ha il tag "${tag}".`);
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "taxonomy.tag.delete",
      entityType: "tag",
      entityId: tag,
      details: { tag, ...change },
    });
    return change;
  });
}

/** Article ids carrying a tag (tests, and the studio list of a tag). */
export function listArticleIdsWithTag(tag: string, db: Db = getDb()): number[] {
  return db
    .select({ id: schema.articles.id })
    .from(schema.articles)
    .where(sql`exists (select 1 from json_each(${schema.articles.tags}) where value = ${tag})`)
    .all()
    .map((r) => r.id);
}
