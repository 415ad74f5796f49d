// Formats the results of `npm run bench` as Markdown: one table printed to the terminal and written to
// BENCHMARKS.md, judged against issue 5's targets for this 2-core machine.
import type { LatencyStats } from "./stats";

export type SearchRun = {
  path: "api" | "raw";
  clients: number;
  stats: LatencyStats;
  requestsPerSecond: number;
  /** Meilisearch's own processingTimeMs for the same requests. */
  engine: LatencyStats;
  errors: number;
  zeroHits: number;
};

/** RSS counts the pages of memory-mapped files too (Meilisearch's LMDB): anonMb is the process's own memory. */
export type MemoryReading = { rssMb: number; peakMb: number; anonMb: number };

export type BenchResults = {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    ramGb: number;
    node: string;
    meilisearch: string;
    /** 1-minute load averages at the start and the end: other work on the machine skews every figure. */
    load: [number, number];
  };
  corpus: {
    articles: number;
    internal: number;
    withInternalBlocks: number;
    avgBodyWords: number;
    generateAndImportMs: number;
    invalid: number;
    dbMb: number;
  };
  reindex: { firstMs: number; ms: number; internalDocs: number; publicDocs: number; indexMb: number };
  publish: { inApp: LatencyStats; external: LatencyStats };
  search: SearchRun[];
  /** Issue 6: portal article pages (cached, ISR), GET /a/<slug> with no session. */
  portal?: PortalRun;
  /** Issue 8: agent search, portal pages and API search together at 50 clients. */
  load?: LoadRun;
  memory: { app: MemoryReading; meilisearch: MemoryReading };
  secondsPerRun: number;
  totalMs: number;
};

export type PortalRun = {
  /** Distinct article pages requested. */
  pages: number;
  /** First visit of each page, one client: rendered, then cached. Time to first byte. */
  firstVisitTtfb: LatencyStats;
  /** The same pages again, cached, `clients` concurrent, closed loop. */
  cached: {
    clients: number;
    ttfb: LatencyStats;
    total: LatencyStats;
    requestsPerSecond: number;
    errors: number;
  };
  /** Publish (from another process) → the page shows the new text: worker poll, sync, revalidation, re-render. */
  publishToPage: LatencyStats;
};

export type LoadRun = {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  firstError?: string;
  all: LatencyStats;
  byKind: { agent: LatencyStats; portal: LatencyStats; api: LatencyStats };
};

export const TARGETS = {
  portalTtfbP95At16Ms: 50,
  apiP95At16Ms: 30,
  apiOverRawP95At16: 1.3,
  publishP95Ms: 1000,
  reindexMs: 30_000,
};

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : "–");
const s = (x: number) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} s` : "–");
const verdict = (ok: boolean) => (ok ? "✅" : "❌ missed");

export function findRun(
  results: BenchResults,
  path: SearchRun["path"],
  clients: number,
): SearchRun | undefined {
  return results.search.find((r) => r.path === path && r.clients === clients);
}

/** The checks issue 5 asks for; each is a label, the measured value, the target and whether it was met. */
export function judge(
  results: BenchResults,
): { label: string; value: string; target: string; ok: boolean }[] {
  const api16 = findRun(results, "api", 16);
  const raw16 = findRun(results, "raw", 16);
  const ratio = api16 && raw16 ? api16.stats.p95 / raw16.stats.p95 : Number.NaN;
  return [
    {
      label: "API p95 at 16 concurrent clients",
      value: `${ms(api16?.stats.p95 ?? Number.NaN)} ms`,
      target: `≤ ${TARGETS.apiP95At16Ms} ms`,
      ok: (api16?.stats.p95 ?? Number.POSITIVE_INFINITY) <= TARGETS.apiP95At16Ms,
    },
    {
      label: "API p95 / raw Meilisearch p95 at 16 clients",
      value: `${Number.isFinite(ratio) ? ratio.toFixed(2) : "–"}×`,
      target: `≤ ${TARGETS.apiOverRawP95At16}×`,
      ok: ratio <= TARGETS.apiOverRawP95At16,
    },
    {
      label: "publish → searchable p95 (publish in the app)",
      value: `${ms(results.publish.inApp.p95)} ms`,
      target: `≤ ${TARGETS.publishP95Ms} ms`,
      ok: results.publish.inApp.p95 <= TARGETS.publishP95Ms,
    },
    ...(results.portal
      ? [
          {
            label: `portal article page TTFB p95 at ${results.portal.cached.clients} concurrent (cached)`,
            value: `${ms(results.portal.cached.ttfb.p95)} ms`,
            target: `≤ ${TARGETS.portalTtfbP95At16Ms} ms`,
            ok: results.portal.cached.ttfb.p95 <= TARGETS.portalTtfbP95At16Ms,
          },
        ]
      : []),
    ...(results.load
      ? [
          {
            label: `mixed load, ${results.load.clients} clients for ${results.load.seconds} s: errors`,
            value: `${results.load.errors} of ${results.load.requests.toLocaleString("en")}`,
            target: "0",
            ok: results.load.errors === 0,
          },
        ]
      : []),
    {
      label: "full reindex (`npm run reindex`)",
      value: s(results.reindex.ms),
      target: `≤ ${s(TARGETS.reindexMs)}`,
      ok: results.reindex.ms <= TARGETS.reindexMs,
    },
  ];
}

export function formatReport(results: BenchResults): string {
  const { machine: m, corpus: c } = results;
  const lines: string[] = [];
  lines.push(
    `Run ${results.date} · ${m.cpus} CPU (${m.cpuModel}) · ${m.ramGb.toFixed(0)} GB RAM · Node ${m.node} · Meilisearch ${m.meilisearch} · ${c.articles.toLocaleString("en")} articles · whole run ${s(results.totalMs)} · load average ${m.load[0].toFixed(1)} at start, ${m.load[1].toFixed(1)} at end`,
    "",
    "| target | measured | goal | |",
    "| --- | ---: | ---: | --- |",
    ...judge(results).map((j) => `| ${j.label} | ${j.value} | ${j.target} | ${verdict(j.ok)} |`),
    "",
    `Search, ${results.secondsPerRun} s per run, closed loop (each client sends its next query when the answer arrives), ms:`,
    "",
    "| path | clients | p50 | p95 | p99 | mean | req/s | engine p50 / p95 | zero hits | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of results.search) {
    const name = r.path === "api" ? "GET /api/search (agent session)" : "raw Meilisearch, same parameters";
    const zero = r.stats.n ? `${((100 * r.zeroHits) / r.stats.n).toFixed(0)}%` : "–";
    lines.push(
      `| ${name} | ${r.clients} | ${ms(r.stats.p50)} | ${ms(r.stats.p95)} | ${ms(r.stats.p99)} | ${ms(r.stats.mean)} | ${r.requestsPerSecond.toFixed(0)} | ${ms(r.engine.p50)} / ${ms(r.engine.p95)} | ${zero} | ${r.errors} |`,
    );
  }
  const ratios = [1, 16].flatMap((n) => {
    const api = findRun(results, "api", n);
    const raw = findRun(results, "raw", n);
    return api && raw
      ? [
          `${n} client${n > 1 ? "s" : ""}: p50 ${(api.stats.p50 / raw.stats.p50).toFixed(2)}×, p95 ${(api.stats.p95 / raw.stats.p95).toFixed(2)}×`,
        ]
      : [];
  });
  const p = results.publish;
  lines.push(
    "",
    `API / raw: ${ratios.join("; ")}.`,
    "",
    "| other measures | value |",
    "| --- | ---: |",
    `| corpus: articles (internal) · with internal blocks · mean body words | ${c.articles} (${c.internal}) · ${c.withInternalBlocks} · ${c.avgBodyWords.toFixed(0)} |`,
    `| corpus: generate and import through lib (createArticle) | ${s(c.generateAndImportMs)}${c.invalid ? ` (${c.invalid} refused)` : ""} |`,
    `| SQLite file / Meilisearch data dir | ${c.dbMb.toFixed(0)} MB / ${results.reindex.indexMb.toFixed(0)} MB |`,
    `| first index build into an empty Meilisearch (reindexAll) | ${s(results.reindex.firstMs)} |`,
    `| full reindex over live indexes, swap (reindexAll, as \`npm run reindex\`) | ${s(results.reindex.ms)} (internal ${results.reindex.internalDocs}, public ${results.reindex.publicDocs} documents) |`,
    `| publish → searchable, publish in the app (worker woken at once), p50 / p95 / max, n=${p.inApp.n} | ${ms(p.inApp.p50)} / ${ms(p.inApp.p95)} / ${ms(p.inApp.max)} ms |`,
    `| publish → searchable, write from another process (worker's 1 s poll), p50 / p95 / max, n=${p.external.n} | ${ms(p.external.p50)} / ${ms(p.external.p95)} / ${ms(p.external.max)} ms |`,
    ...portalLines(results.portal),
    ...loadLines(results.load),
    ...(["app", "meilisearch"] as const).map((who) => {
      const m = results.memory[who];
      const name = who === "app" ? "app (web server)" : "Meilisearch";
      return `| memory, ${name}: RSS after the runs (of which anonymous) / peak RSS | ${m.rssMb.toFixed(0)} (${m.anonMb.toFixed(0)}) / ${m.peakMb.toFixed(0)} MB |`;
    }),
  );
  return lines.join("\n");
}

function portalLines(portal: PortalRun | undefined): string[] {
  if (!portal) return [];
  const { cached: c, firstVisitTtfb: f, publishToPage: pub } = portal;
  return [
    `| portal article page, first visit (rendered, then cached), TTFB p50 / p95, 1 client, ${portal.pages} pages | ${ms(f.p50)} / ${ms(f.p95)} ms |`,
    `| portal article page, cached, ${c.clients} concurrent: TTFB p50 / p95 · whole page p95 · req/s${c.errors ? ` · ${c.errors} errors` : ""} | ${ms(c.ttfb.p50)} / ${ms(c.ttfb.p95)} · ${ms(c.total.p95)} ms · ${c.requestsPerSecond.toFixed(0)} |`,
    `| publish (another process) → portal page shows it, p50 / p95 / max, n=${pub.n} | ${ms(pub.p50)} / ${ms(pub.p95)} / ${ms(pub.max)} ms |`,
  ];
}

function loadLines(load: LoadRun | undefined): string[] {
  if (!load) return [];
  const k = load.byKind;
  return [
    `| mixed load, ${load.clients} clients, ${load.seconds} s (agent search · portal page · API search in turn): req/s · p50 / p95 / p99 | ${load.requestsPerSecond.toFixed(0)} · ${ms(load.all.p50)} / ${ms(load.all.p95)} / ${ms(load.all.p99)} ms |`,
    `| mixed load p99: agent search / portal page / API search | ${ms(k.agent.p99)} / ${ms(k.portal.p99)} / ${ms(k.api.p99)} ms |`,
  ];
}

export const GENERATED_MARKER = "<!-- Everything below is written by `npm run bench`. -->";

/** BENCHMARKS.md: the human introduction above the marker is kept, the measured part below it replaced. */
export function updateBenchmarksFile(existing: string | null, report: string, intro: string): string {
  const head = existing?.includes(GENERATED_MARKER)
    ? (existing.split(GENERATED_MARKER)[0] ?? "").trimEnd()
    : intro.trimEnd();
  return `${head}\n\n${GENERATED_MARKER}\n\n${report}\n`;
}
