import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedArticle } from "@/lib/articles";
import { FEEDBACK_COMMENT_MAX, type FeedbackResult, isFeedbackResult } from "@/lib/feedback";
import { format, getMessages, isPortalLocale, localePath } from "@/lib/i18n";

// Where the "Was this helpful?" form lands without JavaScript (app/api/portal/feedback/route.ts answers it with a
// 303 here). Everything in the query string comes from the visitor: it only picks a message, and the article link is
// shown only for an article the portal shows anyway.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  if (!isPortalLocale(lang)) return {};
  return { title: getMessages(lang).feedback.pageTitle, robots: { index: false, follow: false } };
}

export default async function FeedbackPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const sp = await searchParams;
  const t = getMessages(lang).feedback;
  const raw = first(sp.result);
  const result: FeedbackResult = isFeedbackResult(raw) ? raw : "invalid";
  const slug = first(sp.article);
  const bundle = /^[a-z0-9-]{1,120}$/.test(slug) ? getPublishedArticle(slug, "public") : null;
  const article = bundle && bundle.article.locale === lang ? bundle : null;
  const version = Number(first(sp.v));
  // The comment box of the widget, for a vote just cast without JavaScript.
  const askComment =
    result === "thanks" &&
    article !== null &&
    Number.isInteger(version) &&
    version > 0 &&
    first(sp.commented) !== "1";
  const message: Record<FeedbackResult, string> = {
    thanks: t.thanks,
    commented: t.commented,
    already: t.already,
    stale: t.stale,
    limited: t.limited,
    invalid: t.invalid,
  };
  const ok = result === "thanks" || result === "commented" || result === "already";

  return (
    <section className="feedback-page">
      <h1>{t.pageTitle}</h1>
      <p className={ok ? "notice" : "alert"}>{message[result]}</p>
      {askComment && article ? (
        <form method="post" action="/api/portal/feedback" className="helpful-comment">
          <label htmlFor="feedback-comment">{first(sp.vote) === "no" ? t.commentNo : t.commentYes}</label>
          <p id="feedback-comment-hint" className="muted">
            {format(t.commentHint, { max: FEEDBACK_COMMENT_MAX })}
          </p>
          <textarea
            id="feedback-comment"
            name="comment"
            rows={3}
            maxLength={FEEDBACK_COMMENT_MAX}
            aria-describedby="feedback-comment-hint"
            required
          />
          <input type="hidden" name="slug" value={article.article.slug} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="lang" value={lang} />
          <button type="submit" className="button">
            {t.commentSubmit}
          </button>
        </form>
      ) : null}
      <p>
        {article ? (
          <Link href={localePath(lang, `/a/${article.article.slug}`)}>
            {format(t.backToArticle, { title: article.version.title })}
          </Link>
        ) : (
          <Link href={localePath(lang, "/")}>{t.backHome}</Link>
        )}
      </p>
    </section>
  );
}
