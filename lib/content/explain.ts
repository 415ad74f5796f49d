import { z } from "zod";
import { DomainError } from "@/lib/errors";

/** One line for an import report: what was wrong with a file, field by field. */
export function explain(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  }
  if (error instanceof DomainError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join(", ")}`);
    return [error.message, ...fields].join(" — ");
  }
  return error instanceof Error ? error.message : String(error);
}
