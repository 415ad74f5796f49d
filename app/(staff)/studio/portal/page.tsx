import type { Metadata } from "next";
import Link from "next/link";
import { listZeroResultPortalSearches, ZERO_RESULT_WINDOW_DAYS } from "@/lib/analytics";
import { requirePageRole } from "@/lib/auth";
import { FEEDBACK_WINDOW_DAYS, listFeedbackComments, listMostUnhelpful } from "@/lib/feedback";
import { FeedbackComments } from "../_components/feedback-comments";
import styles from "../_components/lists.module.css";

export const metadata: Metadata = { title: "Feedback portale" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = { yes: true, no: false } as const;
const percent = new Intl.NumberFormat("it-IT", { style: "percent", maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("it-IT", { dateStyle: "short", timeStyle: "short" });

/**
 * What the public portal tells editors (issue 6): visitors' comments from "Was this helpful?", the articles with the
 * most "no", and the searches that found nothing — the articles still to write.
 */
export default async function PortalFeedbackPage({ searchParams }: Props) {
  await requirePageRole("editor", "/studio/portal");
  const raw = (await searchParams).helpful;
  const filter = raw === "yes" || raw === "no" ? raw : "";
  const comments = listFeedbackComments({ helpful: filter ? FILTERS[filter] : undefined, limit: 100 });
  const unhelpful = listMostUnhelpful({ limit: 20 });
  const searches = listZeroResultPortalSearches({ limit: 50 });

  return (
    <>
      <h1>Feedback portale</h1>
      <p className="muted">
        Che cosa dicono e cercano i visitatori del centro assistenza pubblico: i commenti a «Ti è stato
        utile?», gli articoli giudicati meno utili e le ricerche senza risultati.
      </p>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">Commenti dei visitatori</h2>
        <form method="get" action="/studio/portal" aria-label="Filtra i commenti" className={styles.filters}>
          <div className="field">
            <label htmlFor="portal-helpful">Voto</label>
            <select id="portal-helpful" name="helpful" defaultValue={filter}>
              <option value="">Tutti</option>
              <option value="no">Non utile</option>
              <option value="yes">Utile</option>
            </select>
          </div>
          <div className={styles.filterActions}>
            <button type="submit" className="primary">
              Filtra
            </button>
            {filter ? <Link href="/studio/portal">Azzera filtro</Link> : null}
          </div>
        </form>
        {comments.length === 0 ? (
          <p>Nessun commento{filter ? " con questo filtro" : ""}.</p>
        ) : (
          <FeedbackComments comments={comments} withArticle label="Commenti dei visitatori" />
        )}
      </section>

      <section aria-labelledby="unhelpful-title">
        <h2 id="unhelpful-title">Più «no» negli ultimi {FEEDBACK_WINDOW_DAYS} giorni</h2>
        {unhelpful.length === 0 ? (
          <p>Nessun voto negativo negli ultimi {FEEDBACK_WINDOW_DAYS} giorni.</p>
        ) : (
          <table className="list" aria-labelledby="unhelpful-title">
            <thead>
              <tr>
                <th scope="col">Articolo</th>
                <th scope="col">No</th>
                <th scope="col">Sì</th>
                <th scope="col">Utile</th>
              </tr>
            </thead>
            <tbody>
              {unhelpful.map((row) => (
                <tr key={row.articleId}>
                  <td>
                    <Link href={`/studio/articles/${row.articleId}`}>{row.title}</Link>{" "}
                    <span className="muted">({row.locale.toUpperCase()})</span>
                  </td>
                  <td>{row.no}</td>
                  <td>{row.yes}</td>
                  <td>{percent.format(row.helpfulShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="zero-title">
        <h2 id="zero-title">Ricerche senza risultati negli ultimi {ZERO_RESULT_WINDOW_DAYS} giorni</h2>
        {searches.length === 0 ? (
          <p>Nessuna ricerca senza risultati.</p>
        ) : (
          <table className="list" aria-labelledby="zero-title">
            <thead>
              <tr>
                <th scope="col">Ricerca</th>
                <th scope="col">Volte</th>
                <th scope="col">Ultima volta</th>
              </tr>
            </thead>
            <tbody>
              {searches.map((s) => (
                <tr key={s.query}>
                  <td>{s.query}</td>
                  <td>{s.count}</td>
                  <td>
                    <time dateTime={s.lastSeen.toISOString()}>{dateTime.format(s.lastSeen)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
