import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type Db, getDb, LOCALES, schema } from "@/lib/db";
import { listMostUnhelpful } from "@/lib/feedback";
import { computeParity, PARITY_KIND_LABEL, todayIso } from "@/lib/parity";
import { findArticleLinks } from "./links";

// What needs an editor's attention across the knowledge base (issue 7 point 4), each item with the page where it
// is fixed. Not lib/health: that one answers /api/health for monitoring. Definitions: ADR 020.

/** A translation whose published text is older than its counterpart's by more than this is "outdated". */
export const OUTDATED_TRANSLATION_DAYS = 30;
/** "Not helpful" enough to look at: at least this many votes in the window, at least half of them "no". */
export const UNHELPFUL_MIN_VOTES = 3;
export const UNHELPFUL_MIN_NO_SHARE = 0.5;
export const UNHELPFUL_WINDOW_DAYS = 90;

export const HEALTH_KINDS = [
  "review_overdue",
  "parity",
  "broken_link",
  "missing_translation",
  "outdated_translation",
  "unhelpful",
] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

export type HealthItem = {
  kind: HealthKind;
  articleId: number;
  title: string;
  locale: string;
  /** What is wrong, in the editor's words. */
  detail: string;
  /** The studio page where it is fixed. */
  href: string;
  fixLabel: string;
};

const DAY_MS = 86_400_000;

type JudgedArticle = {
  id: number;
  slug: string;
  locale: string;
  visibility: "public" | "internal";
  translationGroup: string;
  published: boolean;
  title: string;
  body: string;
  /** When the published title or body last changed; null when never published. */
  textChangedAt: Date | null;
};

/** Unarchived articles with the version readers see (the published one, else the working copy). */
function loadArticles(db: Db): JudgedArticle[] {
  const a = schema.articles;
  const judged = alias(schema.articleVersions, "judged");
  const changed = alias(schema.articleVersions, "changed");
  return db
    .select({
      id: a.id,
      slug: a.slug,
      locale: a.locale,
      visibility: a.visibility,
      translationGroup: a.translationGroup,
      publishedVersionId: a.publishedVersionId,
      title: judged.title,
      body: judged.body,
      changedAt: changed.createdAt,
    })
    .from(a)
    .innerJoin(judged, eq(judged.id, sql`coalesce(${a.publishedVersionId}, ${a.currentVersionId})`))
    .leftJoin(changed, and(eq(changed.articleId, a.id), eq(changed.number, judged.bodyChangedInVersion)))
    .where(ne(a.status, "archived"))
    .orderBy(judged.title, a.id)
    .all()
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      locale: r.locale,
      visibility: r.visibility,
      translationGroup: r.translationGroup,
      published: r.publishedVersionId !== null,
      title: r.title,
      body: r.body,
      textChangedAt: r.publishedVersionId !== null ? (r.changedAt ?? null) : null,
    }));
}

function brokenLinks(articles: JudgedArticle[], db: Db): HealthItem[] {
  const targets = new Map(
    db
      .select({
        slug: schema.articles.slug,
        status: schema.articles.status,
        visibility: schema.articles.visibility,
        publishedVersionId: schema.articles.publishedVersionId,
      })
      .from(schema.articles)
      .all()
      .map((t) => [t.slug, t]),
  );
  const items: HealthItem[] = [];
  for (const article of articles) {
    const seen = new Set<string>();
    for (const link of findArticleLinks(article.body)) {
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      const target = targets.get(link.slug);
      let problem: string | null = null;
      if (!target) problem = "porta a un articolo che non esiste";
      else if (target.status === "archived" || target.publishedVersionId === null)
        problem = "porta a un articolo non pubblicato";
      else if (article.visibility === "public" && target.visibility === "internal")
        problem = "porta, da un articolo pubblico, a un articolo interno";
      if (problem)
        items.push({
          kind: "broken_link",
          articleId: article.id,
          title: article.title,
          locale: article.locale,
          detail: `Il link ${link.href} ${problem}.`,
          href: `/studio/articles/${article.id}`,
          fixLabel: "Correggi il testo",
        });
    }
  }
  return items;
}

function translations(articles: JudgedArticle[]): HealthItem[] {
  const groups = new Map<string, JudgedArticle[]>();
  for (const a of articles) groups.set(a.translationGroup, [...(groups.get(a.translationGroup) ?? []), a]);
  const items: HealthItem[] = [];
  for (const article of articles) {
    if (!article.published) continue;
    const group = groups.get(article.translationGroup) ?? [];
    for (const locale of LOCALES) {
      if (locale === article.locale) continue;
      const counterpart = group.find((g) => g.locale === locale);
      if (!counterpart) {
        items.push({
          kind: "missing_translation",
          articleId: article.id,
          title: article.title,
          locale: article.locale,
          detail: `Nessuna versione ${locale.toUpperCase()}.`,
          href: `/studio/articles/new?translationOf=${article.id}`,
          fixLabel: `Crea la traduzione ${locale.toUpperCase()}`,
        });
        continue;
      }
      // The counterpart is the outdated one when this article's published text is newer by more than the margin.
      const mine = article.textChangedAt?.getTime();
      const theirs = counterpart.textChangedAt?.getTime();
      if (mine === undefined || theirs === undefined) continue;
      const days = Math.floor((mine - theirs) / DAY_MS);
      if (days > OUTDATED_TRANSLATION_DAYS)
        items.push({
          kind: "outdated_translation",
          articleId: counterpart.id,
          title: counterpart.title,
          locale: counterpart.locale,
          detail: `Il testo ${article.locale.toUpperCase()} pubblicato è più recente di ${days} giorni.`,
          href: `/studio/articles/${article.id}/translation/${counterpart.id}`,
          fixLabel: "Confronta e aggiorna",
        });
    }
  }
  return items;
}

/** Everything to fix, grouped by kind in HEALTH_KINDS order. `now` and `today` are for tests. */
export function listContentHealth(
  options: { now?: Date; today?: string } = {},
  db: Db = getDb(),
): HealthItem[] {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  const articles = loadArticles(db);
  const items: HealthItem[] = [];

  for (const article of computeParity({ today }, db)) {
    for (const problem of article.problems) {
      const review = problem.kind === "review_overdue";
      items.push({
        kind: review ? "review_overdue" : "parity",
        articleId: article.articleId,
        title: article.title,
        locale: article.locale,
        detail: review
          ? `Revisione prevista entro il ${problem.reviewBy}.`
          : `${PARITY_KIND_LABEL[problem.kind]}${problem.channel ? `: ${problem.channel}` : ""}.`,
        href: problem.href,
        fixLabel: review ? "Rivedi l'articolo" : "Correggi la risposta",
      });
    }
  }
  items.push(...brokenLinks(articles, db), ...translations(articles));
  for (const row of listMostUnhelpful({ days: UNHELPFUL_WINDOW_DAYS, limit: 1000, now }, db)) {
    const votes = row.yes + row.no;
    if (votes < UNHELPFUL_MIN_VOTES || row.no / votes < UNHELPFUL_MIN_NO_SHARE) continue;
    items.push({
      kind: "unhelpful",
      articleId: row.articleId,
      title: row.title,
      locale: row.locale,
      detail: `${row.no} «no» su ${votes} voti negli ultimi ${UNHELPFUL_WINDOW_DAYS} giorni.`,
      href: `/studio/articles/${row.articleId}`,
      fixLabel: "Leggi i commenti",
    });
  }
  const order = (kind: HealthKind) => HEALTH_KINDS.indexOf(kind);
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => order(x.item.kind) - order(y.item.kind) || x.i - y.i)
    .map(({ item }) => item);
}
