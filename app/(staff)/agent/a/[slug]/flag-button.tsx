"use client";

import { useId, useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { CHANNELS, isChannelKey } from "@/lib/channels";
import { type FlagArticleResult, flagArticleAction } from "./flag-actions";

// lib/flags' FLAG_REASON_MAX; not imported because lib/flags is server-only.
const REASON_MAX = 1000;

type Props = { articleId: number; versionId: number; channels: string[] };

/**
 * "This is outdated or wrong": a small form for agents. The reason is controlled state, so a refused flag keeps the
 * agent's text on screen.
 */
export function FlagButton({ articleId, versionId, channels }: Props) {
  const id = useId();
  const [channel, setChannel] = useState("");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<FlagArticleResult | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const res = await flagArticleAction({ articleId, versionId, channel, reason });
      setResult(res);
      if (res.ok) {
        setReason("");
        setChannel("");
      }
    });
  }

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <details className="card">
      <summary>Segnala un problema</summary>
      <form
        aria-label="Segnala un problema in questo articolo"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        style={{ marginTop: "0.75rem" }}
      >
        <div className="field">
          <label htmlFor={`${id}-channel`}>Parte da segnalare</label>
          <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">Tutto l'articolo</option>
            {channels.filter(isChannelKey).map((key) => (
              <option key={key} value={key}>
                Risposta {CHANNELS[key].label.it}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors.channel} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Che cosa non va</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            maxLength={REASON_MAX}
            required
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
          />
          <FieldErrors errors={errors.reason} />
        </div>
        <button type="submit" className="primary" disabled={pending}>
          Segnala
        </button>
        {result?.ok ? (
          <p role="status" className="notice" style={{ marginTop: "0.75rem" }}>
            Segnalazione inviata, grazie: i formatori la vedono nel report di parità.
          </p>
        ) : null}
        {result && !result.ok ? (
          <p role="alert" className="form-error" style={{ marginTop: "0.75rem" }}>
            {result.formError}
          </p>
        ) : null}
      </form>
    </details>
  );
}
