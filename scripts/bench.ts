// `npm run bench` (issue 5 point 7): generates a 10,000-article corpus in its own data dir, indexes it, starts its
// own Sportello, and measures full reindex time, publish → searchable latency, the agent search API against raw
// Meilisearch at 1 and 16 concurrent clients, portal article pages (issue 6: first visit, cached at 16 concurrent,
// publish → page), and memory. Prints a table and writes it to BENCHMARKS.md.
//
// BENCH_ARTICLES (10000)   corpus size, the 54 demo articles included
// BENCH_SECONDS (10)       measured seconds per search run (plus 2 s of warm-up)
// BENCH_PUBLISHES (50)     publishes per publish → searchable measure (a fifth of that for publish → portal page)
// BENCH_PORTAL_PAGES (300) distinct portal article pages requested
// BENCH_LOAD_SECONDS (60)  the mixed load at 50 clients (agent search, portal pages, API search); 0 skips it
// BENCH_PORT (3200), BENCH_MEILI_PORT (7720), BENCH_DATA_DIR (.bench-data)
// BENCH_REUSE=1            keep the data dir, and reuse its corpus next time (skips generating and importing)
// BENCH_CPU_PROF=<dir>     write V8 CPU profiles of the app (scripts/server.ts) to <dir>, to see where a request's time goes
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Meilisearch } from "meilisearch";
import { createApiKey } from "@/lib/apikeys";
import {
  createArticle,
  getArticleForEdit,
  listPublishedArticleIds,
  saveArticleVersion,
} from "@/lib/articles";
import { ensureDemoUsers } from "@/lib/auth/demo";
import * as bench from "@/lib/bench";
import type { ChannelKey } from "@/lib/channels";
import { importContentDir, parseArticleFile } from "@/lib/content";
import { closeDb, getDb, migrateDb, schema } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { localePath } from "@/lib/i18n";
import { loadOrCreateSecrets } from "@/lib/runtime/secrets";
import * as search from "@/lib/search";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "@/lib/search/embedded";
import { closedLoop, createHttpClient } from "./bench/http";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const MEILI_PORT = Number(process.env.BENCH_MEILI_PORT ?? 7720);
const DATA_DIR = resolve(process.env.BENCH_DATA_DIR ?? ".bench-data");
const REUSE = process.env.BENCH_REUSE === "1";
const PORTAL_PAGES = Number(process.env.BENCH_PORTAL_PAGES ?? 300);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const LOAD_CLIENTS = 50;
const BASE = `http://localhost:${PORT}`;

// The bench owns its environment: a developer's .env or shell (MEILI_URL, another data dir) must not leak in.
// lib reads process.env lazily (getEnv caches on first use), so setting it here, before any call, is enough.
Object.assign(process.env, {
  SPORTELLO_DATA_DIR: DATA_DIR,
  MEILI_PORT: String(MEILI_PORT),
  MEILI_URL: "",
  MEILI_MASTER_KEY: "",
  MEILI_INDEX_PREFIX: "",
  SPORTELLO_DEMO: "1",
  PORT: String(PORT),
});

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const log = (message: string) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, ext) : name.endsWith(ext) ? [path] : [];
  });
}

function dirSizeMb(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size / 1e6;
  return readdirSync(path).reduce((sum, name) => sum + dirSizeMb(join(path, name)), 0);
}

/** Demo content first (taxonomy, facts, 54 articles), then generated articles up to ARTICLES. */
function buildCorpus(): { ms: number; invalid: number } {
  const t = performance.now();
  const content = resolve("content");
  const demo = importContentDir(content);
  if (demo.errors.length) throw new Error(`demo import failed: ${JSON.stringify(demo.errors[0])}`);
  const sources = listFiles(join(content, "articles"), ".md").flatMap((path) => {
    const parsed = parseArticleFile(readFileSync(path, "utf8"));
    return parsed.ok ? [parsed.article] : [];
  });
  const db = getDb();
  let invalid = 0;
  let done = 0;
  const toGenerate = Math.max(0, ARTICLES - demo.created.length);
  for (const file of bench.generateCorpus(sources, toGenerate)) {
    try {
      createArticle(file.meta, file.content, null, db);
    } catch (error) {
      if (invalid++ < 3) console.error(`  refused ${file.meta.slug}: ${(error as Error).message}`);
    }
    if (++done % 1000 === 0) log(`  ${done}/${toGenerate} generated articles imported`);
  }
  // The import enqueued every article for the search worker; the measured reindex below indexes them instead.
  db.delete(schema.searchOutbox).run();
  return { ms: performance.now() - t, invalid };
}

function corpusFacts() {
  const db = getDb().$client;
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const bodies = db
    .prepare(
      "select v.body from articles a join article_versions v on v.id = a.published_version_id where a.status = 'published'",
    )
    .all() as { body: string }[];
  const words = bodies.reduce((sum, b) => sum + b.body.split(/\s+/).filter(Boolean).length, 0);
  return {
    articles: bodies.length,
    internal: one(
      "select count(*) as n from articles where visibility = 'internal' and status = 'published'",
    ),
    withInternalBlocks: bodies.filter((b) => b.body.includes(":::internal")).length,
    avgBodyWords: words / Math.max(1, bodies.length),
  };
}

function waitForExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once("exit", () => r()));
}

async function waitForHealth(child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("Sportello exited while starting (see its output above)");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${BASE}/api/health`);
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

/**
 * The exact Meilisearch request the app sends for a query: searchArticles runs against a stand-in client that
 * records it, so "raw" always uses the app's current parameters (attributes, highlight, crop…).
 */
async function appSearchRequest(q: string): Promise<{ index: string; body: string }> {
  let captured: { index: string; body: string } | null = null;
  const recorder = {
    index: (index: string) => ({
      search: async (query: string, params: Record<string, unknown>) => {
        captured = { index, body: JSON.stringify({ q: query, ...params }) };
        return { hits: [], processingTimeMs: 0, estimatedTotalHits: 0 };
      },
    }),
  } as unknown as Meilisearch;
  await search.searchArticles(search.SearchInput.parse({ q, limit: 10 }), "internal", recorder);
  if (!captured)
    throw new Error("searchArticles sent no search: update appSearchRequest in scripts/bench.ts");
  return captured;
}

function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function memoryOf(pid: number): bench.MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024, anonMb: kb("RssAnon") / 1024 };
}

/** The web server is a descendant of scripts/start.ts: scripts/server.ts, which runs Next.js in its process. */
function appServerPid(startPid: number): number {
  const candidates = descendants(startPid).map((pid) => {
    let title = "";
    try {
      title = `${readFileSync(`/proc/${pid}/comm`, "utf8")} ${readFileSync(`/proc/${pid}/cmdline`, "utf8")}`;
    } catch {
      // exited
    }
    return {
      pid,
      title,
      rss: (() => {
        try {
          return memoryOf(pid).rssMb;
        } catch {
          return 0;
        }
      })(),
    };
  });
  // server.ts sets its process title, which on Linux replaces the command line too.
  const server = candidates.find((c) => /sportello-serv|scripts\/server\.ts/.test(c.title));
  if (!server) throw new Error("could not find the web server process (scripts/server.ts)");
  return server.pid;
}

/** A made-up word no article contains, so the search for it finds exactly the article just published. */
function uniqueWord(rng: () => number): string {
  const syllables = ["ka", "ze", "vo", "tri", "lum", "dor", "pex", "qua", "bri", "sol", "nev", "taf"];
  return `${Array.from({ length: 4 }, () => bench.pick(rng, syllables)).join("")}${bench.pick(rng, ["x", "z", "q"])}`;
}

async function main(): Promise<void> {
  if (!Number.isInteger(ARTICLES) || ARTICLES < 60) throw new Error("BENCH_ARTICLES must be an integer ≥ 60");
  const reusing = REUSE && existsSync(join(DATA_DIR, "sportello.db"));
  if (!reusing) rmSync(DATA_DIR, { recursive: true, force: true });
  const secrets = loadOrCreateSecrets(DATA_DIR);
  migrateDb();
  await ensureDemoUsers();

  let corpusMs = Number.NaN;
  let invalid = 0;
  if (reusing) {
    log(`reusing the corpus in ${DATA_DIR}`);
  } else {
    log(`generating and importing ${ARTICLES} articles into ${DATA_DIR}…`);
    ({ ms: corpusMs, invalid } = buildCorpus());
    log(`corpus ready in ${(corpusMs / 1000).toFixed(1)} s${invalid ? ` (${invalid} refused)` : ""}`);
  }
  const corpus = corpusFacts();

  // Meilisearch belongs to the bench (not to start.ts) so the reindex runs before the app and its pid is ours.
  const binary = await resolveMeiliBinary(process.env.MEILI_BIN || undefined);
  let meili: EmbeddedMeili | null = await startEmbeddedMeili({
    binary: binary.path,
    port: MEILI_PORT,
    dataDir: join(DATA_DIR, "meilisearch"),
    masterKey: secrets.meiliMasterKey,
  });
  Object.assign(process.env, { MEILI_URL: meili.url, MEILI_MASTER_KEY: secrets.meiliMasterKey });
  resetEnvCache();
  let app: ChildProcess | null = null;
  const stopAll = async () => {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await waitForExit(app);
    }
    app = null;
    await meili?.stop();
    meili = null;
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(143)));

  try {
    await search.applyIndexSettings();
    const internalStats = await search.getMeili().index(search.indexNames().internal).getStats();
    let firstMs = Number.NaN;
    if (internalStats.numberOfDocuments === 0) {
      log("first index build into an empty Meilisearch (reindexAll)…");
      firstMs = (await search.reindexAll()).ms;
      log(`  ${(firstMs / 1000).toFixed(1)} s`);
    }
    log("full reindex over the live indexes (reindexAll, as npm run reindex)…");
    const reindex = await search.reindexAll();
    log(`  ${(reindex.ms / 1000).toFixed(1)} s`);
    const version = (await search.getMeili().getVersion()).pkgVersion;

    log(`starting Sportello on :${PORT} (builds first if the sources changed)…`);
    app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(PORT),
        SPORTELLO_DATA_DIR: DATA_DIR,
        SPORTELLO_DEMO: "1",
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: secrets.meiliMasterKey,
        ...(process.env.BENCH_CPU_PROF
          ? {
              BENCH_CPU_PROF: resolve(process.env.BENCH_CPU_PROF),
              NODE_OPTIONS: `--require ${resolve("scripts/bench/cpu-profile.cjs")}`,
            }
          : {}),
      },
    });
    await waitForHealth(app, 900_000);
    const appPid = appServerPid(app.pid as number);
    const cookie = await signIn("agent@sportello.local", "sportello-agent");
    const client = createHttpClient(32);
    const meiliHeaders = {
      Authorization: `Bearer ${secrets.meiliMasterKey}`,
      "Content-Type": "application/json",
    };
    const api = async (q: string, limit = 10) => {
      const res = await client.request(
        "GET",
        `${BASE}/api/search?${new URLSearchParams({ q, limit: String(limit) })}`,
        { Cookie: cookie },
      );
      if (res.status !== 200)
        throw new Error(`/api/search answered ${res.status}: ${res.body.slice(0, 200)}`);
      return JSON.parse(res.body) as { processingTimeMs: number; hits: { articleId: number }[] };
    };
    const rawRequests = new Map<string, { index: string; body: string }>();
    const raw = async (q: string) => {
      let req = rawRequests.get(q);
      if (!req) {
        req = await appSearchRequest(q);
        rawRequests.set(q, req);
      }
      const res = await client.request(
        "POST",
        `${meili?.url}/indexes/${req.index}/search`,
        meiliHeaders,
        req.body,
      );
      if (res.status !== 200)
        throw new Error(`Meilisearch answered ${res.status}: ${res.body.slice(0, 200)}`);
      return JSON.parse(res.body) as { processingTimeMs: number; hits: unknown[] };
    };

    // Publish → searchable: a new version with a unique word, then the agent's search polled until it finds it.
    const rng = bench.createRng(99);
    const ids = listPublishedArticleIds();
    /** A new published version of article `id` whose body ends with a made-up word; returns the word. */
    const publishWord = (id: number): string => {
      const current = getArticleForEdit(id);
      if (!current) throw new Error(`article ${id} vanished`);
      const word = uniqueWord(rng);
      saveArticleVersion(
        {
          articleId: id,
          baseVersionId: current.version.id,
          title: current.version.title,
          summary: current.version.summary,
          body: `${current.version.body}\n\nAggiornamento: ${word}.`,
          changeNote: "bench",
          answers: current.answers.map((a) => ({
            channel: a.channel as ChannelKey,
            subject: a.subject,
            body: a.body,
          })),
          publish: true,
        },
        null,
      );
      return word;
    };
    const publishOnce = async (inApp: boolean): Promise<number> => {
      const id = bench.pick(rng, ids);
      const t = performance.now();
      const word = publishWord(id);
      // A publish in the app wakes its worker at once (lib/db/outbox.ts); from this process it cannot, so the
      // "in the app" case runs that same worker pass here, while the app's own worker still polls every second.
      if (inApp) await search.processSearchOutbox();
      for (;;) {
        const res = await api(word, 5);
        if (res.hits.some((h) => h.articleId === id)) return performance.now() - t;
        if (performance.now() - t > 15_000)
          throw new Error(`published word "${word}" not searchable after 15 s`);
        await sleep(20); // polling harder would slow the indexing it waits for
      }
    };
    const publishRun = async (inApp: boolean) => {
      const samples: number[] = [];
      for (let i = 0; i < PUBLISHES; i++) {
        samples.push(await publishOnce(inApp));
        await sleep(100 + rng() * 400); // spread publishes over the worker's poll phase
      }
      return bench.summarize(samples);
    };
    log(`publish → searchable, ${PUBLISHES} publishes with the worker woken at once (as in the app)…`);
    const inApp = await publishRun(true);
    log(`  p50 ${inApp.p50.toFixed(0)} ms, p95 ${inApp.p95.toFixed(0)} ms`);
    log(`publish → searchable, ${PUBLISHES} publishes left to the app's worker poll…`);
    const external = await publishRun(false);
    log(`  p50 ${external.p50.toFixed(0)} ms, p95 ${external.p95.toFixed(0)} ms`);

    const queries = bench.buildQueryStream(4000);
    for (const q of new Set(queries)) rawRequests.set(q, await appSearchRequest(q));
    const runs: bench.SearchRun[] = [];
    for (const clients of [1, 16]) {
      for (const path of ["raw", "api"] as const) {
        log(
          `search: ${path === "api" ? "GET /api/search" : "raw Meilisearch"}, ${clients} client(s), ${SECONDS} s…`,
        );
        let next = 0;
        const loop = await closedLoop({
          clients,
          durationMs: SECONDS * 1000,
          warmupMs: 2000,
          nextQuery: () => queries[next++ % queries.length] as string,
          send: async (q) => {
            const r = path === "api" ? await api(q) : await raw(q);
            return { hits: r.hits.length, engineMs: r.processingTimeMs };
          },
        });
        if (loop.errors) console.error(`  ${loop.errors} errors, first: ${loop.firstError}`);
        const stats = bench.summarize(loop.latencies);
        runs.push({
          path,
          clients,
          stats,
          requestsPerSecond: (loop.latencies.length * 1000) / loop.elapsedMs,
          engine: bench.summarize(loop.engineMs),
          errors: loop.errors,
          zeroHits: loop.zeroHits,
        });
        log(
          `  p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, ${runs.at(-1)?.requestsPerSecond.toFixed(0)} req/s`,
        );
      }
    }
    const portal = await measurePortal(client, rng, publishWord);
    const load = LOAD_SECONDS > 0 ? await measureMixedLoad(client, cookie, queries, rng) : undefined;
    client.close();

    const results: bench.BenchResults = {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "?",
        ramGb: totalmem() / 1024 ** 3,
        node: process.version,
        meilisearch: version,
        load: [loadAtStart, loadavg()[0] ?? 0],
      },
      corpus: {
        ...corpus,
        generateAndImportMs: corpusMs,
        invalid,
        dbMb: dirSizeMb(join(DATA_DIR, "sportello.db")) + dirSizeMb(join(DATA_DIR, "sportello.db-wal")),
      },
      reindex: {
        firstMs,
        ms: reindex.ms,
        internalDocs: reindex.internal,
        publicDocs: reindex.public,
        indexMb: dirSizeMb(join(DATA_DIR, "meilisearch", "data.ms")),
      },
      publish: { inApp, external },
      search: runs,
      portal,
      load,
      memory: { app: memoryOf(appPid), meilisearch: memoryOf(meili.process.pid as number) },
      secondsPerRun: SECONDS,
      totalMs: performance.now() - started,
    };
    const report = bench.formatReport(results);
    console.log(`\n${report}\n`);
    const file = resolve("BENCHMARKS.md");
    const existing = existsSync(file) ? readFileSync(file, "utf8") : null;
    writeFileSync(file, bench.updateBenchmarksFile(existing, report, INTRO));
    log(`written to ${file}`);
  } finally {
    await stopAll();
    closeDb();
    if (!REUSE) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

/**
 * Portal article pages as a visitor gets them: each page once (rendered and cached), then the same pages from
 * 16 concurrent clients, then publishes of public articles from this process until the page shows the new text.
 */
async function measurePortal(
  client: ReturnType<typeof createHttpClient>,
  rng: () => number,
  publishWord: (id: number) => string,
): Promise<bench.PortalRun> {
  const rows = getDb()
    .$client.prepare(
      "select id, slug, locale from articles where visibility = 'public' and status = 'published' and published_version_id is not null",
    )
    .all() as { id: number; slug: string; locale: "it" | "en" }[];
  const sample = bench.shuffle(rng, rows).slice(0, PORTAL_PAGES);
  const pathOf = (a: { slug: string; locale: "it" | "en" }) => localePath(a.locale, `/a/${a.slug}`);
  const get = async (path: string) => {
    const res = await client.request("GET", `${BASE}${path}`, {});
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return res;
  };

  log(`portal: first visit of ${sample.length} article pages, 1 client…`);
  const first: number[] = [];
  for (const a of sample) first.push((await get(pathOf(a))).ttfbMs);
  const firstVisitTtfb = bench.summarize(first);
  log(`  TTFB p50 ${firstVisitTtfb.p50.toFixed(1)} ms, p95 ${firstVisitTtfb.p95.toFixed(1)} ms`);

  const clients = 16;
  log(`portal: the same pages, cached, ${clients} clients, ${SECONDS} s…`);
  let next = 0;
  const loop = await closedLoop({
    clients,
    durationMs: SECONDS * 1000,
    warmupMs: 2000,
    nextQuery: () => pathOf(sample[next++ % sample.length] as (typeof sample)[number]),
    send: async (path) => ({ hits: 1, engineMs: (await get(path)).ttfbMs }),
  });
  if (loop.errors) console.error(`  ${loop.errors} errors, first: ${loop.firstError}`);
  const cached = {
    clients,
    ttfb: bench.summarize(loop.engineMs),
    total: bench.summarize(loop.latencies),
    requestsPerSecond: (loop.latencies.length * 1000) / loop.elapsedMs,
    errors: loop.errors,
  };
  log(
    `  TTFB p50 ${cached.ttfb.p50.toFixed(1)} ms, p95 ${cached.ttfb.p95.toFixed(1)} ms, ${cached.requestsPerSecond.toFixed(0)} req/s`,
  );

  const publishes = Math.max(3, Math.round(PUBLISHES / 5));
  log(`portal: publish → page shows it, ${publishes} publishes from this process (the app's worker polls)…`);
  const shown: number[] = [];
  for (let i = 0; i < publishes; i++) {
    const article = bench.pick(rng, sample);
    const t = performance.now();
    const word = publishWord(article.id);
    for (;;) {
      if ((await get(pathOf(article))).body.includes(word)) break;
      if (performance.now() - t > 15_000) throw new Error(`"${word}" not on ${pathOf(article)} after 15 s`);
      await sleep(50);
    }
    shown.push(performance.now() - t);
    await sleep(100 + rng() * 400);
  }
  const publishToPage = bench.summarize(shown);
  log(`  p50 ${publishToPage.p50.toFixed(0)} ms, p95 ${publishToPage.p95.toFixed(0)} ms`);
  return { pages: sample.length, firstVisitTtfb, cached, publishToPage };
}

/**
 * Issue 8 point 3: 50 clients for LOAD_SECONDS, each request in turn an agent search (the console's session), a
 * cached portal article page, or a public API search with channel shaping. API calls rotate over 32 keys, as 32
 * integrations would: one key's own limit (60, then 10/s) would otherwise be the thing measured. Every non-200
 * answer is an error.
 */
async function measureMixedLoad(
  client: ReturnType<typeof createHttpClient>,
  cookie: string,
  queries: string[],
  rng: () => number,
): Promise<bench.LoadRun> {
  const admin = getDb().$client.prepare("select id from users where role = 'admin' limit 1").get() as {
    id: number;
  };
  const keys = Array.from(
    { length: 32 },
    (_, i) => createApiKey({ name: `bench ${i}`, scope: "public" }, admin).secret,
  );
  const pages = (
    getDb()
      .$client.prepare(
        "select slug, locale from articles where visibility = 'public' and status = 'published' and published_version_id is not null",
      )
      .all() as { slug: string; locale: "it" | "en" }[]
  ).map((a) => localePath(a.locale, `/a/${a.slug}`));
  const sample = bench.shuffle(rng, pages).slice(0, PORTAL_PAGES);
  const kinds = ["agent", "portal", "api"] as const;
  const latencies: Record<(typeof kinds)[number], number[]> = { agent: [], portal: [], api: [] };
  let n = 0;
  log(
    `mixed load: ${LOAD_CLIENTS} clients, ${LOAD_SECONDS} s (agent search, portal page, API search in turn)…`,
  );
  const loop = await closedLoop({
    clients: LOAD_CLIENTS,
    durationMs: LOAD_SECONDS * 1000,
    warmupMs: 3000,
    nextQuery: () => String(n++),
    send: async (i) => {
      const step = Number(i);
      const kind = kinds[step % 3] as (typeof kinds)[number];
      const q = queries[step % queries.length] as string;
      const t = performance.now();
      const res =
        kind === "agent"
          ? await client.request("GET", `${BASE}/api/search?${new URLSearchParams({ q })}`, {
              Cookie: cookie,
            })
          : kind === "portal"
            ? await client.request("GET", `${BASE}${sample[step % sample.length]}`, {})
            : await client.request(
                "GET",
                `${BASE}/api/v1/search?${new URLSearchParams({ q, channel: "chatbot", limit: "5" })}`,
                {
                  Authorization: `Bearer ${keys[step % keys.length]}`,
                },
              );
      if (res.status !== 200) throw new Error(`${kind} answered ${res.status}: ${res.body.slice(0, 120)}`);
      latencies[kind].push(performance.now() - t);
      return { hits: 1, engineMs: res.ttfbMs };
    },
  });
  if (loop.errors) console.error(`  ${loop.errors} errors, first: ${loop.firstError}`);
  const run: bench.LoadRun = {
    clients: LOAD_CLIENTS,
    seconds: LOAD_SECONDS,
    requests: loop.latencies.length,
    requestsPerSecond: (loop.latencies.length * 1000) / loop.elapsedMs,
    errors: loop.errors,
    firstError: loop.firstError,
    all: bench.summarize(loop.latencies),
    byKind: {
      agent: bench.summarize(latencies.agent),
      portal: bench.summarize(latencies.portal),
      api: bench.summarize(latencies.api),
    },
  };
  log(`  ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.all.p99.toFixed(0)} ms, ${run.errors} errors`);
  return run;
}

const INTRO = `# Benchmarks

\`npm run bench\` measures Sportello at the size of a large contact centre's knowledge base (issue 5): it generates a
corpus of Italian articles with channel answers, varied from the demo content, in its own data dir (\`.bench-data/\`),
indexes it, starts its own Sportello (port 3200, Meilisearch 7720) and measures the agent search API against raw
Meilisearch with the same parameters, publish → searchable latency, full reindex time and memory. \`BENCH_ARTICLES=500
npm run bench\` is a quick check; see the top of \`scripts/bench.ts\` for the other settings.

Numbers depend on the machine: compare runs on the same one.`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
