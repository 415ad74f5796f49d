import type { Metadata } from "next";
import { listApiKeys } from "@/lib/apikeys";
import { requirePageRole } from "@/lib/auth";
import { ApiKeyCreateForm, RevokeButton } from "./api-keys-form";

export const metadata: Metadata = { title: "Chiavi API" };

const when = (date: Date | null) =>
  date ? (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString("it-IT", { dateStyle: "short", timeStyle: "short" })}
    </time>
  ) : (
    "—"
  );

export default async function ApiKeysPage() {
  await requirePageRole("admin", "/admin/api-keys");
  const keys = listApiKeys();
  return (
    <>
      <h1>Chiavi API</h1>
      <p className="muted">
        Le chiavi danno accesso in lettura all'API <code>/api/v1</code> (descritta in{" "}
        <a href="/api/v1/openapi.json">openapi.json</a>). Una chiave <strong>pubblica</strong> legge solo gli
        articoli pubblici, come il portale; una chiave <strong>interna</strong> legge anche quelli interni,
        come la console degli agenti. La chiave si vede una volta sola, appena creata.
      </p>
      <ApiKeyCreateForm />
      <h2>Chiavi</h2>
      {keys.length === 0 ? (
        <p className="muted">Nessuna chiave.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Nome</th>
              <th scope="col">Inizio della chiave</th>
              <th scope="col">Ambito</th>
              <th scope="col">Creata</th>
              <th scope="col">Ultimo uso</th>
              <th scope="col">Stato</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scope === "public" ? "Pubblica" : "Interna"}</td>
                <td>
                  {when(key.createdAt)}
                  {key.createdByName ? ` · ${key.createdByName}` : ""}
                </td>
                <td>{when(key.lastUsedAt)}</td>
                <td>
                  {key.revokedAt ? (
                    <>Revocata {when(key.revokedAt)}</>
                  ) : (
                    <RevokeButton id={key.id} name={key.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
