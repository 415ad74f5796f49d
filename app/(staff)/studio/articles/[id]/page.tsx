import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  ARTICLE_LIMITS,
  getArticleForEdit,
  listTaxonomyOptions,
  listTranslations,
  publicArticleUrl,
} from "@/lib/articles";
import { listEditors, requirePageRole } from "@/lib/auth";
import { ANSWER_CHANNELS, type ChannelKey } from "@/lib/channels";
import { getFactMap } from "@/lib/facts";
import { getWorkflowState } from "@/lib/workflow";
import { ArticleEditForm } from "./article-edit-form";
import { PortalFeedbackPanel } from "./portal-feedback";
import { WorkflowPanel } from "./workflow-panel";

export const metadata: Metadata = { title: "Modifica articolo" };

type Props = { params: Promise<{ id: string }> };

const STATUS_LABEL = {
  draft: "Bozza",
  in_review: "In revisione",
  published: "Pubblicato",
  archived: "Archiviato",
} as const;

export default async function EditArticlePage({ params }: Props) {
  const user = await requirePageRole("editor", "/studio");
  const id = Number((await params).id);
  const bundle = Number.isInteger(id) && id > 0 ? getArticleForEdit(id) : null;
  const workflow = bundle ? getWorkflowState(bundle.article.id, user) : null;
  if (!bundle || !workflow) notFound();
  const { article, version, answers, product, category } = bundle;
  const byChannel = new Map(answers.map((a) => [a.channel, a]));
  const facts = [...getFactMap().values()].map((f) => ({
    key: f.key,
    visibility: f.visibility,
    value: (article.locale === "en" ? f.values.en : undefined) ?? f.values.it,
  }));
  const translations = listTranslations(article.id);
  const publishedDiffers = article.publishedVersionId !== null && article.publishedVersionId !== version.id;
  const liveHref = article.visibility === "public" ? `/a/${article.slug}` : `/agent/a/${article.slug}`;

  return (
    <>
      <p>
        <Link href="/studio">← Articoli</Link>
      </p>
      <h1>{version.title}</h1>
      <p className="result-meta">
        <span className={`badge ${article.status}`}>{STATUS_LABEL[article.status]}</span>
        <span>v{version.number}</span>·<span>{article.locale.toUpperCase()}</span>·
        <span>/{article.slug}</span>
        {article.publishedVersionId && article.status !== "archived" ? (
          <Link href={liveHref}>vedi la versione pubblicata</Link>
        ) : null}
        <Link href={`/studio/articles/${article.id}/history`}>Cronologia e confronto versioni</Link>
      </p>
      {publishedDiffers && article.status !== "archived" ? (
        <p className="notice">
          Agenti e portale vedono ancora la versione pubblicata finché questa non viene pubblicata.
        </p>
      ) : null}
      <WorkflowPanel state={workflow} />
      {translations.length > 0 ? (
        <section aria-label="Traduzioni" className="card" style={{ marginBottom: "1rem" }}>
          <strong>Traduzioni:</strong>{" "}
          {translations.map((t) => (
            <span key={t.id} style={{ marginRight: "1rem" }}>
              <Link href={`/studio/articles/${t.id}`} hrefLang={t.locale}>
                {t.locale.toUpperCase()} · {t.title}
              </Link>{" "}
              {t.olderThanThis ? (
                <span className="badge archived">più vecchia di questo testo</span>
              ) : t.newerThanThis ? (
                <span className="badge">questo testo è più vecchio</span>
              ) : null}{" "}
              <Link href={`/studio/articles/${article.id}/translation/${t.id}`}>affianca</Link>
            </span>
          ))}
        </section>
      ) : (
        <p className="muted">
          Nessuna traduzione.{" "}
          <Link href={`/studio/articles/new?translationOf=${article.id}`}>
            Crea la versione {article.locale === "it" ? "inglese" : "italiana"}
          </Link>
        </p>
      )}
      <PortalFeedbackPanel articleId={article.id} isPublic={article.visibility === "public"} />
      <ArticleEditForm
        articleId={article.id}
        base={{ versionId: version.id, versionNumber: version.number }}
        initial={{
          content: { title: version.title, summary: version.summary, body: version.body },
          answers: Object.fromEntries(
            ANSWER_CHANNELS.map((channel) => [
              channel,
              { subject: byChannel.get(channel)?.subject ?? "", body: byChannel.get(channel)?.body ?? "" },
            ]),
          ) as Record<ChannelKey, { subject: string; body: string }>,
          meta: {
            locale: article.locale,
            productSlug: product.slug,
            categorySlug: category.slug,
            visibility: article.visibility,
            tags: article.tags.join(", "),
            ownerId: article.ownerId,
            reviewBy: article.reviewBy ?? "",
          },
        }}
        options={{
          ...listTaxonomyOptions(),
          owners: listEditors().map((u) => ({ id: u.id, name: u.name })),
        }}
        facts={facts}
        publicArticleUrl={
          article.visibility === "public" ? publicArticleUrl(article.slug, article.locale) : null
        }
        limits={{
          title: ARTICLE_LIMITS.title,
          summary: ARTICLE_LIMITS.summary,
          body: ARTICLE_LIMITS.body,
          answer: ARTICLE_LIMITS.answer,
        }}
      />
    </>
  );
}
