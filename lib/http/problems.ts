import "server-only";
import { z } from "zod";
import { DomainError, RateLimitedError } from "@/lib/errors";

// The edge of every route handler (STYLE.md "Errors"): domain errors become application/problem+json with a stable
// code; anything else is logged with its cause and answered with a generic 500 that leaks nothing.

export function problem(
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: `about:blank#${code}`, title, status, code, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function toProblem(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return problem(400, "invalid_request", "Richiesta non valida", {
      detail: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      errors: z.flattenError(error).fieldErrors,
    });
  }
  if (error instanceof DomainError) {
    const headers: Record<string, string> =
      error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return problem(
      error.status,
      error.code,
      error.message,
      { ...(error.fieldErrors ? { errors: error.fieldErrors } : {}) },
      headers,
    );
  }
  console.error("[api] unexpected error", error);
  return problem(500, "internal_error", "Errore interno. Riprova tra poco.");
}

export function withProblems<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toProblem(error);
    }
  };
}
