import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth";
import { listCatalogFilterOptions } from "@/lib/catalog";
import { CHANNELS, isChannelKey } from "@/lib/channels";
import { listOpenFlags } from "@/lib/flags";
import {
  computeParity,
  countByKind,
  formatIsoDay,
  PARITY_KIND_LABEL,
  PARITY_KINDS,
  type ParityProblem,
  parseParityFilter,
} from "@/lib/parity";
import styles from "../_components/lists.module.css";
import { ResolveFlagButton } from "./resolve-flag-button";

export const metadata: Metadata = { title: "Report di parità" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function channelLabel(channel: string | null): string {
  if (channel === null) return "Tutto l'articolo";
  return isChannelKey(channel) ? CHANNELS[channel].label.it : channel;
}

const dateTime = new Intl.DateTimeFormat("it-IT", { dateStyle: "short", timeStyle: "short" });

function describeProblem(problem: ParityProblem): string {
  switch (problem.kind) {
    case "missing":
      return "Manca la risposta per questo canale.";
    case "stale":
      return `Scritta nella versione ${problem.answerVersion}; il testo è cambiato nella versione ${problem.bodyVersion}.`;
    case "review_overdue":
      return `Da rivedere entro il ${formatIsoDay(problem.reviewBy ?? "")}.`;
    case "flagged":
      return `«${problem.flag?.reason ?? ""}» (${problem.flag?.createdByName ?? "operatore rimosso"}, ${
        problem.flag ? dateTime.format(problem.flag.createdAt) : ""
      })`;
  }
}

export default async function ParityPage({ searchParams }: Props) {
  await requirePageRole("editor", "/studio/parity");
  const filter = parseParityFilter(await searchParams);
  const report = computeParity(filter);
  const counts = countByKind(report);
  const flags = listOpenFlags(filter.articleId);
  const { products } = listCatalogFilterOptions();
  const onlyArticle = filter.articleId ? report[0]?.title : undefined;

  return (
    <>
      <p>
        <Link href="/studio">← Articoli</Link>
      </p>
      <h1>Report di parità</h1>
      <p className="muted">
        Ogni canale richiesto dal prodotto deve avere una risposta scritta o confermata per la versione
        pubblicata (o per la bozza, se l'articolo non è mai stato pubblicato).
      </p>
      <form method="get" action="/studio/parity" aria-label="Filtra il report" className={styles.filters}>
        {filter.articleId ? <input type="hidden" name="article" value={filter.articleId} /> : null}
        <div className="field">
          <label htmlFor="parity-product">Prodotto</label>
          <select id="parity-product" name="product" defaultValue={filter.productSlug ?? ""}>
            <option value="">Tutti</option>
            {products.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="parity-kind">Problema</label>
          <select id="parity-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">Tutti</option>
            {PARITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PARITY_KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterActions}>
          <button type="submit" className="primary">
            Filtra
          </button>
          <Link href="/studio/parity">Azzera filtri</Link>
        </div>
      </form>
      {filter.articleId ? (
        <p className="notice">
          Solo l'articolo {onlyArticle ? `«${onlyArticle}»` : `n. ${filter.articleId}`}.{" "}
          <Link href="/studio/parity">Mostra tutti gli articoli</Link>
        </p>
      ) : null}

      <p className={`muted ${styles.summary}`} role="status">
        <span>
          {report.length} {report.length === 1 ? "articolo" : "articoli"} da sistemare
        </span>
        {PARITY_KINDS.map((kind) => (
          <span key={kind}>
            {PARITY_KIND_LABEL[kind]}: {counts[kind]}
          </span>
        ))}
      </p>

      {report.length === 0 ? (
        <p>Nessun problema di parità{filter.kind || filter.productSlug ? " con questi filtri" : ""}.</p>
      ) : (
        <div className={styles.report}>
          {report.map((article) => (
            <section key={article.articleId} className="card" aria-labelledby={`parity-${article.articleId}`}>
              <h2 id={`parity-${article.articleId}`}>
                <Link href={`/studio/articles/${article.articleId}`}>{article.title}</Link>
              </h2>
              <p className="result-meta">
                <span>{article.productName}</span>·<span>{article.locale.toUpperCase()}</span>·
                <span>
                  v{article.versionNumber}{" "}
                  {article.versionPublished ? "pubblicata" : "in bozza, mai pubblicata"}
                </span>
              </p>
              <ul className={styles.problems}>
                {article.problems.map((problem) => (
                  <li
                    key={`${problem.kind}-${problem.channel ?? "article"}-${problem.flag?.id ?? ""}`}
                    className={styles.problem}
                  >
                    <span>
                      <span className={`badge ${styles.kind}`} data-kind={problem.kind}>
                        {PARITY_KIND_LABEL[problem.kind]}
                      </span>
                    </span>
                    <span>{channelLabel(problem.channel)}</span>
                    <span>{describeProblem(problem)}</span>
                    <Link href={problem.href}>Correggi</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      <h2 id="open-flags">Segnalazioni aperte</h2>
      {flags.length === 0 ? (
        <p className="muted">Nessuna segnalazione aperta.</p>
      ) : (
        <table className="list" aria-labelledby="open-flags">
          <thead>
            <tr>
              <th scope="col">Articolo</th>
              <th scope="col">Parte</th>
              <th scope="col">Motivo</th>
              <th scope="col">Segnalata da</th>
              <th scope="col">Quando</th>
              <th scope="col">
                <span className="muted">Azione</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {flags.map((flag) => (
              <tr key={flag.id}>
                <td>
                  <Link
                    href={`/studio/articles/${flag.articleId}${flag.channel ? `#answer-${flag.channel}` : "#meta"}`}
                  >
                    {flag.articleTitle}
                  </Link>
                  {flag.versionNumber ? <span className="muted"> (v{flag.versionNumber})</span> : null}
                </td>
                <td>{channelLabel(flag.channel)}</td>
                <td>
                  <p id={`flag-${flag.id}`} className={styles.reason}>
                    {flag.reason}
                  </p>
                </td>
                <td>{flag.createdByName ?? <span className="muted">—</span>}</td>
                <td>{dateTime.format(flag.createdAt)}</td>
                <td>
                  <ResolveFlagButton
                    flagId={flag.id}
                    label={`${flag.articleTitle}, ${channelLabel(flag.channel)}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
