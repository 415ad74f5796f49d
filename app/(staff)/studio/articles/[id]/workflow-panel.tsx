"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState, useTransition } from "react";
import type { ArticleStatus } from "@/lib/db";
import type { Permission, WorkflowState } from "@/lib/workflow";
import {
  approveAction,
  archiveAction,
  sendBackAction,
  submitForReviewAction,
  unarchiveAction,
  type WorkflowActionResult,
} from "./workflow-actions";
import styles from "./workflow-panel.module.css";

/** Build with `getWorkflowState(articleId, user)` from `@/lib/workflow` in the server page. */
export type WorkflowPanelProps = { state: WorkflowState };

const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: "Bozza",
  in_review: "In revisione",
  published: "Pubblicato",
  archived: "Archiviato",
};

const COMMENT_MAX = 2000;

/** Server and browser may sit in different time zones: the browser's reading wins without a hydration warning. */
function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {new Date(iso).toLocaleString("it-IT", { dateStyle: "short", timeStyle: "short" })}
    </time>
  );
}

function successMessage(kind: Kind, state: WorkflowState): string {
  switch (kind) {
    case "submit":
      return "Inviato in revisione: un altro editor lo trova in «Revisioni».";
    case "approve":
      return `Approvato e pubblicato: agenti e portale vedono la versione ${state.currentVersionNumber} tra pochi istanti.`;
    case "sendBack":
      return "Rimandato all'autore con il tuo commento.";
    case "archive":
      return "Archiviato: non compare più nel portale né nella ricerca.";
    case "unarchive":
      return "Ripristinato dall'archivio.";
  }
}

type Kind = "submit" | "approve" | "sendBack" | "archive" | "unarchive";

/** A button that, when not allowed, stays visible but disabled and says why (the reason is its description). */
function ActionButton({
  permission,
  pending,
  onClick,
  className,
  children,
}: {
  permission: Permission;
  pending: boolean;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  const reasonId = useId();
  return (
    <div className={styles.action}>
      <button
        type="button"
        className={className}
        disabled={pending || !permission.allowed}
        aria-describedby={permission.allowed ? undefined : reasonId}
        onClick={onClick}
      >
        {children}
      </button>
      {permission.allowed ? null : (
        <p id={reasonId} className={styles.reason}>
          {permission.reason}
        </p>
      )}
    </div>
  );
}

/**
 * The article's editorial workflow: status, what readers see, the reviewer's last comment, and the actions this
 * user may take. Every action is checked again on the server; the props only decide what to offer.
 */
export function WorkflowPanel({ state }: WorkflowPanelProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ kind: Kind; res: WorkflowActionResult } | null>(null);
  const [open, setOpen] = useState<"sendBack" | "archive" | null>(null);
  const [comment, setComment] = useState("");
  const headingId = useId();
  const commentId = useId();
  const commentErrorId = useId();

  function run(kind: Kind, action: () => Promise<WorkflowActionResult>) {
    startTransition(async () => {
      const res = await action();
      setResult({ kind, res });
      if (res.ok) {
        setOpen(null);
        setComment("");
        router.refresh();
      }
    });
  }

  const ids = { articleId: state.articleId, versionId: state.currentVersionId };
  const failure = result && !result.res.ok ? result.res : null;
  const commentErrors = failure?.fieldErrors?.comment;
  const { actions, status } = state;

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <h2 id={headingId}>Revisione e pubblicazione</h2>
        <span className={`badge ${status} ${status === "in_review" ? styles.inReview : ""}`}>
          {STATUS_LABEL[status]}
        </span>
      </div>
      <p className={styles.facts}>
        Versione di lavoro v{state.currentVersionNumber}
        {state.currentAuthorName ? ` di ${state.currentAuthorName}` : ""} ·{" "}
        {state.publishedVersionNumber === null
          ? "mai pubblicato"
          : status === "archived"
            ? `archiviato (era pubblicata la v${state.publishedVersionNumber})`
            : `agenti e portale vedono la v${state.publishedVersionNumber}`}
        {state.hasUnpublishedChanges && status !== "archived" ? " · modifiche non ancora pubblicate" : ""}
        {state.submittedAt ? (
          <>
            {" "}
            · inviato in revisione il <When iso={state.submittedAt} />
          </>
        ) : null}
        {state.requireDistinctApprover ? " · serve l'approvazione di un editor diverso dall'autore" : ""}
      </p>

      {state.lastSendBack ? (
        <figure className={styles.comment}>
          <figcaption className={styles.commentMeta}>
            Commento del revisore
            {state.lastSendBack.byName ? ` ${state.lastSendBack.byName}` : ""}
            {state.lastSendBack.versionNumber ? ` sulla v${state.lastSendBack.versionNumber}` : ""},{" "}
            <When iso={state.lastSendBack.at} />
          </figcaption>
          <blockquote>{state.lastSendBack.comment}</blockquote>
        </figure>
      ) : null}

      {result?.res.ok ? (
        <p role="status" className={`notice ${styles.result}`}>
          {successMessage(result.kind, state)}
        </p>
      ) : null}
      {failure ? (
        <div role="alert" className={`form-error ${styles.result}`}>
          {failure.formError}
          {failure.conflict ? " Ricarica la pagina per vedere lo stato attuale." : null}
        </div>
      ) : null}

      <div className={styles.actions}>
        {status === "draft" ? (
          <ActionButton
            permission={actions.submit}
            pending={pending}
            className="primary"
            onClick={() =>
              run("submit", () =>
                submitForReviewAction({ articleId: state.articleId, baseVersionId: state.currentVersionId }),
              )
            }
          >
            Invia in revisione
          </ActionButton>
        ) : null}
        {status === "in_review" ? (
          <>
            <ActionButton
              permission={actions.approve}
              pending={pending}
              className="primary"
              onClick={() => run("approve", () => approveAction(ids))}
            >
              Approva e pubblica
            </ActionButton>
            <ActionButton
              permission={actions.sendBack}
              pending={pending}
              onClick={() => setOpen(open === "sendBack" ? null : "sendBack")}
            >
              Rimanda indietro
            </ActionButton>
          </>
        ) : null}
        {status === "archived" ? (
          <ActionButton
            permission={actions.unarchive}
            pending={pending}
            onClick={() => run("unarchive", () => unarchiveAction({ articleId: state.articleId }))}
          >
            Ripristina dall'archivio
          </ActionButton>
        ) : (
          <ActionButton
            permission={actions.archive}
            pending={pending}
            className={styles.danger}
            onClick={() => setOpen(open === "archive" ? null : "archive")}
          >
            Archivia
          </ActionButton>
        )}
      </div>

      {open === "sendBack" && status === "in_review" ? (
        <form
          className={styles.subform}
          onSubmit={(e) => {
            e.preventDefault();
            run("sendBack", () => sendBackAction({ ...ids, comment }));
          }}
        >
          <label htmlFor={commentId}>Commento per l'autore</label>
          <textarea
            id={commentId}
            rows={4}
            required
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={commentErrors ? true : undefined}
            aria-describedby={commentErrors ? commentErrorId : undefined}
            placeholder="Cosa va corretto prima della pubblicazione"
          />
          {commentErrors ? (
            <p id={commentErrorId} className="field-error">
              {commentErrors.join(" ")}
            </p>
          ) : null}
          <div className={styles.subformButtons}>
            <button type="submit" disabled={pending || comment.trim().length === 0}>
              Rimanda all'autore
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              Annulla
            </button>
          </div>
        </form>
      ) : null}

      {open === "archive" && status !== "archived" ? (
        <fieldset className={styles.subform}>
          <legend>Conferma archiviazione</legend>
          <p style={{ margin: 0 }}>
            L'articolo sparirà dal portale e dalla ricerca degli operatori finché non lo ripristini. Confermi?
          </p>
          <div className={styles.subformButtons}>
            <button
              type="button"
              className={styles.danger}
              disabled={pending}
              onClick={() => run("archive", () => archiveAction({ articleId: state.articleId }))}
            >
              Sì, archivia
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              Annulla
            </button>
          </div>
        </fieldset>
      ) : null}
    </section>
  );
}
