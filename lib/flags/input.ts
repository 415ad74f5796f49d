import { z } from "zod";
import { ChannelKeySchema } from "@/lib/channels";

export const FLAG_REASON_MAX = 1000;

/** An agent's "this is outdated or wrong"; no channel (or an empty select) means the whole article. */
export const FlagArticleInput = z.object({
  articleId: z.coerce.number().int().positive(),
  versionId: z.coerce.number().int().positive(),
  channel: z.preprocess((v) => (v === "" || v === null ? undefined : v), ChannelKeySchema.optional()),
  reason: z
    .string()
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "Scrivi che cosa non va")
        .max(FLAG_REASON_MAX, `Il motivo può avere al massimo ${FLAG_REASON_MAX} caratteri`),
    ),
});
export type FlagArticleInput = z.infer<typeof FlagArticleInput>;

export const ResolveFlagInput = z.object({ flagId: z.coerce.number().int().positive() });
export type ResolveFlagInput = z.infer<typeof ResolveFlagInput>;
