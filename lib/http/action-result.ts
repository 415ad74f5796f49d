import "server-only";
import { z } from "zod";
import { ConflictError, DomainError } from "@/lib/errors";

// Server actions answer with data, never with a thrown error page: the form keeps the user's text and shows the
// message at the field (STYLE.md "Errors": actions get {fieldErrors} or {formError}).
export type ActionFailure = {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  conflict?: { code: string; details: unknown };
};

export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return { ok: false, formError: "Alcuni campi non sono validi.", fieldErrors };
  }
  if (error instanceof ConflictError) {
    return { ok: false, formError: error.message, conflict: { code: error.code, details: error.details } };
  }
  if (error instanceof DomainError) {
    return { ok: false, formError: error.message, fieldErrors: error.fieldErrors };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, formError: "Errore interno: il testo non è stato salvato, riprova tra poco." };
}
