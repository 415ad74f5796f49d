import "server-only";
import {
  ANSWER_CHANNELS,
  type ChannelKey,
  fillTemplate,
  type RenderedAnswer,
  renderAnswer,
} from "@/lib/channels";
import type { Locale } from "@/lib/db";
import { publicBaseUrl } from "@/lib/env";
import { type FactMap, factValues } from "@/lib/facts";
import { localePath } from "@/lib/i18n";
import { type Heading, type QuestionSection, renderMarkdownWithHeadings } from "@/lib/markdown";
import type { ArticleBundle, Audience } from "./queries";

export type PresentedArticle = {
  id: number;
  slug: string;
  locale: "it" | "en";
  visibility: "public" | "internal";
  title: string;
  summary: string;
  /** Sanitized HTML; for the public audience internal blocks and internal facts are already gone. */
  html: string;
  /** h2/h3 of `html` with their ids, for a table of contents. */
  headings: Heading[];
  /** Sections whose heading is a question, for FAQPage structured data. */
  questions: QuestionSection[];
  product: { slug: string; name: string };
  category: { slug: string; name: string };
  tags: string[];
  versionNumber: number;
  publishedAt: Date;
  /** Internal audience only: every channel answer, rendered for its channel, facts filled in. */
  answers: RenderedAnswer[];
};

/** The article's address on the portal: Italian at the root, English under /en (lib/i18n). */
export function publicArticleUrl(slug: string, locale: Locale): string {
  return `${publicBaseUrl()}${localePath(locale, `/a/${slug}`)}`;
}

// Versions are immutable, so a rendering depends only on (version, audience, facts): cache it. Rendering the body
// and eight answers costs 14–21 ms per agent page view; a cache hit costs nothing. Bounded, oldest evicted first.
const CACHE_LIMIT = 500;
const cache = new Map<string, PresentedArticle>();

function factsStamp(facts: FactMap): string {
  let latest = 0;
  for (const fact of facts.values()) latest = Math.max(latest, fact.updatedAt.getTime());
  return `${facts.size}:${latest}`;
}

/**
 * The one place that turns stored content into what a reader sees (outline's presenters): the public audience
 * gets no internal blocks, no internal fact values and no channel answers.
 */
export function presentArticle(bundle: ArticleBundle, audience: Audience, facts: FactMap): PresentedArticle {
  const key = [
    bundle.version.id,
    audience,
    bundle.article.visibility,
    bundle.article.slug,
    JSON.stringify([bundle.product.name, bundle.category.name]),
    bundle.article.tags.join(","),
    factsStamp(facts),
    publicBaseUrl(),
  ].join("|");
  const hit = cache.get(key);
  if (hit) return hit;
  const presented = renderPresentation(bundle, audience, facts);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, presented);
  return presented;
}

function renderPresentation(bundle: ArticleBundle, audience: Audience, facts: FactMap): PresentedArticle {
  const { article, version, product, category } = bundle;
  const values = factValues(facts, article.locale, audience);
  const fill = (text: string) => fillTemplate(text, values).text;
  const name = (n: { it: string; en?: string }) => (article.locale === "en" ? (n.en ?? n.it) : n.it);
  return {
    id: article.id,
    slug: article.slug,
    locale: article.locale,
    visibility: article.visibility,
    title: version.title,
    summary: fill(version.summary),
    ...renderMarkdownWithHeadings(fill(version.body), { audience }),
    product: { slug: product.slug, name: name(product.name) },
    category: { slug: category.slug, name: name(category.name) },
    tags: article.tags,
    versionNumber: version.number,
    publishedAt: version.createdAt,
    answers: audience === "internal" ? renderAnswers(bundle, values) : [],
  };
}

/**
 * The article's channel answers rendered for a caller outside the agent console (API v1, docs/decisions/018):
 * the audience's facts plus the caller's own values (`customer.firstName`…), optionally one channel only. For the
 * public audience internal facts are not filled: their tokens stay and are listed in `missing`.
 */
export function renderArticleAnswers(
  bundle: ArticleBundle,
  audience: Audience,
  facts: FactMap,
  options: { values?: Readonly<Record<string, string>>; channel?: ChannelKey } = {},
): RenderedAnswer[] {
  const values = { ...options.values, ...factValues(facts, bundle.article.locale, audience) };
  return renderAnswers(bundle, values, options.channel);
}

function renderAnswers(
  bundle: ArticleBundle,
  values: Readonly<Record<string, string>>,
  channel?: ChannelKey,
): RenderedAnswer[] {
  const { article } = bundle;
  const order = (key: string) => ANSWER_CHANNELS.indexOf(key as ChannelKey);
  return bundle.answers
    .filter((a) => channel === undefined || a.channel === channel)
    .sort((a, b) => order(a.channel) - order(b.channel))
    .map((a) =>
      renderAnswer(
        a.channel as ChannelKey,
        { body: a.body, subject: a.subject },
        {
          values,
          publicArticleUrl:
            article.visibility === "public" ? publicArticleUrl(article.slug, article.locale) : undefined,
        },
      ),
    );
}
