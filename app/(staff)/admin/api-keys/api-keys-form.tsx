"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type CreateApiKeyResult, createApiKeyAction, revokeApiKeyAction } from "./actions";

export function ApiKeyCreateForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"public" | "internal">("public");
  const [result, setResult] = useState<CreateApiKeyResult | null>(null);
  const [pending, startTransition] = useTransition();
  const nameError = result && !result.ok ? result.fieldErrors?.name?.[0] : undefined;

  return (
    <>
      <form
        className="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const res = await createApiKeyAction({ name, scope });
            setResult(res);
            if (res.ok) {
              setName("");
              router.refresh();
            }
          });
        }}
      >
        <h2 style={{ margin: 0 }}>Nuova chiave</h2>
        {result && !result.ok ? (
          <p role="alert" className="form-error">
            {result.formError}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="api-key-name">Nome</label>
          <input
            id="api-key-name"
            value={name}
            maxLength={80}
            required
            onChange={(e) => setName(e.target.value)}
            aria-describedby={nameError ? "api-key-name-error" : "api-key-name-help"}
            aria-invalid={nameError ? true : undefined}
          />
          {nameError ? (
            <p id="api-key-name-error" className="field-error">
              {nameError}
            </p>
          ) : (
            <p id="api-key-name-help" className="muted" style={{ margin: 0 }}>
              Chi la usa, per riconoscerla: «Chatbot sito», «IVR fornitore X».
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="api-key-scope">Ambito</label>
          <select
            id="api-key-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value === "internal" ? "internal" : "public")}
          >
            <option value="public">Pubblica: solo articoli pubblici</option>
            <option value="internal">Interna: anche articoli e dati interni</option>
          </select>
        </div>
        <div>
          <button type="submit" className="primary" disabled={pending}>
            Crea chiave
          </button>
        </div>
      </form>
      {result?.ok ? (
        <div role="status" className="notice stack">
          <p style={{ margin: 0 }}>Chiave «{result.key.name}» creata. Copiala ora: non sarà più mostrata.</p>
          <label htmlFor="api-key-secret">Chiave segreta</label>
          <input
            id="api-key-secret"
            readOnly
            value={result.secret}
            onFocus={(e) => e.currentTarget.select()}
            style={{ fontFamily: "monospace" }}
          />
        </div>
      ) : null}
    </>
  );
}

export function RevokeButton({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoca la chiave ${name}`}
        onClick={() => {
          // Irreversible and immediate for the integration using it: ask first.
          if (!window.confirm(`Revocare la chiave «${name}»? Smetterà subito di funzionare.`)) return;
          startTransition(async () => {
            const res = await revokeApiKeyAction({ id });
            if (res.ok) router.refresh();
            else setError(res.formError ?? "Revoca non riuscita");
          });
        }}
      >
        Revoca
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
