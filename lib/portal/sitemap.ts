import "server-only";
import { type Db, getDb } from "@/lib/db";
import { localePath, PORTAL_LOCALES } from "@/lib/i18n";
import { getPortalTaxonomy, listPortalArticles } from "./queries";

export type SitemapEntry = { path: string; lastModified?: Date };

/**
 * Every public page of the portal, in both languages: home, products, categories and articles. Built from the
 * same public-only queries as the pages, so nothing internal, draft or archived can be listed.
 */
export function listSitemapEntries(db: Db = getDb()): SitemapEntry[] {
  return PORTAL_LOCALES.flatMap((locale) => {
    const articles = listPortalArticles(locale, {}, db);
    if (articles.length === 0) return [];
    const { products, categories } = getPortalTaxonomy(articles, db);
    const latest = new Date(Math.max(...articles.map((a) => a.publishedAt.getTime())));
    return [
      { path: localePath(locale, "/"), lastModified: latest },
      ...products.map((p) => ({ path: localePath(locale, `/p/${p.slug}`) })),
      ...categories.map((c) => ({ path: localePath(locale, `/c/${c.slug}`) })),
      ...articles.map((a) => ({ path: localePath(locale, `/a/${a.slug}`), lastModified: a.publishedAt })),
    ];
  });
}
