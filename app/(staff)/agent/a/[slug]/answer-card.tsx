"use client";

import { useState } from "react";
import { SafeHtml } from "@/app/_components/safe-html";
import { CHANNELS, type RenderedAnswer } from "@/lib/channels";

/** Shows `{{variable}}` tokens the agent still has to fill in, marked so they are never sent by mistake. */
function WithMissing({ text }: { text: string }) {
  const parts = text.split(/(\{\{[^{}]*\}\})/g);
  return (
    <>
      {parts.map((part, i) =>
        /^\{\{[^{}]*\}\}$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split is stable for a given text
          <span key={i} className="var-missing" title="Da compilare">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function AnswerCard({ answer }: { answer: RenderedAnswer }) {
  const [copied, setCopied] = useState<"ok" | "warn" | null>(null);
  const label = CHANNELS[answer.channel].label.it;
  const copyText = answer.channel === "email" ? `${answer.subject}\n\n${answer.text}` : answer.text;

  async function copy() {
    await navigator.clipboard.writeText(copyText);
    setCopied(answer.missing.length > 0 ? "warn" : "ok");
  }

  return (
    <section className="card" aria-label={`Risposta ${label}`} data-channel={answer.channel}>
      <div className="answer-head">
        <h3>{label}</h3>
        <button type="button" onClick={() => void copy()}>
          Copia
        </button>
      </div>
      {copied === "warn" ? (
        <p role="status" className="field-error">
          Copiato, ma mancano: {answer.missing.map((m) => `{{${m}}}`).join(", ")}
        </p>
      ) : copied === "ok" ? (
        <p role="status" className="muted">
          Copiato
        </p>
      ) : null}
      {answer.channel === "email" ? (
        <>
          <p style={{ margin: "0 0 0.5rem" }}>
            <strong>Oggetto:</strong> <WithMissing text={answer.subject} />
          </p>
          <SafeHtml className="prose" html={answer.html} />
        </>
      ) : (
        <p className="answer-text">
          <WithMissing text={answer.text} />
        </p>
      )}
      <p className="result-meta">
        {answer.channel === "sms" ? (
          <span>
            {answer.sms.encoding} · {answer.sms.units} caratteri · {answer.sms.parts}{" "}
            {answer.sms.parts === 1 ? "SMS" : "SMS concatenati"}
          </span>
        ) : null}
        {answer.channel === "phone" || answer.channel === "ivr" ? (
          <span>circa {answer.readAloudSeconds} s letto ad alta voce</span>
        ) : null}
        {answer.missing.length > 0 ? <span>da compilare: {answer.missing.join(", ")}</span> : null}
      </p>
      {answer.channel === "ivr" ? (
        <details>
          <summary>SSML</summary>
          <pre style={{ whiteSpace: "pre-wrap" }}>{answer.ssml}</pre>
        </details>
      ) : null}
    </section>
  );
}
