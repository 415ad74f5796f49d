import type { AnswerIssue } from "@/lib/channels";
import styles from "./channel-editor.module.css";

interface IssueListProps {
  id: string;
  issues: readonly AnswerIssue[];
  /** Selects the text an issue points at, so the editor sees what to change. */
  onShow?: (issue: AnswerIssue & { start: number; end: number }) => void;
}

function hasRange(issue: AnswerIssue): issue is AnswerIssue & { start: number; end: number } {
  return typeof issue.start === "number" && typeof issue.end === "number" && issue.end > issue.start;
}

/** The checks of CHANNELS.md for one field: errors block publishing, warnings are advice. */
export function IssueList({ id, issues, onShow }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className={styles.issues}>
      {issues.map((issue, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the same code can appear at several places; the list is recomputed as a whole
          key={`${issue.code}-${index}`}
          className={issue.severity === "error" ? styles.issueError : styles.issueWarning}
        >
          <span className={styles.issueTag}>{issue.severity === "error" ? "Errore" : "Avviso"}</span>
          <span className={styles.issueMessage}>{issue.message}</span>
          {onShow && hasRange(issue) ? (
            <button type="button" className={styles.linkButton} onClick={() => onShow(issue)}>
              Mostra nel testo
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Messages of the last save for this channel; once the text changes they may no longer hold. */
export function ServerErrors({
  id,
  errors,
  stale,
}: {
  id: string;
  errors: readonly string[];
  stale: boolean;
}) {
  if (errors.length === 0) return null;
  return (
    <div id={id} className={`${styles.serverErrors} ${stale ? styles.stale : ""}`}>
      <p>
        {stale
          ? "Errori dell'ultimo salvataggio (il testo è cambiato da allora):"
          : "Errori dell'ultimo salvataggio:"}
      </p>
      <ul>
        {[...new Set(errors)].map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
