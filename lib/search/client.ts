import "server-only";
import { Meilisearch } from "meilisearch";
import { getEnv } from "@/lib/env";

const globalForMeili = globalThis as unknown as { __sportelloMeili?: { key: string; client: Meilisearch } };

/**
 * The server-side Meilisearch client (admin/master key; never sent to browsers — docs/decisions/005-search-key.md).
 * `Accept-Encoding: identity`: with compressed responses Node's fetch adds ~40 ms to every search.
 */
export function getMeili(): Meilisearch {
  const env = getEnv();
  const host = env.MEILI_URL ?? `http://127.0.0.1:${env.MEILI_PORT}`;
  const cacheKey = `${host}|${env.MEILI_MASTER_KEY ?? ""}`;
  const cached = globalForMeili.__sportelloMeili;
  if (cached && cached.key === cacheKey) return cached.client;
  const client = new Meilisearch({
    host,
    apiKey: env.MEILI_MASTER_KEY,
    timeout: 5_000,
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
  globalForMeili.__sportelloMeili = { key: cacheKey, client };
  return client;
}

export function indexNames(): { internal: string; public: string } {
  const prefix = getEnv().MEILI_INDEX_PREFIX;
  return { internal: `${prefix}articles_internal`, public: `${prefix}articles_public` };
}
