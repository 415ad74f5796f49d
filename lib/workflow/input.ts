import { z } from "zod";

// Boundary shapes for the workflow's server actions; lib re-checks what matters (the comment) on its own.

export const SEND_BACK_COMMENT_MAX = 2000;

const Id = z.coerce.number().int().positive();

export const SendBackComment = z
  .string()
  .trim()
  .min(1, "Scrivi all'autore cosa correggere.")
  .max(SEND_BACK_COMMENT_MAX, `Il commento può avere al massimo ${SEND_BACK_COMMENT_MAX} caratteri.`);

export const SubmitForReviewInput = z.object({ articleId: Id, baseVersionId: Id });
export type SubmitForReviewInput = z.infer<typeof SubmitForReviewInput>;

export const ApproveInput = z.object({ articleId: Id, versionId: Id });
export type ApproveInput = z.infer<typeof ApproveInput>;

export const SendBackInput = z.object({ articleId: Id, versionId: Id, comment: SendBackComment });
export type SendBackInput = z.infer<typeof SendBackInput>;

export const ArchiveInput = z.object({ articleId: Id });
export type ArchiveInput = z.infer<typeof ArchiveInput>;
