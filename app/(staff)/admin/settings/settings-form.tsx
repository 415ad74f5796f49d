"use client";

import { useState, useTransition } from "react";
import type { Settings } from "@/lib/settings";
import { type SaveSettingsResult, saveSettingsAction } from "./actions";

export function SettingsForm({ initial }: { initial: Pick<Settings, "requireDistinctApprover"> }) {
  const [requireDistinctApprover, setRequireDistinctApprover] = useState(initial.requireDistinctApprover);
  const [result, setResult] = useState<SaveSettingsResult | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await saveSettingsAction({ requireDistinctApprover });
          setResult(res);
          if (res.ok) setRequireDistinctApprover(res.settings.requireDistinctApprover);
        });
      }}
    >
      {result?.ok ? (
        <p role="status" className="notice">
          {result.changed ? "Impostazioni salvate." : "Nessuna modifica da salvare."}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 700, marginBottom: "0.5rem" }}>Revisione</legend>
        <div style={{ display: "flex", gap: "0.6rem", alignItems: "flex-start" }}>
          <input
            id="requireDistinctApprover"
            type="checkbox"
            style={{ width: "auto", marginTop: "0.3rem" }}
            checked={requireDistinctApprover}
            onChange={(e) => setRequireDistinctApprover(e.target.checked)}
            aria-describedby="requireDistinctApprover-help"
          />
          <div>
            <label htmlFor="requireDistinctApprover">
              Richiedi un revisore diverso dall'autore per pubblicare
            </label>
            <p id="requireDistinctApprover-help" className="muted" style={{ margin: 0 }}>
              Chi ha scritto una versione non può approvarla, nemmeno un amministratore. Gli editor non
              possono più usare «Salva e pubblica»: devono inviare in revisione. Gli amministratori possono
              ancora pubblicare direttamente in caso di urgenza; resta traccia nel registro attività.
            </p>
          </div>
        </div>
      </fieldset>
      <div>
        <button type="submit" className="primary" disabled={pending}>
          Salva impostazioni
        </button>
      </div>
    </form>
  );
}
