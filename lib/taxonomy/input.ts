import { z } from "zod";
import { ANSWER_CHANNELS, type ChannelKey } from "@/lib/channels";

// Boundary shapes for products, categories and tags (studio forms). Pure: safe to share with client code.

export const TAXONOMY_LIMITS = { slug: 60, name: 80, description: 300, tag: 40 } as const;

export const TaxonomySlug = z
  .string()
  .trim()
  .min(2, "Lo slug deve avere almeno 2 caratteri")
  .max(TAXONOMY_LIMITS.slug, `Lo slug può avere al massimo ${TAXONOMY_LIMITS.slug} caratteri`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lo slug può contenere solo lettere minuscole, cifre e trattini");

const name = z
  .string()
  .trim()
  .max(TAXONOMY_LIMITS.name, `Il nome può avere al massimo ${TAXONOMY_LIMITS.name} caratteri`);

/** `it` required; an empty `en` means "fall back to Italian", so it is stored as absent. */
const LocalizedName = z.object({
  it: name.min(1, "Il nome in italiano è obbligatorio"),
  en: name.optional().transform((s) => (s ? s : undefined)),
});

const description = z
  .string()
  .trim()
  .max(
    TAXONOMY_LIMITS.description,
    `La descrizione può avere al massimo ${TAXONOMY_LIMITS.description} caratteri`,
  );

export const ProductInput = z.object({
  slug: TaxonomySlug,
  name: LocalizedName,
  /** The channels the parity report expects an answer for. */
  channels: z
    .array(z.enum(ANSWER_CHANNELS as unknown as [ChannelKey, ...ChannelKey[]], "Canale sconosciuto"))
    .default([])
    .transform((list) => ANSWER_CHANNELS.filter((c) => list.includes(c))),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const CategoryInput = z.object({
  slug: TaxonomySlug,
  name: LocalizedName,
  /** Both empty means no description. */
  description: z
    .object({ it: description.default(""), en: description.optional() })
    .default({ it: "" })
    .refine((d) => d.it || !d.en, {
      path: ["it"],
      message: "Scrivi la descrizione in italiano: quella inglese la traduce",
    })
    .transform((d) => (d.it ? { it: d.it, ...(d.en ? { en: d.en } : {}) } : null)),
  position: z.coerce
    .number("La posizione deve essere un numero")
    .int("La posizione deve essere un numero intero")
    .min(0, "La posizione non può essere negativa")
    .max(10_000, "La posizione può essere al massimo 10000")
    .default(0),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

/** Tags are stored trimmed and lower-cased, as articles store them (lib/articles/input.ts). */
export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Il tag non può essere vuoto")
  .max(TAXONOMY_LIMITS.tag, `Un tag può avere al massimo ${TAXONOMY_LIMITS.tag} caratteri`);

export const RenameTagInput = z.object({ from: TagSchema, to: TagSchema });
export type RenameTagInput = z.infer<typeof RenameTagInput>;
