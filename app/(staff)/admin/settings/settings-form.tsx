"use client";

import { useState, useTransition } from "react";
import { type PageSettings, type SaveSettingsResult, saveSettingsAction } from "./actions";

export function SettingsForm({ initial }: { initial: PageSettings }) {
  const [requireDistinctApprover, setRequireDistinctApprover] = useState(initial.requireDistinctApprover);
  const [retentionDays, setRetentionDays] = useState(String(initial.analyticsRetentionDays));
  const [result, setResult] = useState<SaveSettingsResult | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await saveSettingsAction({
            requireDistinctApprover,
            analyticsRetentionDays: Number(retentionDays),
          });
          setResult(res);
          if (res.ok) {
            setRequireDistinctApprover(res.settings.requireDistinctApprover);
            setRetentionDays(String(res.settings.analyticsRetentionDays));
          }
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
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 700, marginBottom: "0.5rem" }}>Statistiche d'uso</legend>
        <div className="field">
          <label htmlFor="analyticsRetentionDays">Giorni di conservazione degli eventi dettagliati</label>
          <input
            id="analyticsRetentionDays"
            type="number"
            min={7}
            max={3650}
            step={1}
            required
            style={{ maxWidth: "8rem" }}
            value={retentionDays}
            onChange={(e) => setRetentionDays(e.target.value)}
            aria-describedby="analyticsRetentionDays-help"
          />
          <p id="analyticsRetentionDays-help" className="muted" style={{ margin: 0 }}>
            Ricerche, aperture e copie singole (con l'operatore che le ha fatte) sono conservate per questo
            numero di giorni, poi riassunte in conteggi giornalieri senza utente e cancellate. Minimo 7.
          </p>
          {result && !result.ok && result.fieldErrors?.analyticsRetentionDays ? (
            <p className="form-error">Indica un numero intero di giorni tra 7 e 3650.</p>
          ) : null}
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
