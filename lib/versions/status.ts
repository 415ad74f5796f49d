import type { WorkflowAction } from "@/lib/db";

// Pure: how a version's workflow events read in the history. Versions never change; their status is the story
// their events tell (lib/db/schema.ts, workflowEvents).

export type VersionStatus = "draft" | "in_review" | "published" | "sent_back" | "restore";

export const ACTION_LABEL: Record<WorkflowAction, string> = {
  save: "Salvata",
  submit: "Inviata in revisione",
  approve: "Approvata",
  send_back: "Rimandata",
  publish: "Pubblicata",
  archive: "Archiviata",
  unarchive: "Tolta dall'archivio",
  restore: "Ripristino",
};

// workflow_events has no column for the version a restore came from; the event's comment carries it, and it is
// written and read only here so the two cannot drift apart.
const RESTORE_NOTE = /^Ripristinata la versione (\d+)$/;

export function restoreNote(sourceNumber: number): string {
  return `Ripristinata la versione ${sourceNumber}`;
}

export function restoredFromNumber(comment: string | null): number | null {
  const match = comment ? RESTORE_NOTE.exec(comment) : null;
  return match ? Number(match[1]) : null;
}

type StatusEvent = { action: WorkflowAction; comment: string | null };

/**
 * The status shown for one version, from its events in the order they happened: the latest event that says
 * something about the content wins. Archive and unarchive concern the article, not a version, so they are skipped.
 */
export function versionStatus(events: StatusEvent[]): { status: VersionStatus; label: string } {
  let result: { status: VersionStatus; label: string } = { status: "draft", label: "Bozza" };
  for (const event of events) {
    switch (event.action) {
      case "save":
        result = { status: "draft", label: "Bozza" };
        break;
      case "submit":
        result = { status: "in_review", label: "In revisione" };
        break;
      case "approve":
      case "publish":
        result = { status: "published", label: "Pubblicata" };
        break;
      case "send_back":
        result = { status: "sent_back", label: "Rimandata" };
        break;
      case "restore": {
        const from = restoredFromNumber(event.comment);
        result = { status: "restore", label: from ? `Ripristino di v${from}` : "Ripristino" };
        break;
      }
      default:
        break;
    }
  }
  return result;
}
