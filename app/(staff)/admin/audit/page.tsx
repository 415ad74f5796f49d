import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_PAGE_SIZE, type AuditLogRow, listAuditActions, listAuditLog } from "@/lib/audit";
import { requirePageRole } from "@/lib/auth";
import styles from "./audit.module.css";

export const metadata: Metadata = { title: "Registro attività" };

const ACTION_LABEL: Record<string, string> = {
  "article.create": "Articolo creato",
  "article.create_published": "Articolo creato e pubblicato",
  "article.save": "Versione salvata",
  "article.publish": "Pubblicazione",
  "article.submit": "Invio in revisione",
  "article.send_back": "Rimandato indietro",
  "article.archive": "Archiviazione",
  "article.unarchive": "Ripristino dall'archivio",
  "article.restore": "Ripristino",
  "article.meta_update": "Dati dell'articolo modificati",
  "settings.update": "Impostazioni modificate",
  "apikey.create": "Chiave API creata",
  "apikey.revoke": "Chiave API revocata",
};

const label = (action: string) => ACTION_LABEL[action] ?? action;

function formatValue(value: unknown): string {
  if (value && typeof value === "object" && "from" in value && "to" in value) {
    return `${formatValue(value.from)} → ${formatValue(value.to)}`;
  }
  if (typeof value === "boolean") return value ? "sì" : "no";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Details as "key: value" lines; long values are cut so one entry cannot flood the page. */
function formatDetails(details: AuditLogRow["details"]): string {
  if (!details) return "";
  const text = Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${formatValue(v)}`)
    .join("; ");
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function Entity({ row }: { row: AuditLogRow }) {
  if (row.entityType === "article") {
    return <Link href={`/studio/articles/${row.entityId}`}>Articolo #{row.entityId}</Link>;
  }
  if (row.entityType === "settings") return <>Impostazioni</>;
  return (
    <>
      {row.entityType} #{row.entityId}
    </>
  );
}

type Props = { searchParams: Promise<{ action?: string | string[] }> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePageRole("admin", "/admin/audit");
  const actions = listAuditActions();
  const requested = (await searchParams).action;
  // Only an action type that exists is used as a filter; anything else shows everything.
  const action = typeof requested === "string" && actions.includes(requested) ? requested : null;
  const rows = listAuditLog({ action, limit: AUDIT_PAGE_SIZE });
  return (
    <>
      <h1>Registro attività</h1>
      <form method="get" className={styles.filter}>
        <div>
          <label htmlFor="action">Tipo di azione</label>
          <select id="action" name="action" defaultValue={action ?? ""}>
            <option value="">Tutte</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filtra</button>
      </form>
      <p className="muted">
        {rows.length === 0
          ? "Nessuna voce."
          : `Le ultime ${rows.length} voci${action ? ` di tipo «${label(action)}»` : ""}, dalla più recente.`}
      </p>
      {rows.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Chi</th>
              <th scope="col">Azione</th>
              <th scope="col">Oggetto</th>
              <th scope="col">Dettagli</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={styles.nowrap}>
                  <time dateTime={row.at.toISOString()}>
                    {row.at.toLocaleString("it-IT", { dateStyle: "short", timeStyle: "medium" })}
                  </time>
                </td>
                <td>{row.actorName ?? (row.actorId ? `Utente #${row.actorId}` : "Sistema")}</td>
                <td>
                  {label(row.action)} <code className={styles.code}>{row.action}</code>
                </td>
                <td>
                  <Entity row={row} />
                </td>
                <td className={styles.details}>{formatDetails(row.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
