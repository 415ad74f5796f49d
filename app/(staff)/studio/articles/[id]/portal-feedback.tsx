import Link from "next/link";
import { listFeedbackComments, listVersionFeedback } from "@/lib/feedback";
import { FeedbackComments } from "../../_components/feedback-comments";
import styles from "./portal-feedback.module.css";

const percent = new Intl.NumberFormat("it-IT", { style: "percent", maximumFractionDigits: 0 });

/** "Feedback dal portale": the visitors' yes/no per published version, newest first, and their latest comments. */
export function PortalFeedbackPanel({ articleId, isPublic }: { articleId: number; isPublic: boolean }) {
  const versions = listVersionFeedback(articleId);
  const comments = listFeedbackComments({ articleId, limit: 10 });
  const anyVote = versions.some((v) => v.yes + v.no > 0);
  // An internal article is not on the portal; old votes from when it was public still show.
  if (!isPublic && !anyVote) return null;
  return (
    <section aria-labelledby="portal-feedback-title" className={`card ${styles.panel}`}>
      <h2 id="portal-feedback-title">Feedback dal portale</h2>
      {!anyVote ? (
        <p className="muted">Nessun voto dai visitatori del portale per ora.</p>
      ) : (
        <table className="list" aria-label="Voti per versione pubblicata">
          <thead>
            <tr>
              <th scope="col">Versione</th>
              <th scope="col">Sì</th>
              <th scope="col">No</th>
              <th scope="col">Utile</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.versionNumber}>
                <td>v{v.versionNumber}</td>
                <td>{v.yes}</td>
                <td>{v.no}</td>
                <td>{v.helpfulShare === null ? "—" : percent.format(v.helpfulShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {comments.length > 0 ? (
        <>
          <h3>Ultimi commenti</h3>
          <FeedbackComments comments={comments} label="Ultimi commenti dal portale" />
        </>
      ) : null}
      <p className={`muted ${styles.more}`}>
        <Link href="/studio/portal">Tutto il feedback e le ricerche senza risultati</Link>
      </p>
    </section>
  );
}
