// Per-client token buckets for the public surfaces (portal search, helpful votes). In memory: the limits protect
// this server's CPU and Meilisearch from one noisy client, so they are per process by design; sign-in, where the
// limit is a security control that must survive restarts, is counted in SQLite instead (lib/auth/rate-limit.ts).
// No imports, no I/O: unit-tested with explicit clocks.

export type RateLimit = {
  /** Requests a client may make in a burst. */
  burst: number;
  /** Tokens regained per second once the burst is spent. */
  perSecond: number;
};

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export type TokenBuckets = {
  take: (key: string, now?: number) => RateDecision;
  size: () => number;
};

/** Buckets for one limit. Beyond `maxKeys` clients the longest-idle are forgotten (they would be full again). */
export function createTokenBuckets(limit: RateLimit, maxKeys = 50_000): TokenBuckets {
  const buckets = new Map<string, Bucket>();
  return {
    take(key, now = Date.now()) {
      const previous = buckets.get(key);
      const elapsed = previous ? Math.max(0, now - previous.at) / 1000 : 0;
      const tokens = previous
        ? Math.min(limit.burst, previous.tokens + elapsed * limit.perSecond)
        : limit.burst;
      // Re-inserting keeps the Map in least-recently-used order, so eviction below drops idle clients first.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.perSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return { allowed: true };
    },
    size: () => buckets.size,
  };
}

const REGISTRY = "__sportelloRateLimits";

/**
 * The process-wide buckets of a named limit. Next bundles instrumentation.ts (which serves the direct routes) and
 * the app's routes separately, so a module-level Map would exist twice; globalThis holds the one both share.
 */
export function sharedTokenBuckets(name: string, limit: RateLimit): TokenBuckets {
  const root = globalThis as Record<string, unknown>;
  if (!root[REGISTRY]) root[REGISTRY] = new Map<string, TokenBuckets>();
  const registry = root[REGISTRY] as Map<string, TokenBuckets>;
  let buckets = registry.get(name);
  if (!buckets) {
    buckets = createTokenBuckets(limit);
    registry.set(name, buckets);
  }
  return buckets;
}
