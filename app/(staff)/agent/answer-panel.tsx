"use client";

import Link from "next/link";
import { type Ref, type RefObject, useEffect, useId, useRef, useState } from "react";
import { SafeHtml } from "@/app/_components/safe-html";
import {
  analyzeSms,
  buildSsml,
  CHANNELS,
  type ChannelKey,
  estimateReadAloudSeconds,
  type RenderedAnswer,
  VARIABLES,
  type VariableName,
} from "@/lib/channels";
import {
  answerTexts,
  buildClipboardPayload,
  type ClipboardPayload,
  type ConsoleArticle,
  describeMissing,
  digitForChannel,
  fillHtml,
  fillText,
  listMissing,
  listUsedVariables,
  recordUsage,
  SCREEN_POP_VALUE_MAX,
  type VariableValues,
} from "@/lib/console";
import { FlagButton } from "./a/[slug]/flag-button";
import { Segments } from "./segments";
import { Teleprompter } from "./teleprompter";

/** What the console's keyboard handler can ask of the open panel. */
export type PanelCommands = { copy: () => void; teleprompter: () => void; focusVariables: () => void };

type Props = {
  ref: Ref<HTMLElement>;
  commands: RefObject<PanelCommands | null>;
  article: ConsoleArticle;
  channel: ChannelKey | null;
  onChannel: (channel: ChannelKey) => void;
  values: VariableValues;
  onValues: (update: (values: VariableValues) => VariableValues) => void;
  position: number | null;
  query: string;
  onClose: () => void;
};

/** The open article: channel switcher, the chosen answer with its variables, then the article itself. */
export function AnswerPanel({ ref, commands, article, channel, onChannel, ...rest }: Props) {
  const answer = article.answers.find((a) => a.channel === channel) ?? null;
  const titleId = useId();
  return (
    <section ref={ref} tabIndex={-1} className="console-panel card" aria-labelledby={titleId}>
      <div className="console-panel-head">
        <h2 id={titleId}>{article.title}</h2>
        <button
          type="button"
          onClick={rest.onClose}
          aria-label="Chiudi il pannello"
          aria-keyshortcuts="Escape"
        >
          Chiudi <kbd>Esc</kbd>
        </button>
      </div>
      <p className="result-meta">
        <span>{article.product.name}</span>·<span>{article.category.name}</span>·
        <span>v{article.versionNumber}</span>
        {article.visibility === "internal" ? <span className="badge internal">Solo interno</span> : null}
        <Link href={`/agent/a/${article.slug}`}>Apri a pagina intera</Link>
      </p>
      {article.answers.length > 0 ? (
        <fieldset className="channel-switch">
          <legend className="sr-only">Canale</legend>
          {article.answers.map((a) => (
            <button
              key={a.channel}
              type="button"
              aria-pressed={a.channel === channel}
              aria-label={CHANNELS[a.channel].label.it}
              aria-keyshortcuts={digitForChannel(a.channel)}
              onClick={() => onChannel(a.channel)}
            >
              <kbd>{digitForChannel(a.channel)}</kbd> {CHANNELS[a.channel].label.it}
            </button>
          ))}
        </fieldset>
      ) : (
        <p className="muted">Questo articolo non ha risposte per canale.</p>
      )}
      {answer ? (
        // Keyed: a new answer starts with no copy warning or status left over from the previous one.
        <AnswerView
          key={`${article.id}:${answer.channel}`}
          commands={commands}
          article={article}
          answer={answer}
          {...rest}
        />
      ) : null}
      <details className="console-article" open>
        <summary>Articolo completo</summary>
        {article.summary ? <p className="muted">{article.summary}</p> : null}
        {/* Sanitized by lib/markdown; internal blocks are kept and marked for agents. */}
        <SafeHtml className="prose" html={article.html} />
      </details>
      <FlagButton
        key={article.id}
        articleId={article.id}
        versionId={article.versionId}
        channels={article.answers.map((a) => a.channel)}
      />
    </section>
  );
}

type CopyState =
  | { kind: "idle" }
  | { kind: "warned"; text: string; missing: string[] }
  | { kind: "copied"; missing: string[] }
  | { kind: "failed" };

async function writeClipboard(payload: ClipboardPayload): Promise<void> {
  if (payload.html && typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/plain": new Blob([payload.text], { type: "text/plain" }),
        "text/html": new Blob([payload.html], { type: "text/html" }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(payload.text);
}

function AnswerView({
  commands,
  article,
  answer,
  values,
  onValues,
  position,
  query,
}: Omit<Props, "ref" | "channel" | "onChannel" | "onClose"> & { answer: RenderedAnswer }) {
  const id = useId();
  const label = CHANNELS[answer.channel].label.it;
  const used = listUsedVariables(answerTexts(answer));
  const [copy, setCopy] = useState<CopyState>({ kind: "idle" });
  const [prompter, setPrompter] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const filled = fillText(answer.text, values);

  async function doCopy() {
    const payload = buildClipboardPayload(answer, values);
    // Unfilled variables: the first press only warns (CHANNELS.md: never copied as raw {{…}} without a
    // warning); pressing again with the same text copies it as it is (decisions in lib/console/index.ts).
    if (payload.missing.length > 0 && !(copy.kind === "warned" && copy.text === payload.text)) {
      setCopy({ kind: "warned", text: payload.text, missing: payload.missing });
      return;
    }
    try {
      await writeClipboard(payload);
      setCopy({ kind: "copied", missing: payload.missing });
      recordUsage({ kind: "copy", articleId: article.id, channel: answer.channel, position, query });
    } catch {
      setCopy({ kind: "failed" });
    }
  }

  async function copySubject() {
    if (answer.channel !== "email") return;
    try {
      await navigator.clipboard.writeText(fillText(answer.subject, values));
      // A subject is one line: it is copied at once, and the status names any variable still in it.
      setCopy({ kind: "copied", missing: listMissing([answer.subject], values) });
    } catch {
      setCopy({ kind: "failed" });
    }
  }

  const latest = useRef({ doCopy, openPrompter: () => answer.channel === "phone" && setPrompter(true) });
  latest.current = { doCopy, openPrompter: () => answer.channel === "phone" && setPrompter(true) };
  useEffect(() => {
    commands.current = {
      copy: () => void latest.current.doCopy(),
      teleprompter: () => latest.current.openPrompter(),
      focusVariables: () => firstField.current?.focus(),
    };
    return () => {
      commands.current = null;
    };
  }, [commands]);

  const setValue = (name: VariableName, value: string) => onValues((v) => ({ ...v, [name]: value }));

  return (
    <section className="console-answer" aria-label={`Risposta ${label}`} data-channel={answer.channel}>
      {used.length > 0 ? (
        <fieldset className="console-variables">
          <legend>Variabili</legend>
          {used.map((name, index) => {
            const variable = VARIABLES.find((v) => v.name === name);
            return (
              <div className="console-variable" key={name}>
                <label htmlFor={`${id}-${name}`}>{variable?.label.it ?? name}</label>
                <input
                  ref={index === 0 ? firstField : undefined}
                  id={`${id}-${name}`}
                  value={values[name] ?? ""}
                  maxLength={SCREEN_POP_VALUE_MAX}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setValue(name, e.target.value)}
                  onKeyDown={(e) => {
                    // Fill the name, press Enter: copied (Ctrl+Enter works too, from anywhere).
                    if (e.key !== "Enter" || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
                    e.preventDefault();
                    void doCopy();
                  }}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}

      <div className="console-preview">
        {answer.channel === "email" ? (
          <>
            <p className="console-subject">
              <strong>Oggetto:</strong> <Segments text={answer.subject} values={values} />
            </p>
            {/* lib/markdown's sanitized HTML, with HTML-escaped values (lib/console fillHtml). */}
            <SafeHtml className="prose" html={fillHtml(answer.html, values, { highlight: true })} />
          </>
        ) : (
          <p className="answer-text">
            <Segments text={answer.text} values={values} />
          </p>
        )}
      </div>

      <p className="result-meta">
        {answer.channel === "sms" ? <SmsMeta text={filled} /> : null}
        {answer.channel === "phone" || answer.channel === "ivr" ? (
          <span>circa {estimateReadAloudSeconds(filled)} s letto ad alta voce</span>
        ) : null}
      </p>

      <div className="console-actions">
        <button
          type="button"
          className="primary"
          aria-label="Copia"
          aria-keyshortcuts="c Control+Enter"
          onClick={() => void doCopy()}
        >
          Copia <kbd>c</kbd>
        </button>
        {answer.channel === "email" ? (
          <button type="button" onClick={() => void copySubject()}>
            Copia oggetto
          </button>
        ) : null}
        {answer.channel === "phone" ? (
          <button
            type="button"
            aria-label="Teleprompter"
            aria-keyshortcuts="t"
            onClick={() => setPrompter(true)}
          >
            Teleprompter <kbd>t</kbd>
          </button>
        ) : null}
      </div>

      {copy.kind === "warned" ? (
        <p role="alert" className="alert console-copy-note">
          Mancano: {describeMissing(copy.missing)}. Compilale (<kbd>v</kbd>) oppure premi di nuovo{" "}
          <kbd>c</kbd> per copiare comunque.
        </p>
      ) : null}
      {copy.kind === "copied" ? (
        <p role="status" className={copy.missing.length > 0 ? "field-error" : "muted"}>
          {copy.missing.length > 0
            ? `Copiato, ma mancano: ${describeMissing(copy.missing)}`
            : `Copiato: risposta ${label} pronta da incollare`}
        </p>
      ) : null}
      {copy.kind === "failed" ? (
        <p role="alert" className="alert console-copy-note">
          Non è stato possibile copiare: il browser non ha concesso gli appunti. Seleziona il testo e copialo
          a mano.
        </p>
      ) : null}

      {answer.channel === "ivr" ? (
        <details>
          <summary>SSML</summary>
          <pre className="console-ssml">{buildSsml(filled)}</pre>
        </details>
      ) : null}

      {answer.channel === "phone" ? (
        <Teleprompter
          open={prompter}
          onClose={() => setPrompter(false)}
          title={article.title}
          text={answer.text}
          values={values}
          seconds={estimateReadAloudSeconds(filled)}
        />
      ) : null}
    </section>
  );
}

function SmsMeta({ text }: { text: string }) {
  const sms = analyzeSms(text);
  return (
    <span>
      {sms.encoding} · {sms.units} caratteri · {sms.parts} {sms.parts === 1 ? "SMS" : "SMS concatenati"}
    </span>
  );
}
