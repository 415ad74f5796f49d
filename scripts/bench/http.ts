// The load driver of `npm run bench`: node:http with keep-alive sockets rather than fetch, because the client shares
// the machine's two cores with the app and Meilisearch, and undici's per-request cost would be measured as theirs.
import http from "node:http";
import { performance } from "node:perf_hooks";

/** ttfbMs: from sending the request to the response's status line and headers (time to first byte). */
export type HttpResponse = { status: number; body: string; ttfbMs: number };

export type HttpClient = {
  request: (
    method: "GET" | "POST",
    url: string,
    headers: Record<string, string>,
    body?: string,
  ) => Promise<HttpResponse>;
  close: () => void;
};

export function createHttpClient(maxSockets: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request: (method, url, headers, body) =>
      new Promise((resolve, reject) => {
        const sent = performance.now();
        const req = http.request(
          url,
          {
            method,
            agent,
            headers: {
              "Accept-Encoding": "identity",
              ...headers,
              ...(body ? { "Content-Length": Buffer.byteLength(body) } : {}),
            },
          },
          (res) => {
            const ttfbMs = performance.now() - sent;
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ttfbMs }),
            );
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** engineMs: the server's own figure for the request (Meilisearch's processingTimeMs, or a page's TTFB). */
export type SearchOutcome = { hits: number; engineMs: number };

export type LoopResult = {
  latencies: number[];
  engineMs: number[];
  zeroHits: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
};

/**
 * A closed loop: `clients` workers each send a query, wait for the answer, and send the next, for `durationMs`
 * after an unmeasured warm-up. Throughput is completed requests over the measured time.
 */
export async function closedLoop(options: {
  clients: number;
  durationMs: number;
  warmupMs: number;
  nextQuery: () => string;
  send: (q: string) => Promise<SearchOutcome>;
}): Promise<LoopResult> {
  const result: LoopResult = { latencies: [], engineMs: [], zeroHits: 0, errors: 0, elapsedMs: 0 };
  const worker = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const q = options.nextQuery();
      const t = performance.now();
      try {
        const outcome = await options.send(q);
        if (!record) continue;
        result.latencies.push(performance.now() - t);
        result.engineMs.push(outcome.engineMs);
        if (outcome.hits === 0) result.zeroHits++;
      } catch (error) {
        if (!record) continue;
        result.errors++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const warmEnd = performance.now() + options.warmupMs;
  await Promise.all(Array.from({ length: options.clients }, () => worker(warmEnd, false)));
  const start = performance.now();
  const end = start + options.durationMs;
  await Promise.all(Array.from({ length: options.clients }, () => worker(end, true)));
  result.elapsedMs = performance.now() - start;
  return result;
}
