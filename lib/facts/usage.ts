import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { type ChannelKey, getFactKey, isChannelKey, isPublicChannel, listVariables } from "@/lib/channels";
import { type Article, type Db, schema } from "@/lib/db";
import { stripInternalBlocks } from "@/lib/markdown";

// Where facts are used. These read article_facts and versions directly instead of calling lib/articles, which
// imports lib/facts (getFactMap, factValues): going through it would make the two concerns import each other.

type Reader = Pick<Db, "select">;

/** `body` is the article text (summary included); a channel key is that channel's answer. */
export type FactPlace = "body" | ChannelKey;

export type FactUse = {
  articleId: number;
  slug: string;
  title: string;
  visibility: Article["visibility"];
  status: Article["status"];
  where: FactPlace[];
};

type Scan = Map<string, { where: Set<FactPlace>; publicWhere: Set<FactPlace> }>;

const PLACE_ORDER: FactPlace[] = [
  "body",
  "phone",
  "ivr",
  "email",
  "chat",
  "whatsapp",
  "sms",
  "social",
  "chatbot",
];
const byPlace = (a: FactPlace, b: FactPlace) => PLACE_ORDER.indexOf(a) - PLACE_ORDER.indexOf(b);

function factKeysIn(text: string): string[] {
  return listVariables(text)
    .map((v) => getFactKey(v.name))
    .filter((k): k is string => k !== null);
}

/** Every fact the article's current and published versions name, and where (the versions readers and editors see). */
function scanArticle(db: Reader, article: Article): Scan {
  const scan: Scan = new Map();
  const mark = (key: string, place: FactPlace, isPublic: boolean) => {
    const entry = scan.get(key) ?? { where: new Set<FactPlace>(), publicWhere: new Set<FactPlace>() };
    entry.where.add(place);
    if (isPublic) entry.publicWhere.add(place);
    scan.set(key, entry);
  };
  const versionIds = new Set(
    [article.currentVersionId, article.publishedVersionId].filter((id): id is number => !!id),
  );
  for (const versionId of versionIds) {
    const version = db
      .select()
      .from(schema.articleVersions)
      .where(eq(schema.articleVersions.id, versionId))
      .get();
    if (!version) continue;
    const text = `${version.summary}\n\n${version.body}`;
    const publicKeys = new Set(
      article.visibility === "public"
        ? factKeysIn(`${version.summary}\n\n${stripInternalBlocks(version.body)}`)
        : [],
    );
    for (const key of factKeysIn(text)) mark(key, "body", publicKeys.has(key));
    const answers = db
      .select()
      .from(schema.channelAnswers)
      .where(eq(schema.channelAnswers.versionId, versionId))
      .all();
    for (const answer of answers) {
      if (!isChannelKey(answer.channel)) continue;
      const channel = answer.channel;
      for (const key of factKeysIn(`${answer.subject ?? ""}\n${answer.body}`)) {
        mark(key, channel, isPublicChannel(channel));
      }
    }
  }
  return scan;
}

function currentTitle(db: Reader, article: Article): string {
  const versionId = article.currentVersionId ?? article.publishedVersionId;
  if (!versionId) return article.slug;
  const version = db
    .select({ title: schema.articleVersions.title })
    .from(schema.articleVersions)
    .where(eq(schema.articleVersions.id, versionId))
    .get();
  return version?.title ?? article.slug;
}

/** Articles listed in article_facts for these keys (all facts when `keys` is omitted). */
function articlesUsing(db: Reader, keys?: readonly string[]): Article[] {
  if (keys && keys.length === 0) return [];
  const ids = db
    .select({ id: schema.articleFacts.articleId })
    .from(schema.articleFacts)
    .where(keys ? inArray(schema.articleFacts.factKey, [...keys]) : undefined)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(schema.articles)
    .where(inArray(schema.articles.id, [...new Set(ids)]))
    .orderBy(asc(schema.articles.id))
    .all();
}

/** Ids of the articles whose current or published version uses any of these facts. */
export function articleIdsUsingFacts(db: Reader, keys: readonly string[]): number[] {
  return articlesUsing(db, keys).map((a) => a.id);
}

/** Fact key → its uses, for the given keys (every used fact when omitted). */
export function factUsage(db: Reader, keys?: readonly string[]): Map<string, FactUse[]> {
  const usage = new Map<string, FactUse[]>();
  const wanted = keys ? new Set(keys) : null;
  for (const article of articlesUsing(db, keys)) {
    const title = currentTitle(db, article);
    for (const [key, entry] of scanArticle(db, article)) {
      if (wanted && !wanted.has(key)) continue;
      const list = usage.get(key) ?? [];
      list.push({
        articleId: article.id,
        slug: article.slug,
        title,
        visibility: article.visibility,
        status: article.status,
        where: [...entry.where].sort(byPlace),
      });
      usage.set(key, list);
    }
  }
  return usage;
}

/**
 * The uses of one fact that reach the public — a public article's text outside :::internal, or a social/chatbot
 * answer — with only those places in `where`. Any of them forbids making the fact internal (CHANNELS.md).
 */
export function publicUsesOfFact(db: Reader, key: string): FactUse[] {
  const uses: FactUse[] = [];
  for (const article of articlesUsing(db, [key])) {
    const entry = scanArticle(db, article).get(key);
    if (!entry || entry.publicWhere.size === 0) continue;
    uses.push({
      articleId: article.id,
      slug: article.slug,
      title: currentTitle(db, article),
      visibility: article.visibility,
      status: article.status,
      where: [...entry.publicWhere].sort(byPlace),
    });
  }
  return uses;
}
