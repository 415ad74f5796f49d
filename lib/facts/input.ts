import { z } from "zod";
import { FACT_TYPES, type FactType, VISIBILITIES } from "@/lib/db";

// Boundary shapes for fact writes (studio forms). Pure: no database, safe to share with client code.

export const FACT_LIMITS = { key: 60, description: 300, value: 500 } as const;

export const FactKeySchema = z
  .string()
  .trim()
  .min(1, "La chiave è obbligatoria")
  .max(FACT_LIMITS.key, `La chiave può avere al massimo ${FACT_LIMITS.key} caratteri`)
  .regex(/^[a-z0-9_]+$/, "La chiave può contenere solo lettere minuscole, cifre e trattini bassi (_)");

const value = z
  .string()
  .trim()
  .max(FACT_LIMITS.value, `Il valore può avere al massimo ${FACT_LIMITS.value} caratteri`);

const FactFields = z.object({
  type: z.enum(FACT_TYPES, "Tipo non valido"),
  visibility: z.enum(VISIBILITIES, "Visibilità non valida"),
  description: z
    .string()
    .trim()
    .max(FACT_LIMITS.description, `La descrizione può avere al massimo ${FACT_LIMITS.description} caratteri`)
    .default(""),
  values: z.object({
    it: value.min(1, "Il valore in italiano è obbligatorio"),
    // An empty English value means "fall back to Italian", so it is stored as absent.
    en: value.optional().transform((s) => (s ? s : undefined)),
  }),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a value does not fit its type, or null when it does. */
export function checkFactValue(type: FactType, text: string): string | null {
  if (type === "url") {
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return null;
    } catch {
      // not a URL at all: same message
    }
    return "Un indirizzo web deve iniziare con http:// o https://";
  }
  if (type === "email" && !EMAIL.test(text)) return "Indirizzo e-mail non valido";
  if (type === "phone" && !/\d/.test(text)) return "Un numero di telefono deve contenere cifre";
  return null;
}

function checkValues(fact: z.infer<typeof FactFields>, ctx: z.RefinementCtx): void {
  for (const locale of ["it", "en"] as const) {
    const text = fact.values[locale];
    const message = text ? checkFactValue(fact.type, text) : null;
    if (message) ctx.addIssue({ code: "custom", path: ["values", locale], message });
  }
}

/** A new fact. The key is fixed once created: articles name it as {{fact.KEY}}. */
export const FactInput = FactFields.extend({ key: FactKeySchema }).superRefine(checkValues);
export type FactInput = z.infer<typeof FactInput>;

/** A fact in a content folder's facts.yaml: the same rules, and an unknown field is a typo, not ignored. */
export const FactFileInput = FactFields.extend({ key: FactKeySchema }).strict().superRefine(checkValues);

/** An existing fact's changes (everything but the key). */
export const FactUpdateInput = FactFields.superRefine(checkValues);
export type FactUpdateInput = z.infer<typeof FactUpdateInput>;
