import { ANSWER_CHANNELS, isChannelKey } from "@/lib/channels";

// Pure shaping of the parity report (CHANNELS.md "Parity"): what the query module loads goes in, the problems of
// each article come out. No database here, so every rule is unit-tested in parity.test.ts.

export const PARITY_KINDS = ["missing", "stale", "review_overdue", "flagged"] as const;
export type ParityKind = (typeof PARITY_KINDS)[number];

export const PARITY_KIND_LABEL: Record<ParityKind, string> = {
  missing: "Mancante",
  stale: "Più vecchia del testo",
  review_overdue: "Revisione scaduta",
  flagged: "Segnalata dagli operatori",
};

export type ParityFlagInput = {
  id: number;
  channel: string | null;
  reason: string;
  createdAt: Date;
  createdByName: string | null;
};

export type ParityArticleInput = {
  id: number;
  slug: string;
  title: string;
  locale: string;
  productSlug: string;
  productName: string;
  /** products.channels: the channels this article must answer on. */
  requiredChannels: readonly string[];
  reviewBy: string | null;
  /** The version parity is judged on: the published one if any, else the working copy. */
  version: { id: number; number: number; bodyChangedInVersion: number; published: boolean };
  answers: readonly { channel: string; writtenInVersion: number }[];
  /** Open (unresolved) agent flags. */
  flags: readonly ParityFlagInput[];
};

export type ParityProblem = {
  kind: ParityKind;
  /** null for article-wide problems (review date, a flag on the whole article). */
  channel: string | null;
  /** Where the fix is: the editor's answer field (`#answer-<channel>`) or its metadata (`#meta`). */
  href: string;
  /** Kind-specific facts for the report's wording. */
  answerVersion?: number;
  bodyVersion?: number;
  reviewBy?: string;
  flag?: ParityFlagInput;
};

export type ParityArticle = {
  articleId: number;
  slug: string;
  title: string;
  locale: string;
  productSlug: string;
  productName: string;
  versionNumber: number;
  versionPublished: boolean;
  problems: ParityProblem[];
};

export function fixHref(articleId: number, channel: string | null): string {
  return `/studio/articles/${articleId}#${channel ? `answer-${channel}` : "meta"}`;
}

/** Catalogue order (CHANNELS.md), then anything unknown by name, so the report reads the same every time. */
function channelRank(channel: string): number {
  const i = (ANSWER_CHANNELS as readonly string[]).indexOf(channel);
  return i === -1 ? ANSWER_CHANNELS.length : i;
}

function byChannel(a: string, b: string): number {
  return channelRank(a) - channelRank(b) || a.localeCompare(b);
}

/** The problems of one article; an empty list means the article is in parity. */
export function articleProblems(article: ParityArticleInput, today: string): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const { version } = article;
  const answers = new Map(article.answers.map((a) => [a.channel, a]));
  // `portal` is the body itself (PORTAL_CHANNEL): a product that lists it can never miss an answer for it.
  const required = article.requiredChannels.filter(isChannelKey);
  const channels = [...new Set([...required, ...answers.keys()])].sort(byChannel);
  for (const channel of channels) {
    const answer = answers.get(channel);
    if (!answer) {
      problems.push({ kind: "missing", channel, href: fixHref(article.id, channel) });
    } else if (answer.writtenInVersion < version.bodyChangedInVersion) {
      // The body (or title) changed after this answer was last written: its facts may no longer match.
      problems.push({
        kind: "stale",
        channel,
        href: fixHref(article.id, channel),
        answerVersion: answer.writtenInVersion,
        bodyVersion: version.bodyChangedInVersion,
      });
    }
  }
  if (article.reviewBy && article.reviewBy < today) {
    problems.push({
      kind: "review_overdue",
      channel: null,
      href: fixHref(article.id, null),
      reviewBy: article.reviewBy,
    });
  }
  const flags = [...article.flags].sort(
    (a, b) =>
      (a.channel === null ? -1 : 0) - (b.channel === null ? -1 : 0) ||
      byChannel(a.channel ?? "", b.channel ?? "") ||
      a.id - b.id,
  );
  for (const flag of flags) {
    problems.push({ kind: "flagged", channel: flag.channel, href: fixHref(article.id, flag.channel), flag });
  }
  return problems;
}

export type ParityShapeOptions = { today: string; kind?: ParityKind };

/**
 * The report: articles with at least one problem (of `kind`, when given), in the order they came in. Articles in
 * parity are left out — the report is a to-do list.
 */
export function shapeParity(
  articles: readonly ParityArticleInput[],
  { today, kind }: ParityShapeOptions,
): ParityArticle[] {
  const report: ParityArticle[] = [];
  for (const article of articles) {
    const problems = articleProblems(article, today).filter((p) => !kind || p.kind === kind);
    if (problems.length === 0) continue;
    report.push({
      articleId: article.id,
      slug: article.slug,
      title: article.title,
      locale: article.locale,
      productSlug: article.productSlug,
      productName: article.productName,
      versionNumber: article.version.number,
      versionPublished: article.version.published,
      problems,
    });
  }
  return report;
}

/** Problem counts per kind, for the report's summary line. */
export function countByKind(report: readonly ParityArticle[]): Record<ParityKind, number> {
  const counts: Record<ParityKind, number> = { missing: 0, stale: 0, review_overdue: 0, flagged: 0 };
  for (const article of report) for (const p of article.problems) counts[p.kind]++;
  return counts;
}
