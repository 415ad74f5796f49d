import type { ArticleStatus, Role } from "@/lib/db";
import type { Settings } from "@/lib/settings";

// Who may move an article where, as pure functions: the transitions enforce them and getWorkflowState shows them
// to the panel, so the button and the server can never disagree.
//
// The distinct-approver rule (admin setting `requireDistinctApprover`, off by default for small teams):
// - Approving: the author of the version under review may not approve it — admins included. An approve event is
//   the record that a second person read the text; letting anyone approve their own would make it meaningless.
// - Publishing directly from the editor ("Salva e pubblica") always publishes a version the actor just wrote, so
//   with the rule on only admins may do it: the emergency path, audited as `article.publish` with no approve event.

/** The only setting the workflow reads, by name: the others (the portal's logo among them) are not its business. */
export const WORKFLOW_SETTINGS = ["requireDistinctApprover"] as const;
export type WorkflowSettings = Pick<Settings, (typeof WORKFLOW_SETTINGS)[number]>;

export type WorkflowActor = { id: number; role: Role };

export type Permission = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Permission = { allowed: true };
const deny = (reason: string): Permission => ({ allowed: false, reason });

export const NOT_AN_EDITOR = "Serve il ruolo di editor.";
export const AUTHOR_CANNOT_APPROVE = "Sei l'autore: serve un altro revisore.";

type Situation = {
  status: ArticleStatus;
  /** Author of the current version; null when unknown (imported content, deleted user). */
  authorId: number | null;
};

export function isEditor(actor: WorkflowActor): boolean {
  return actor.role === "editor" || actor.role === "admin";
}

export function maySubmit(actor: WorkflowActor, s: Situation): Permission {
  if (!isEditor(actor)) return deny(NOT_AN_EDITOR);
  switch (s.status) {
    case "draft":
      return ALLOWED;
    case "in_review":
      return deny("È già in revisione.");
    case "published":
      return deny("Nessuna modifica da inviare: la versione corrente è già pubblicata.");
    case "archived":
      return deny("L'articolo è archiviato: ripristinalo prima.");
  }
}

export function mayApprove(actor: WorkflowActor, s: Situation, settings: WorkflowSettings): Permission {
  if (!isEditor(actor)) return deny(NOT_AN_EDITOR);
  if (s.status !== "in_review") return deny("Si può approvare solo un articolo in revisione.");
  if (settings.requireDistinctApprover && s.authorId === actor.id) return deny(AUTHOR_CANNOT_APPROVE);
  return ALLOWED;
}

export function maySendBack(actor: WorkflowActor, s: Situation): Permission {
  if (!isEditor(actor)) return deny(NOT_AN_EDITOR);
  if (s.status !== "in_review") return deny("Si può rimandare indietro solo un articolo in revisione.");
  return ALLOWED;
}

export function mayArchive(actor: WorkflowActor, s: Situation): Permission {
  if (!isEditor(actor)) return deny(NOT_AN_EDITOR);
  if (s.status === "archived") return deny("È già archiviato.");
  return ALLOWED;
}

export function mayUnarchive(actor: WorkflowActor, s: Situation): Permission {
  if (!isEditor(actor)) return deny(NOT_AN_EDITOR);
  if (s.status !== "archived") return deny("Non è archiviato.");
  return ALLOWED;
}

/** Null when the actor may publish without review; otherwise the reason, for the editor's "Salva e pubblica". */
export function directPublishBlockedReason(
  actor: WorkflowActor,
  authorId: number | null,
  settings: WorkflowSettings,
): string | null {
  if (!isEditor(actor)) return NOT_AN_EDITOR;
  if (!settings.requireDistinctApprover || actor.role === "admin") return null;
  return authorId === actor.id || authorId === null
    ? "Serve l'approvazione di un altro revisore: usa «Invia in revisione»."
    : "Con la revisione obbligatoria si pubblica solo dopo l'approvazione: usa «Invia in revisione».";
}

/** Status after leaving the archive: what the working copy was, as far as the rows can tell. */
export function statusAfterUnarchive(
  currentVersionId: number | null,
  publishedVersionId: number | null,
): ArticleStatus {
  // The published version is live again either way; a newer working copy is a draft waiting to be submitted.
  return publishedVersionId !== null && publishedVersionId === currentVersionId ? "published" : "draft";
}
