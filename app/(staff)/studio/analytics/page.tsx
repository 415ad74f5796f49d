import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import {
  ANALYTICS_MAX_DAYS,
  type AnalyticsCsvReport,
  type AnalyticsFilter,
  AnalyticsFilterInput,
  getAnalyticsReport,
  type SearchRow,
} from "@/lib/analytics";
import { requirePageRole } from "@/lib/auth";
import { CHANNELS, isChannelKey } from "@/lib/channels";
import styles from "../_components/lists.module.css";
import { UsageChart } from "./usage-chart";

export const metadata: Metadata = { title: "Statistiche d'uso" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SURFACE_LABEL = { agent: "Console operatori", portal: "Portale", api: "API" } as const;
// At least 4.5:1 on white (WCAG AA for text, more than the 3:1 graphics need).
const SURFACE_COLOR = { agent: "#1d4ed8", portal: "#b45309", api: "#047857" } as const;
const percent = new Intl.NumberFormat("it-IT", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });

function channelLabel(channel: string): string {
  if (channel === "") return "—";
  return isChannelKey(channel) ? CHANNELS[channel].label.it : channel;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function exportHref(filter: AnalyticsFilter, report: AnalyticsCsvReport): string {
  const params = new URLSearchParams({ report, from: filter.from, to: filter.to });
  if (filter.surface) params.set("surface", filter.surface);
  if (filter.channel) params.set("channel", filter.channel);
  return `/studio/analytics/export?${params}`;
}

function Csv({ filter, report }: { filter: AnalyticsFilter; report: AnalyticsCsvReport }) {
  return (
    <p>
      <a href={exportHref(filter, report)} download>
        Scarica CSV
      </a>
    </p>
  );
}

function SearchTable({ id, rows, zero }: { id: string; rows: SearchRow[]; zero?: boolean }) {
  return (
    <table className="list" aria-labelledby={id}>
      <thead>
        <tr>
          <th scope="col">Ricerca</th>
          <th scope="col">Dove</th>
          <th scope="col">{zero ? "Senza risultati" : "Ricerche"}</th>
          <th scope="col">{zero ? "Ricerche" : "Senza risultati"}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.surface}:${r.query}`}>
            <td>{r.query}</td>
            <td>{SURFACE_LABEL[r.surface]}</td>
            <td>{zero ? r.zeroResults : r.searches}</td>
            <td>{zero ? r.searches : r.zeroResults}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Issue 7 point 3: what agents, portal visitors and API clients look for and use (definitions: ADR 020). */
export default async function AnalyticsPage({ searchParams }: Props) {
  await requirePageRole("editor", "/studio/analytics");
  const params = await searchParams;
  const raw = {
    from: first(params.from),
    to: first(params.to),
    surface: first(params.surface),
    channel: first(params.channel),
  };
  const parsed = AnalyticsFilterInput.safeParse(raw);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const filter = parsed.success ? parsed.data : null;
  const report = filter ? getAnalyticsReport(filter) : null;

  const days = report ? [...new Set(report.daily.map((r) => r.day))] : [];
  const surfaces = report ? [...new Set(report.daily.map((r) => r.surface))] : [];
  const series = surfaces.map((surface) => ({
    label: SURFACE_LABEL[surface],
    color: SURFACE_COLOR[surface],
    values: days.map(
      (day) => report?.daily.find((r) => r.day === day && r.surface === surface)?.searches ?? 0,
    ),
  }));

  return (
    <>
      <h1>Statistiche d'uso</h1>
      <p className="muted">
        Ricerche, aperture e copie nella console operatori, nel portale e nell'API; voti «Ti è stato utile?» e
        segnalazioni degli operatori. Giorni in UTC, estremi inclusi, al massimo {ANALYTICS_MAX_DAYS}.
      </p>
      <form method="get" action="/studio/analytics" aria-label="Periodo e filtri" className={styles.filters}>
        <div className="field">
          <label htmlFor="analytics-from">Dal</label>
          <input
            id="analytics-from"
            name="from"
            type="date"
            defaultValue={filter?.from ?? raw.from}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "analytics-from-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="analytics-to">Al</label>
          <input
            id="analytics-to"
            name="to"
            type="date"
            defaultValue={filter?.to ?? raw.to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "analytics-to-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="analytics-surface">Dove</label>
          <select id="analytics-surface" name="surface" defaultValue={filter?.surface ?? ""}>
            <option value="">Ovunque</option>
            <option value="agent">{SURFACE_LABEL.agent}</option>
            <option value="portal">{SURFACE_LABEL.portal}</option>
            <option value="api">{SURFACE_LABEL.api}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="analytics-channel">Canale</label>
          <select id="analytics-channel" name="channel" defaultValue={filter?.channel ?? ""}>
            <option value="">Tutti</option>
            {Object.values(CHANNELS).map((c) => (
              <option key={c.key} value={c.key}>
                {c.label.it}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterActions}>
          <button type="submit" className="primary">
            Mostra
          </button>
          <Link href="/studio/analytics">Ultimi 30 giorni</Link>
        </div>
      </form>
      {!parsed.success ? (
        <div role="alert" className="form-error">
          <p>Il periodo non è valido:</p>
          <ul>
            {errors.from?.map((m) => (
              <li key={`from-${m}`} id="analytics-from-error">
                Dal: {m}
              </li>
            ))}
            {errors.to?.map((m) => (
              <li key={`to-${m}`} id="analytics-to-error">
                Al: {m}
              </li>
            ))}
            {[...(errors.surface ?? []), ...(errors.channel ?? [])].map((m) => (
              <li key={m}>Filtro: {m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {filter && report ? (
        <>
          <section aria-labelledby="daily-title">
            <h2 id="daily-title">Ricerche per giorno</h2>
            {days.length === 0 ? (
              <p>Nessuna attività nel periodo.</p>
            ) : (
              <>
                <UsageChart
                  labels={days}
                  series={series}
                  label={`Grafico a barre delle ricerche per giorno e per provenienza, dal ${filter.from} al ${filter.to}`}
                  caption="Ricerche per giorno, per provenienza. I numeri sono nella tabella «Attività per giorno» qui sotto."
                />
                <details>
                  <summary id="daily-table-title">Attività per giorno</summary>
                  <table className="list" aria-labelledby="daily-table-title">
                    <thead>
                      <tr>
                        <th scope="col">Giorno</th>
                        <th scope="col">Dove</th>
                        <th scope="col">Ricerche</th>
                        <th scope="col">Aperture</th>
                        <th scope="col">Copie</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.daily.map((r) => (
                        <tr key={`${r.day}:${r.surface}`}>
                          <td>{r.day}</td>
                          <td>{SURFACE_LABEL[r.surface]}</td>
                          <td>{r.searches}</td>
                          <td>{r.opens}</td>
                          <td>{r.copies}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </>
            )}
            <Csv filter={filter} report="daily" />
          </section>

          <section aria-labelledby="ctr-title">
            <h2 id="ctr-title">Clic sui risultati</h2>
            <p className="muted">
              Tasso di clic = aperture di un articolo da un elenco di risultati ÷ ricerche; può superare il
              100% se da una ricerca si aprono più articoli. Posizione media = posizione (da 1) dei risultati
              aperti.
            </p>
            {report.clickThrough.length === 0 ? (
              <p>Nessuna ricerca nel periodo.</p>
            ) : (
              <table className="list" aria-labelledby="ctr-title">
                <thead>
                  <tr>
                    <th scope="col">Dove</th>
                    <th scope="col">Ricerche</th>
                    <th scope="col">Senza risultati</th>
                    <th scope="col">Clic su risultati</th>
                    <th scope="col">Aperture totali</th>
                    <th scope="col">Tasso di clic</th>
                    <th scope="col">Posizione media</th>
                  </tr>
                </thead>
                <tbody>
                  {report.clickThrough.map((r) => (
                    <tr key={r.surface}>
                      <td>{SURFACE_LABEL[r.surface]}</td>
                      <td>{r.searches}</td>
                      <td>{r.zeroResults}</td>
                      <td>{r.clicks}</td>
                      <td>{r.opens}</td>
                      <td>{r.clickThroughRate === null ? "—" : percent.format(r.clickThroughRate)}</td>
                      <td>{r.meanPosition === null ? "—" : decimal.format(r.meanPosition)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Csv filter={filter} report="click-through" />
          </section>

          <section aria-labelledby="top-title">
            <h2 id="top-title">Ricerche più frequenti</h2>
            {report.topSearches.length === 0 ? (
              <p>Nessuna ricerca nel periodo.</p>
            ) : (
              <SearchTable id="top-title" rows={report.topSearches} />
            )}
            <Csv filter={filter} report="top-searches" />
          </section>

          <section aria-labelledby="zero-title">
            <h2 id="zero-title">Ricerche senza risultati</h2>
            {report.zeroResultSearches.length === 0 ? (
              <p>Nessuna ricerca senza risultati.</p>
            ) : (
              <SearchTable id="zero-title" rows={report.zeroResultSearches} zero />
            )}
            <Csv filter={filter} report="zero-results" />
          </section>

          <section aria-labelledby="copies-title">
            <h2 id="copies-title">Risposte copiate per canale</h2>
            {report.copiesByChannel.length === 0 ? (
              <p>Nessuna risposta copiata nel periodo.</p>
            ) : (
              <table className="list" aria-labelledby="copies-title">
                <thead>
                  <tr>
                    <th scope="col">Canale</th>
                    <th scope="col">Dove</th>
                    <th scope="col">Copie</th>
                  </tr>
                </thead>
                <tbody>
                  {report.copiesByChannel.map((r) => (
                    <tr key={`${r.surface}:${r.channel}`}>
                      <td>{channelLabel(r.channel)}</td>
                      <td>{SURFACE_LABEL[r.surface]}</td>
                      <td>{r.copies}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Csv filter={filter} report="copies" />
          </section>

          <section aria-labelledby="votes-title">
            <h2 id="votes-title">Voti «Ti è stato utile?»</h2>
            <p className="muted">
              Solo dal portale, senza canale: i filtri «Dove» e «Canale» non si applicano.
            </p>
            <table className="list" aria-labelledby="votes-title">
              <thead>
                <tr>
                  <th scope="col">Sì</th>
                  <th scope="col">No</th>
                  <th scope="col">Utile</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{report.votes.yes}</td>
                  <td>{report.votes.no}</td>
                  <td>
                    {report.votes.helpfulShare === null ? "—" : percent.format(report.votes.helpfulShare)}
                  </td>
                </tr>
              </tbody>
            </table>
            <Csv filter={filter} report="votes" />
          </section>

          <section aria-labelledby="flags-title">
            <h2 id="flags-title">Segnalazioni degli operatori</h2>
            {report.flags.length === 0 ? (
              <p>Nessuna segnalazione aperta o risolta nel periodo.</p>
            ) : (
              <table className="list" aria-labelledby="flags-title">
                <thead>
                  <tr>
                    <th scope="col">Canale</th>
                    <th scope="col">Aperte</th>
                    <th scope="col">Risolte</th>
                  </tr>
                </thead>
                <tbody>
                  {report.flags.map((r) => (
                    <tr key={r.channel}>
                      <td>{r.channel === "" ? "Tutto l'articolo" : channelLabel(r.channel)}</td>
                      <td>{r.opened}</td>
                      <td>{r.resolved}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Csv filter={filter} report="flags" />
          </section>

          <section aria-labelledby="never-title">
            <h2 id="never-title">Articoli pubblicati mai aperti nel periodo</h2>
            {report.neverOpened.length === 0 ? (
              <p>Ogni articolo pubblicato è stato aperto almeno una volta.</p>
            ) : (
              <table className="list" aria-labelledby="never-title">
                <thead>
                  <tr>
                    <th scope="col">Articolo</th>
                    <th scope="col">Lingua</th>
                    <th scope="col">Visibilità</th>
                  </tr>
                </thead>
                <tbody>
                  {report.neverOpened.map((r) => (
                    <tr key={r.articleId}>
                      <td>
                        <Link href={`/studio/articles/${r.articleId}`}>{r.title}</Link>
                      </td>
                      <td>{r.locale.toUpperCase()}</td>
                      <td>{r.visibility === "public" ? "Pubblico" : "Interno"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Csv filter={filter} report="never-opened" />
          </section>
        </>
      ) : null}
    </>
  );
}
