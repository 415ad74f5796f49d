"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type AnswerIssue, CHANNELS, type ChannelKey, createPreviewValues } from "@/lib/channels";
import {
  type AnswerDraft,
  checkAnswerDraft,
  countIssues,
  createCheckContext,
  type EditorFact,
  formatIssueCount,
  insertAtSelection,
  isAnswerPresent,
} from "@/lib/channels/preview";
import styles from "./channel-editor.module.css";
import { ChannelPreview } from "./channel-preview";
import { IssueList, ServerErrors } from "./issue-list";
import { useDebouncedValue } from "./use-debounced-value";
import { VariablePicker } from "./variable-picker";

/** Checks and preview wait this long after the last keystroke (parsing a long answer costs up to ~25 ms). */
const CHECK_DELAY_MS = 150;

export interface ChannelAnswerEditorProps {
  channel: ChannelKey;
  value: AnswerDraft;
  onChange: (value: AnswerDraft) => void;
  /** Every fact, with its value: previews show it and length checks count it. Keep the array stable. */
  facts: readonly EditorFact[];
  articleVisibility: "public" | "internal";
  /** Messages from the last save for this channel (body and, for email, subject). */
  serverErrors?: readonly string[];
  /** The section's id, e.g. `answer-sms`: other pages link to it. */
  id?: string;
  /** The published article's public address, shown under the chatbot answer. */
  publicArticleUrl?: string | null;
  /** The channel heading's level; the preview heading is one below. */
  headingLevel?: 2 | 3;
  /** Called with the checks of the (debounced) answer whenever they change; the panel sums them up. */
  onIssuesChange?: (channel: ChannelKey, issues: readonly AnswerIssue[]) => void;
}

type Field = "body" | "subject";

/** One channel answer: the field, its CHANNELS.md checks while typing, a variable picker and the live preview. */
export function ChannelAnswerEditor({
  channel,
  value,
  onChange,
  facts,
  articleVisibility,
  serverErrors,
  id,
  publicArticleUrl,
  headingLevel = 3,
  onIssuesChange,
}: ChannelAnswerEditorProps) {
  const autoId = useId();
  const sectionId = id ?? `answer-${channel}${autoId}`;
  const ids = {
    label: `${sectionId}-label`,
    body: `${sectionId}-body`,
    subject: `${sectionId}-subject`,
    bodyIssues: `${sectionId}-body-issues`,
    subjectIssues: `${sectionId}-subject-issues`,
    server: `${sectionId}-server-errors`,
    hint: `${sectionId}-hint`,
    preview: `${sectionId}-preview`,
  };
  const definition = CHANNELS[channel];
  const label = definition.label.it;
  const isEmail = channel === "email";
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const body = useDebouncedValue(value.body, CHECK_DELAY_MS);
  const subject = useDebouncedValue(value.subject, CHECK_DELAY_MS);
  const checked = useMemo(() => ({ body, subject }), [body, subject]);
  const context = useMemo(() => createCheckContext(facts, articleVisibility), [facts, articleVisibility]);
  const previewValues = useMemo(() => createPreviewValues(context.facts), [context]);
  const issues = useMemo(() => checkAnswerDraft(channel, checked, context), [channel, checked, context]);

  useEffect(() => {
    onIssuesChange?.(channel, issues);
  }, [onIssuesChange, channel, issues]);

  const subjectIssues = issues.filter((issue) => issue.field === "subject");
  const bodyIssues = issues.filter((issue) => issue.field !== "subject");
  const count = countIssues(issues);
  const present = isAnswerPresent(checked);

  // Server messages stay until the next save; once the text differs from what was saved they are marked stale.
  const errors = serverErrors ?? [];
  const errorsKey = errors.join("\n");
  const [savedWith, setSavedWith] = useState({ key: errorsKey, body: value.body, subject: value.subject });
  if (savedWith.key !== errorsKey) setSavedWith({ key: errorsKey, body: value.body, subject: value.subject });
  const stale = savedWith.body !== value.body || savedWith.subject !== value.subject;

  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const [lastField, setLastField] = useState<Field>("body");
  const pendingSelection = useRef<{ field: Field; start: number; end: number } | null>(null);

  // After a controlled update React puts the caret at the end; put it back where the insertion ended.
  useEffect(() => {
    const pending = pendingSelection.current;
    if (!pending) return;
    pendingSelection.current = null;
    const element = pending.field === "subject" ? subjectRef.current : bodyRef.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(pending.start, pending.end);
  });

  const insert = (token: string) => {
    const field: Field = isEmail && lastField === "subject" ? "subject" : "body";
    const element = field === "subject" ? subjectRef.current : bodyRef.current;
    const current = field === "subject" ? value.subject : value.body;
    const result = insertAtSelection(
      current,
      element?.selectionStart ?? current.length,
      element?.selectionEnd ?? current.length,
      token,
    );
    pendingSelection.current = { field, start: result.caret, end: result.caret };
    onChange({ ...value, [field]: result.value });
  };

  const show = (issue: AnswerIssue & { start: number; end: number }) => {
    const element = issue.field === "subject" ? subjectRef.current : bodyRef.current;
    if (!element) return;
    const length = element.value.length;
    element.focus();
    element.setSelectionRange(Math.min(issue.start, length), Math.min(issue.end, length));
  };

  const describedBy = (...candidates: (string | false)[]) =>
    candidates.filter((candidate): candidate is string => candidate !== false).join(" ") || undefined;

  return (
    <section id={sectionId} aria-labelledby={ids.label} className={styles.section} data-channel={channel}>
      <header className={styles.header}>
        <Heading className={styles.heading}>
          <span id={ids.label}>{label}</span>
          {present ? (
            <span
              className={`${styles.count} ${
                count.errors > 0
                  ? styles.countError
                  : count.warnings > 0
                    ? styles.countWarning
                    : styles.countOk
              }`}
            >
              {formatIssueCount(count) || "nessun problema"}
            </span>
          ) : (
            <span className={styles.count}>nessuna risposta</span>
          )}
        </Heading>
        <span className={styles.renderedAs}>{definition.renderedAs.it}</span>
      </header>
      <div className={styles.columns}>
        <div>
          {isEmail ? (
            <div className={styles.field}>
              <label htmlFor={ids.subject}>Oggetto e-mail</label>
              <input
                ref={subjectRef}
                id={ids.subject}
                value={value.subject}
                onChange={(event) => onChange({ ...value, subject: event.target.value })}
                onFocus={() => setLastField("subject")}
                aria-invalid={subjectIssues.some((issue) => issue.severity === "error") || undefined}
                aria-describedby={describedBy(subjectIssues.length > 0 && ids.subjectIssues)}
                className={
                  subjectIssues.some((issue) => issue.severity === "error") ? styles.invalid : undefined
                }
              />
              <IssueList id={ids.subjectIssues} issues={subjectIssues} onShow={show} />
            </div>
          ) : null}
          <div className={styles.field}>
            <div className={styles.fieldHead}>
              <label htmlFor={ids.body}>Risposta {label}</label>
              <VariablePicker
                channel={channel}
                facts={facts}
                onInsert={insert}
                target={isEmail && lastField === "subject" ? "Oggetto e-mail" : `Risposta ${label}`}
              />
            </div>
            <textarea
              ref={bodyRef}
              id={ids.body}
              rows={isEmail ? 10 : 6}
              value={value.body}
              onChange={(event) => onChange({ ...value, body: event.target.value })}
              onFocus={() => setLastField("body")}
              aria-invalid={bodyIssues.some((issue) => issue.severity === "error") || undefined}
              aria-describedby={describedBy(
                ids.hint,
                bodyIssues.length > 0 && ids.bodyIssues,
                errors.length > 0 && ids.server,
              )}
              className={bodyIssues.some((issue) => issue.severity === "error") ? styles.invalid : undefined}
            />
            <p id={ids.hint} className={styles.hint}>
              {definition.isPublic ? "Risposta pubblica. " : ""}Testo con Markdown leggero e variabili come{" "}
              <code>{"{{customer.firstName}}"}</code>. Lasciala vuota se il canale non serve.
            </p>
            <IssueList id={ids.bodyIssues} issues={bodyIssues} onShow={show} />
            <ServerErrors id={ids.server} errors={errors} stale={stale} />
          </div>
        </div>
        <ChannelPreview
          channel={channel}
          answer={checked}
          values={previewValues}
          articleVisibility={articleVisibility}
          publicArticleUrl={publicArticleUrl}
          headingId={ids.preview}
          headingLevel={headingLevel === 2 ? 3 : 4}
        />
      </div>
    </section>
  );
}
