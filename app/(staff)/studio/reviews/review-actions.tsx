"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { Permission } from "@/lib/workflow";
import { approveAction, sendBackAction, type WorkflowActionResult } from "../articles/[id]/workflow-actions";
import styles from "./review-actions.module.css";

type Props = { articleId: number; versionId: number; title: string; approve: Permission };

/** Approve or send back from the queue, without opening the article; the server re-checks both. */
export function ReviewActions({ articleId, versionId, title, approve }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ kind: "approve" | "sendBack"; res: WorkflowActionResult } | null>(
    null,
  );
  const [comment, setComment] = useState("");
  const reasonId = useId();
  const commentId = useId();

  function run(kind: "approve" | "sendBack", action: () => Promise<WorkflowActionResult>) {
    startTransition(async () => {
      const res = await action();
      setResult({ kind, res });
      // The handled row leaves the queue (the action revalidates the page), taking any message inside it along; the
      // confirmation is therefore shown by the page itself, from the URL (see page.tsx).
      if (res.ok) router.replace(`/studio/reviews?done=${kind}&article=${articleId}`);
    });
  }

  if (result?.res.ok) {
    return (
      <p role="status" className={`notice ${styles.result}`}>
        {result.kind === "approve" ? "Approvato e pubblicato." : "Rimandato all'autore."}
      </p>
    );
  }
  return (
    <div className={styles.actions}>
      {result && !result.res.ok ? (
        <p role="alert" className={`form-error ${styles.result}`}>
          {result.res.formError}
        </p>
      ) : null}
      <button
        type="button"
        className="primary"
        disabled={pending || !approve.allowed}
        aria-describedby={approve.allowed ? undefined : reasonId}
        onClick={() => run("approve", () => approveAction({ articleId, versionId }))}
      >
        Approva e pubblica
      </button>
      {approve.allowed ? null : (
        <p id={reasonId} className={styles.reason}>
          {approve.reason}
        </p>
      )}
      <details className={styles.sendBack}>
        <summary>Rimanda indietro</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run("sendBack", () => sendBackAction({ articleId, versionId, comment }));
          }}
        >
          <label htmlFor={commentId}>Commento per l'autore di «{title}»</label>
          <textarea
            id={commentId}
            rows={3}
            required
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" disabled={pending || comment.trim().length === 0}>
            Rimanda all'autore
          </button>
        </form>
      </details>
    </div>
  );
}
