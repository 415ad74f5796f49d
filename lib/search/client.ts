import "server-only";
import http from "node:http";
import https from "node:https";
import { Meilisearch } from "meilisearch";
import { getEnv } from "@/lib/env";

type ClientSlot = "__sportelloMeili" | "__sportelloSearchMeili";
const globalForMeili = globalThis as unknown as Partial<
  Record<ClientSlot, { key: string; client: Meilisearch }>
>;

/** One client per slot, remade only when the host or key changes (tests switch them between files). */
function cachedClient(
  slot: ClientSlot,
  options: Omit<ConstructorParameters<typeof Meilisearch>[0], "host" | "apiKey">,
): Meilisearch {
  const env = getEnv();
  const host = env.MEILI_URL ?? `http://127.0.0.1:${env.MEILI_PORT}`;
  const cacheKey = `${host}|${env.MEILI_MASTER_KEY ?? ""}`;
  const cached = globalForMeili[slot];
  if (cached && cached.key === cacheKey) return cached.client;
  const client = new Meilisearch({ host, apiKey: env.MEILI_MASTER_KEY, timeout: 5_000, ...options });
  globalForMeili[slot] = { key: cacheKey, client };
  return client;
}

/**
 * The server-side Meilisearch client (admin/master key; never sent to browsers — docs/decisions/005-search-key.md).
 * `Accept-Encoding: identity`: with compressed responses Node's fetch adds ~40 ms to every search.
 */
export function getMeili(): Meilisearch {
  return cachedClient("__sportelloMeili", { requestInit: { headers: { "Accept-Encoding": "identity" } } });
}

export function indexNames(): { internal: string; public: string } {
  const prefix = getEnv().MEILI_INDEX_PREFIX;
  return { internal: `${prefix}articles_internal`, public: `${prefix}articles_public` };
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * node:http with keep-alive sockets, for searches only: undici's fetch (request/response web streams, abort
 * signals) was the largest single CPU cost of an agent search in the app (issue 5 benchmark). Searches need no
 * error classes (query.ts maps any failure to search_unavailable); the admin client keeps fetch.
 */
function nodeHttpClient(url: Parameters<typeof fetch>[0], init?: RequestInit): Promise<unknown> {
  const target = new URL(String(url));
  const lib = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      target,
      {
        method: init?.method ?? "GET",
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        agent: target.protocol === "https:" ? agents.https : agents.http,
        signal: init?.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          const status = res.statusCode ?? 500;
          if (status >= 300) reject(new Error(`Meilisearch answered ${status}: ${text.slice(0, 500)}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      },
    );
    req.on("error", reject);
    req.end(typeof init?.body === "string" ? init.body : undefined);
  });
}

/** The client searches use: keep-alive node:http (nodeHttpClient above). */
export function getSearchMeili(): Meilisearch {
  return cachedClient("__sportelloSearchMeili", { httpClient: nodeHttpClient });
}
