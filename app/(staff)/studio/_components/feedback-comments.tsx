import Link from "next/link";
import type { FeedbackComment } from "@/lib/feedback";
import styles from "./lists.module.css";

const dateTime = new Intl.DateTimeFormat("it-IT", { dateStyle: "short", timeStyle: "short" });

/**
 * Visitors' comments from the portal's "Was this helpful?" (lib/feedback). Anonymous text: React renders it as text,
 * never as HTML. With `withArticle`, each row names and links its article in the studio.
 */
export function FeedbackComments({
  comments,
  withArticle = false,
  label,
}: {
  comments: readonly FeedbackComment[];
  withArticle?: boolean;
  label: string;
}) {
  return (
    <table className="list" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Quando</th>
          {withArticle ? <th scope="col">Articolo</th> : null}
          <th scope="col">Versione</th>
          <th scope="col">Voto</th>
          <th scope="col">Commento</th>
        </tr>
      </thead>
      <tbody>
        {comments.map((c) => (
          <tr key={c.id}>
            <td>
              <time dateTime={c.at.toISOString()}>{dateTime.format(c.at)}</time>
            </td>
            {withArticle ? (
              <td>
                <Link href={`/studio/articles/${c.articleId}`}>{c.articleTitle}</Link>{" "}
                <span className="muted">({c.locale.toUpperCase()})</span>
              </td>
            ) : null}
            <td>v{c.versionNumber}</td>
            <td>
              <span className={c.helpful ? "badge published" : "badge archived"}>
                {c.helpful ? "Utile" : "Non utile"}
              </span>
            </td>
            <td>
              <p className={styles.reason}>{c.comment}</p>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
