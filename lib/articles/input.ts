import { z } from "zod";
import { ANSWER_CHANNELS, type ChannelKey } from "@/lib/channels";
import { ARTICLE_STATUSES, LOCALES, VISIBILITIES } from "@/lib/db";

// Boundary shapes for article writes (studio forms, the importer). Limits are generous for real articles and
// small enough that a pasted megabyte is refused with a message instead of bloating every version row.
export const LIMITS = {
  title: 200,
  summary: 500,
  body: 100_000,
  answer: 10_000,
  subject: 200,
  changeNote: 500,
  tags: 20,
  tag: 40,
} as const;

export const SlugSchema = z
  .string()
  .trim()
  .min(3, "Lo slug deve avere almeno 3 caratteri")
  .max(120, "Lo slug può avere al massimo 120 caratteri")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lo slug può contenere solo lettere minuscole, cifre e trattini");

export const AnswerInput = z.object({
  channel: z.enum(ANSWER_CHANNELS as unknown as [ChannelKey, ...ChannelKey[]]),
  subject: z
    .string()
    .trim()
    .max(LIMITS.subject, `L'oggetto può avere al massimo ${LIMITS.subject} caratteri`)
    .nullish()
    .transform((s) => (s ? s : null)),
  body: z
    .string()
    .max(LIMITS.answer, `La risposta può avere al massimo ${LIMITS.answer} caratteri`)
    .transform((s) => s.replace(/\r\n/g, "\n").trim()),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const VersionContentInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Il titolo deve avere almeno 3 caratteri")
    .max(LIMITS.title, `Il titolo può avere al massimo ${LIMITS.title} caratteri`),
  summary: z
    .string()
    .trim()
    .max(LIMITS.summary, `Il sommario può avere al massimo ${LIMITS.summary} caratteri`)
    .default(""),
  body: z
    .string()
    .max(LIMITS.body, `Il testo può avere al massimo ${LIMITS.body} caratteri`)
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .refine((s) => s.length > 0, "Il testo non può essere vuoto"),
  changeNote: z
    .string()
    .trim()
    .max(LIMITS.changeNote, `La nota può avere al massimo ${LIMITS.changeNote} caratteri`)
    .default(""),
  /** Empty answers are dropped: an answer is present or it is not. */
  answers: z
    .array(AnswerInput)
    .max(ANSWER_CHANNELS.length)
    .default([])
    .transform((answers) => answers.filter((a) => a.body.length > 0)),
});
export type VersionContentInput = z.infer<typeof VersionContentInput>;

export const SaveArticleInput = VersionContentInput.extend({
  articleId: z.coerce.number().int().positive(),
  /** The version the editor started from: saving over a newer one is a conflict. */
  baseVersionId: z.coerce.number().int().positive(),
  publish: z.boolean().default(false),
});
export type SaveArticleInput = z.infer<typeof SaveArticleInput>;

export const ArticleMetaInput = z.object({
  slug: SlugSchema,
  locale: z.enum(LOCALES),
  translationGroup: SlugSchema,
  productSlug: SlugSchema,
  categorySlug: SlugSchema,
  visibility: z.enum(VISIBILITIES),
  status: z.enum(ARTICLE_STATUSES).default("draft"),
  tags: z
    .array(z.string().trim().toLowerCase().min(1).max(LIMITS.tag))
    .max(LIMITS.tags)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  ownerEmail: z.email().nullish(),
  reviewBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Data nel formato AAAA-MM-GG")
    .nullish(),
});
export type ArticleMetaInput = z.infer<typeof ArticleMetaInput>;

export const CreateArticleInput = ArticleMetaInput.extend({ content: VersionContentInput });
export type CreateArticleInput = z.infer<typeof CreateArticleInput>;

/** What the studio editor may change besides content; the slug and translation group are fixed after creation. */
export const EditableMetaInput = z.object({
  locale: z.enum(LOCALES),
  productSlug: SlugSchema,
  categorySlug: SlugSchema,
  visibility: z.enum(VISIBILITIES),
  tags: ArticleMetaInput.shape.tags,
  ownerId: z.coerce.number().int().positive().nullable().optional(),
  reviewBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Data nel formato AAAA-MM-GG")
    .nullish()
    .or(z.literal("").transform(() => null)),
});
export type EditableMetaInput = z.infer<typeof EditableMetaInput>;

export const EditArticleInput = SaveArticleInput.extend({ meta: EditableMetaInput });
export type EditArticleInput = z.infer<typeof EditArticleInput>;
