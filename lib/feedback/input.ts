import { z } from "zod";
import { SlugSchema } from "@/lib/articles/input";

// "Was this helpful?" from the portal (issue 6 point 3; docs/decisions/016-helpful-votes.md). Everything here comes
// from anonymous visitors, so every field is bounded and nothing is trusted beyond its shape.

export const FEEDBACK_COMMENT_MAX = 1000;

/** 128 random bits, base64url without padding (lib/feedback/visitor.ts). */
export const VisitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "Visitatore non valido");

// Control characters other than newline and tab have no business in a comment shown to staff.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to remove them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const commentText = z
  .string()
  .max(FEEDBACK_COMMENT_MAX * 4, `Il commento può avere al massimo ${FEEDBACK_COMMENT_MAX} caratteri`)
  .transform((s) => s.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim())
  .pipe(
    z
      .string()
      .max(FEEDBACK_COMMENT_MAX, `Il commento può avere al massimo ${FEEDBACK_COMMENT_MAX} caratteri`),
  );

/** The article voted on: by slug (the portal knows it) or by id (code that already has the row). */
const Target = {
  slug: SlugSchema.optional(),
  articleId: z.coerce.number().int().positive().optional(),
  versionNumber: z.coerce.number().int().positive(),
  visitorId: VisitorIdSchema,
};

const oneTarget = (v: { slug?: string; articleId?: number }) =>
  (v.slug === undefined) !== (v.articleId === undefined);
const ONE_TARGET = { message: "Indica lo slug o l'id dell'articolo, non entrambi", path: ["slug"] };

/** A vote; an empty comment is no comment. */
export const HelpfulVoteInput = z
  .object({
    ...Target,
    helpful: z.boolean(),
    comment: commentText.optional().transform((s) => (s ? s : null)),
  })
  .refine(oneTarget, ONE_TARGET);
export type HelpfulVoteInput = z.input<typeof HelpfulVoteInput>;

/** The comment a visitor adds after voting (the widget asks for it once the vote is in). */
export const HelpfulCommentInput = z
  .object({
    ...Target,
    comment: commentText.pipe(z.string().min(1, "Scrivi un commento")),
  })
  .refine(oneTarget, ONE_TARGET);
export type HelpfulCommentInput = z.input<typeof HelpfulCommentInput>;
