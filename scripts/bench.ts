// `npm run bench`: search latency on the demo content, through the app (GET /api/search, signed in as an agent)
// against raw Meilisearch (the same query, straight to its HTTP API). Starts its own Sportello on its own ports and
// data dir (.bench-data/), so it never touches a running demo. Prints median, p95 and mean per path.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const PORT = 3200;
const MEILI_PORT = 7720;
const DATA_DIR = resolve(".bench-data");
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const BASE = `http://localhost:${PORT}`;

// What agents type mid-call: short, colloquial, often misspelled.
const QUERIES = [
  "bolletta",
  "bolleta scaduta",
  "cambio iban",
  "cambiare l'iban",
  "disdetta fibra",
  "recesso contratto",
  "modem spie rosse",
  "modme lampeggia",
  "portabilita numero",
  "sim smarita",
  "password dimenticata",
  "reclamo",
  "rimborso doppio addebito",
  "trasloco fibra",
  "autolettura",
  "guasto linea",
  "fattura alta",
  "privacy cancellazione dati",
  "garanzia smartphone",
  "roaming",
];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), mean, n: sorted.length };
}

function row(name: string, s: ReturnType<typeof stats>) {
  const f = (x: number) => x.toFixed(2).padStart(8);
  return `  ${name.padEnd(34)} ${f(s.median)} ${f(s.p95)} ${f(s.p99)} ${f(s.mean)}   n=${s.n}`;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("Sportello exited while starting (see output above)");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** Signs in through next-auth's credentials endpoint, as the browser does, and returns the session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return [...cookies, session.split(";")[0]].join("; ");
}

async function main() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log(`Starting Sportello on :${PORT} (Meilisearch :${MEILI_PORT}, data ${DATA_DIR})…`);
  const app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(PORT),
      MEILI_PORT: String(MEILI_PORT),
      SPORTELLO_DATA_DIR: DATA_DIR,
      SPORTELLO_DEMO: "1",
      MEILI_URL: "",
    },
  });
  const stop = () => app.exitCode === null && app.kill("SIGTERM");
  process.on("exit", stop);
  try {
    await waitFor(`${BASE}/api/health`, app, 300_000);
    const cookie = await signIn("agent@sportello.local", "sportello-agent");
    const secrets = JSON.parse(readFileSync(join(DATA_DIR, "secrets.json"), "utf8")) as {
      meiliMasterKey: string;
    };
    const meiliUrl = `http://127.0.0.1:${MEILI_PORT}`;

    // The same search the app sends (lib/search/query.ts), minus our JSON shaping: Meilisearch's own HTTP cost.
    const rawBody = (q: string) =>
      JSON.stringify({
        q,
        limit: 10,
        attributesToRetrieve: [
          "articleId",
          "slug",
          "locale",
          "title_it",
          "title_en",
          "summary_it",
          "summary_en",
        ],
        attributesToHighlight: ["title_it", "title_en", "summary_it", "summary_en"],
        attributesToCrop: ["summary_it", "summary_en"],
        cropLength: 30,
      });
    const raw = async (q: string) => {
      const res = await fetch(`${meiliUrl}/indexes/articles_internal/search`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${secrets.meiliMasterKey}`,
          "Content-Type": "application/json",
          "Accept-Encoding": "identity",
        },
        body: rawBody(q),
      });
      return (await res.json()) as { processingTimeMs: number; hits: unknown[] };
    };
    const api = async (q: string) => {
      const res = await fetch(`${BASE}/api/search?${new URLSearchParams({ q, limit: "10" })}`, {
        headers: { Cookie: cookie, "Accept-Encoding": "identity" },
      });
      if (!res.ok) throw new Error(`/api/search answered ${res.status}`);
      return (await res.json()) as { processingTimeMs: number; hits: unknown[] };
    };

    const docs = (await raw("")).hits.length;
    for (let i = 0; i < 40; i++) {
      const q = QUERIES[i % QUERIES.length] ?? "";
      await raw(q);
      await api(q);
    }
    const rawMs: number[] = [];
    const apiMs: number[] = [];
    const engineMs: number[] = [];
    let zeroHits = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const q = QUERIES[i % QUERIES.length] ?? "";
      let t = performance.now();
      const r = await raw(q);
      rawMs.push(performance.now() - t);
      engineMs.push(r.processingTimeMs);
      t = performance.now();
      const a = await api(q);
      apiMs.push(performance.now() - t);
      if (a.hits.length === 0) zeroHits++;
    }
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { status: string };
    console.log(`
Search latency, demo content (${docs >= 10 ? "≥10" : docs} hits per page, ${QUERIES.length} agent queries with typos, ${ITERATIONS} rounds, sequential, ms)
  path                                 median      p95      p99     mean
${row("Meilisearch engine (processingTimeMs)", stats(engineMs))}
${row("raw Meilisearch HTTP", stats(rawMs))}
${row("GET /api/search (session + zod + shaping)", stats(apiMs))}
  overhead of the app, median: ${(stats(apiMs).median - stats(rawMs).median).toFixed(2)} ms; queries with zero hits: ${zeroHits}/${ITERATIONS}; health: ${health.status}
`);
  } finally {
    stop();
    await new Promise((r) => app.once("exit", r));
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
