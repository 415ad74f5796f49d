"use client";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { Messages } from "@/lib/i18n";
import { format, type PortalLocale } from "@/lib/i18n/locale";

// "Was this helpful?" at the end of a portal article (issue 6 point 3; docs/decisions/016-helpful-votes.md).
// The server renders a plain form that works without JavaScript (the endpoint answers it with a 303 to /feedback).
// It reads no cookie and nothing per visitor, so the article page can be cached and shared by everyone; what this
// browser already did comes from localStorage after hydration.

const ENDPOINT = "/api/portal/feedback";
const COMMENT_MAX = 1000;

type Result = "thanks" | "commented" | "already" | "stale" | "limited" | "invalid";
/** What this browser did on this version: the vote (null when the server said "already", value unknown). */
type Done = { helpful: boolean | null; commented: boolean };

const storageKey = (slug: string, version: number) => `sportello:helpful:${slug}:v${version}`;

function readDone(key: string): Done | null {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object" && "commented" in parsed) return parsed as Done;
  } catch {
    // Storage disabled or a value from elsewhere: ask again; the server still refuses a second vote.
  }
  return null;
}

function writeDone(key: string, done: Done): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(done));
  } catch {
    // Private mode with no storage: the thanks state lasts until the page is left.
  }
}

async function post(body: Record<string, unknown>): Promise<Result | "failed"> {
  try {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const answer: { result?: unknown } | null = await response.json().catch(() => null);
    const result = answer?.result;
    const known: Result[] = ["thanks", "commented", "already", "stale", "limited", "invalid"];
    return known.includes(result as Result) ? (result as Result) : response.ok ? "thanks" : "invalid";
  } catch {
    return "failed";
  }
}

export function HelpfulVote({
  locale,
  slug,
  version,
  text: t,
}: {
  locale: PortalLocale;
  slug: string;
  version: number;
  /** The page's "feedback" messages, passed down so the message files stay out of the browser bundle. */
  text: Messages["feedback"];
}) {
  const key = storageKey(slug, version);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [comment, setComment] = useState("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const focusComment = useRef(false);
  const id = useId();

  useEffect(() => {
    const stored = readDone(key);
    if (stored) {
      setDone(stored);
      setStatus(stored.commented ? t.commented : t.thanks);
    }
  }, [key, t]);

  useEffect(() => {
    // After a click the buttons are gone: carry the focus to the next thing to do, not to the top of the page.
    if (done && !done.commented && focusComment.current) {
      focusComment.current = false;
      commentRef.current?.focus();
    }
  }, [done]);

  const messages: Record<Result | "failed", string> = {
    thanks: t.thanks,
    commented: t.commented,
    already: t.already,
    stale: t.stale,
    limited: t.limited,
    invalid: t.invalid,
    failed: t.failed,
  };

  function remember(next: Done) {
    writeDone(key, next);
    setDone(next);
  }

  async function vote(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name !== "helpful") return; // let the browser post it: nothing else submits this form
    event.preventDefault();
    if (busy) return;
    const helpful = submitter.value === "yes";
    setBusy(true);
    setStatus(t.sending);
    const result = await post({ slug, version, helpful });
    setBusy(false);
    setStatus(messages[result]);
    if (result === "thanks") {
      focusComment.current = true;
      remember({ helpful, commented: false });
    } else if (result === "already") {
      remember({ helpful: null, commented: true });
    }
  }

  async function sendComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !done || comment.trim() === "") return;
    setBusy(true);
    setStatus(t.sending);
    const result = await post({ slug, version, comment });
    setBusy(false);
    setStatus(messages[result]);
    if (result === "commented" || result === "already") remember({ ...done, commented: true });
  }

  const commentLabel = done?.helpful === false ? t.commentNo : t.commentYes;
  return (
    <section className="helpful" aria-labelledby={`${id}-q`}>
      {done === null ? (
        <form method="post" action={ENDPOINT} onSubmit={vote}>
          <fieldset aria-busy={busy}>
            <legend id={`${id}-q`}>{t.question}</legend>
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="lang" value={locale} />
            <div className="helpful-buttons">
              <button type="submit" name="helpful" value="yes" className="button">
                {t.yes}
              </button>
              <button type="submit" name="helpful" value="no" className="button">
                {t.no}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <h2 id={`${id}-q`} className="helpful-question">
          {t.question}
        </h2>
      )}
      <p className="helpful-status" role="status" aria-live="polite">
        {status}
      </p>
      {done && !done.commented ? (
        <form method="post" action={ENDPOINT} onSubmit={sendComment} className="helpful-comment">
          <label htmlFor={`${id}-comment`}>{commentLabel}</label>
          <p id={`${id}-hint`} className="muted">
            {format(t.commentHint, { max: COMMENT_MAX })}
          </p>
          <textarea
            id={`${id}-comment`}
            ref={commentRef}
            name="comment"
            rows={3}
            maxLength={COMMENT_MAX}
            aria-describedby={`${id}-hint`}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="lang" value={locale} />
          <button type="submit" className="button" disabled={busy || comment.trim() === ""}>
            {t.commentSubmit}
          </button>
        </form>
      ) : null}
    </section>
  );
}
