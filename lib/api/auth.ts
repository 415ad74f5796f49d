import "server-only";
import { type ApiPrincipal, getApiKeyBySecret, touchApiKey } from "@/lib/apikeys";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { type RateLimit, sharedTokenBuckets } from "@/lib/http/rate-limit";

/**
 * Per API key, in memory (lib/http/rate-limit.ts): a burst of 60, then 10 a second. One key usually serves a whole
 * integration (a chatbot vendor answering many customers at once), so it gets far more than the portal's
 * 40-then-1-a-second per visitor; the limit keeps one runaway integration from starving the others.
 */
export const API_RATE_LIMIT: RateLimit = { burst: 60, perSecond: 10 };

/** `Authorization: Bearer <key>`, or `X-Api-Key: <key>` for clients that cannot set Authorization. */
export function apiKeyFromHeaders(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? null;
  }
  return headers.get("x-api-key")?.trim() || null;
}

/**
 * The key of a request, checked against the database on every call (a revoked key fails at once), then counted
 * against its rate limit. Throws UnauthenticatedError (401) or RateLimitedError (429).
 */
export function authenticateApiRequest(headers: Headers, now: number = Date.now()): ApiPrincipal {
  const secret = apiKeyFromHeaders(headers);
  if (!secret) throw new UnauthenticatedError("Chiave API mancante: usa Authorization: Bearer <chiave>");
  const key = getApiKeyBySecret(secret);
  if (!key) throw new UnauthenticatedError("Chiave API non valida o revocata");
  const decision = sharedTokenBuckets("api-v1", API_RATE_LIMIT).take(String(key.id), now);
  if (!decision.allowed) {
    throw new RateLimitedError(
      `Troppe richieste con questa chiave: riprova tra ${decision.retryAfterSeconds} s`,
      decision.retryAfterSeconds,
    );
  }
  touchApiKey(key.id, now);
  return key;
}

/** The audience a request reads: the key's scope unless it asks for less. Public keys cannot ask for more. */
export function resolveAudience(
  key: ApiPrincipal,
  requested: "public" | "internal" | undefined,
): "public" | "internal" {
  if (requested === "internal" && key.scope !== "internal") {
    throw new ForbiddenError("Questa chiave è pubblica: non può leggere contenuti interni");
  }
  return requested ?? key.scope;
}
