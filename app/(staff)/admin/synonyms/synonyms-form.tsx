"use client";

import { useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { resetSynonymsAction, type SynonymsActionResult, saveSynonymsAction } from "./actions";

type Row = { key: number; text: string };

let nextKey = 0;
const toRows = (texts: readonly string[]): Row[] => texts.map((text) => ({ key: nextKey++, text }));

export function SynonymsForm({ initial }: { initial: string[] }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(initial));
  const [result, setResult] = useState<SynonymsActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  const apply = (res: SynonymsActionResult) => {
    setResult(res);
    if (res.ok) setRows(toRows(res.groups.map((g) => g.join(", "))));
  };
  const errorsOf = (i: number) => (result && !result.ok ? result.fieldErrors?.[`groups.${i}`] : undefined);

  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => apply(await saveSynonymsAction(rows.map((r) => r.text))));
      }}
    >
      {result?.ok ? (
        <p role="status" className="notice">
          {result.indexUpdated
            ? "Sinonimi salvati: la ricerca li usa già."
            : "Sinonimi salvati. La ricerca non è raggiungibile ora: li userà al prossimo avvio o alla prossima reindicizzazione."}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}
      <ol className="stack" style={{ paddingLeft: "1.5rem", margin: 0 }}>
        {rows.map((row, i) => {
          const errors = errorsOf(i);
          const id = `group-${row.key}`;
          return (
            <li key={row.key}>
              <div style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
                <input
                  id={id}
                  aria-label={`Gruppo ${i + 1}, termini separati da virgole`}
                  value={row.text}
                  placeholder="bolletta, fattura, fatture"
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={errors ? `${id}-errors` : undefined}
                  onChange={(e) =>
                    setRows((all) => all.map((r) => (r.key === row.key ? { ...r, text: e.target.value } : r)))
                  }
                />
                <button
                  type="button"
                  aria-label={`Elimina il gruppo ${i + 1}`}
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  Elimina
                </button>
              </div>
              <FieldErrors id={`${id}-errors`} errors={errors} />
            </li>
          );
        })}
      </ol>
      <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
        <button type="button" onClick={() => setRows((all) => [...all, ...toRows([""])])}>
          Aggiungi gruppo
        </button>
        <button type="submit" className="primary" disabled={pending}>
          Salva sinonimi
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (!window.confirm("Ripristinare i sinonimi predefiniti? I gruppi attuali andranno persi."))
              return;
            startTransition(async () => apply(await resetSynonymsAction()));
          }}
        >
          Ripristina predefiniti
        </button>
      </div>
    </form>
  );
}
