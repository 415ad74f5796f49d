import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth";
import {
  type CatalogRow,
  hasActiveFilters,
  listCatalogFilterOptions,
  listStudioArticles,
  parseStudioListFilters,
  type StudioListFilters,
} from "@/lib/catalog";
import { formatIsoDay } from "@/lib/parity";
import styles from "./_components/lists.module.css";

export const metadata: Metadata = { title: "Studio" };

const STATUS_LABEL = {
  draft: "Bozza",
  in_review: "In revisione",
  published: "Pubblicato",
  archived: "Archiviato",
} as const;

const SORT_LABEL = {
  updated: "Ultima modifica",
  title: "Titolo (A-Z)",
  reviewBy: "Data di revisione",
  status: "Stato",
} as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Select({
  name,
  label,
  value,
  options,
  all = "Tutti",
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly (readonly [string | number, string])[];
  all?: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
        {all === null ? null : <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterBar({ filters }: { filters: StudioListFilters }) {
  const options = listCatalogFilterOptions();
  return (
    // A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared.
    <form method="get" action="/studio" aria-label="Filtra gli articoli" className={styles.filters}>
      <div className={`field ${styles.search}`}>
        <label htmlFor="filter-q">Cerca negli articoli</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          placeholder="Titolo, sommario o testo, bozze comprese"
        />
      </div>
      <Select
        name="status"
        label="Stato"
        value={filters.status}
        options={Object.entries(STATUS_LABEL) as [string, string][]}
      />
      <Select
        name="product"
        label="Prodotto"
        value={filters.product}
        options={options.products.map((p) => [p.slug, p.name] as const)}
      />
      <Select
        name="category"
        label="Categoria"
        value={filters.category}
        all="Tutte"
        options={options.categories.map((c) => [c.slug, c.name] as const)}
      />
      <Select
        name="locale"
        label="Lingua"
        value={filters.locale}
        all="Tutte"
        options={[
          ["it", "Italiano"],
          ["en", "Inglese"],
        ]}
      />
      <Select
        name="visibility"
        label="Visibilità"
        value={filters.visibility}
        all="Tutte"
        options={[
          ["public", "Pubblico"],
          ["internal", "Solo interno"],
        ]}
      />
      <Select
        name="owner"
        label="Responsabile"
        value={filters.owner}
        options={options.owners.map((o) => [o.id, o.name] as const)}
      />
      <Select
        name="reviewDue"
        label="Revisione"
        value={filters.reviewDue}
        all="Qualsiasi data"
        options={[
          ["overdue", "Scaduta"],
          ["soon", "Entro 30 giorni"],
        ]}
      />
      <Select
        name="parity"
        label="Parità tra canali"
        value={filters.parity}
        all="Tutti"
        options={[["yes", "Con problemi"]]}
      />
      <Select
        name="flagged"
        label="Segnalazioni"
        value={filters.flagged}
        all="Tutti"
        options={[["yes", "Segnalati dagli operatori"]]}
      />
      <Select
        name="sort"
        label="Ordina per"
        value={filters.sort}
        all={null}
        options={Object.entries(SORT_LABEL) as [string, string][]}
      />
      <div className={styles.filterActions}>
        <button type="submit" className="primary">
          Filtra
        </button>
        <Link href="/studio">Azzera filtri</Link>
      </div>
    </form>
  );
}

function ParityCell({ row }: { row: CatalogRow }) {
  if (row.parityProblems === 0 && row.openFlags === 0) return <span className="muted">In parità</span>;
  return (
    <span className={styles.counts}>
      {row.parityProblems > 0 ? (
        <Link href={`/studio/parity?article=${row.id}`}>
          {row.parityProblems === 1 ? "1 problema" : `${row.parityProblems} problemi`}
        </Link>
      ) : null}
      {row.openFlags > 0 ? (
        <Link href={`/studio/parity?article=${row.id}&kind=flagged`}>
          {row.openFlags === 1 ? "1 segnalazione" : `${row.openFlags} segnalazioni`}
        </Link>
      ) : null}
    </span>
  );
}

export default async function StudioPage({ searchParams }: Props) {
  await requirePageRole("editor", "/studio");
  const filters = parseStudioListFilters(await searchParams);
  const { rows, total } = listStudioArticles(filters);
  const filtered = hasActiveFilters(filters);
  return (
    <>
      <div className={styles.pageHead}>
        <h1>Articoli</h1>
        <Link href="/studio/articles/new" className="button primary">
          Nuovo articolo
        </Link>
      </div>
      <p className={styles.tools}>
        <Link href="/studio/parity">Report di parità</Link>
        <Link href="/studio/review-due">Revisioni in scadenza</Link>
      </p>
      <FilterBar filters={filters} />
      <p className="muted" id="results-count" role="status">
        {filtered
          ? `${total} ${total === 1 ? "articolo trovato" : "articoli trovati"}.`
          : `${total} ${total === 1 ? "articolo" : "articoli"}, bozze comprese.`}
      </p>
      {rows.length === 0 ? (
        <p>Nessun articolo corrisponde ai filtri.</p>
      ) : (
        <table className="list" aria-describedby="results-count">
          <thead>
            <tr>
              <th scope="col">Titolo</th>
              <th scope="col">Stato</th>
              <th scope="col">Prodotto</th>
              <th scope="col">Categoria</th>
              <th scope="col">Lingua</th>
              <th scope="col">Responsabile</th>
              <th scope="col">Revisione</th>
              <th scope="col">Parità</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/studio/articles/${row.id}`}>{row.title}</Link>{" "}
                  {row.visibility === "internal" ? <span className="badge internal">Interno</span> : null}
                </td>
                <td>
                  <span className={`badge ${row.status}`}>{STATUS_LABEL[row.status]}</span>
                  {row.hasUnpublishedChanges ? <span className="badge">modifiche non pubblicate</span> : null}
                </td>
                <td>{row.product}</td>
                <td>{row.category}</td>
                <td>{row.locale.toUpperCase()}</td>
                <td>{row.owner ?? <span className="muted">—</span>}</td>
                <td>
                  {row.reviewBy ? (
                    <span className={row.reviewOverdue ? styles.overdue : undefined}>
                      {formatIsoDay(row.reviewBy)}
                      {row.reviewOverdue ? " (scaduta)" : null}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <ParityCell row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
