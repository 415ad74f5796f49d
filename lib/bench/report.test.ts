import { describe, expect, it } from "vitest";
import { type BenchResults, formatReport, GENERATED_MARKER, judge, updateBenchmarksFile } from "./report";
import { summarize } from "./stats";

const stats = (x: number) => summarize([x, x, x]);

function results(api16p95: number, raw16p95: number): BenchResults {
  return {
    date: "2026-11-24T22:00:00Z",
    machine: {
      cpus: 2,
      cpuModel: "test cpu",
      ramGb: 24,
      node: "v20.20.2",
      meilisearch: "1.21.0",
      load: [0.5, 1.5],
    },
    corpus: {
      articles: 10000,
      internal: 900,
      withInternalBlocks: 4000,
      avgBodyWords: 410,
      generateAndImportMs: 60_000,
      invalid: 0,
      dbMb: 120,
    },
    reindex: { firstMs: 20_000, ms: 25_000, internalDocs: 10000, publicDocs: 9100, indexMb: 400 },
    publish: { inApp: stats(150), external: stats(700) },
    search: [
      {
        path: "raw",
        clients: 16,
        stats: stats(raw16p95),
        requestsPerSecond: 800,
        engine: stats(5),
        errors: 0,
        zeroHits: 0,
      },
      {
        path: "api",
        clients: 16,
        stats: stats(api16p95),
        requestsPerSecond: 500,
        engine: stats(5),
        errors: 0,
        zeroHits: 1,
      },
    ],
    memory: {
      app: { rssMb: 200, peakMb: 250, anonMb: 150 },
      meilisearch: { rssMb: 300, peakMb: 500, anonMb: 100 },
    },
    secondsPerRun: 10,
    totalMs: 180_000,
  };
}

describe("judge", () => {
  it("adds the portal page target of issue 6 when the run measured it", () => {
    const portal = (ttfbP95: number) => ({
      ...results(25, 20),
      portal: {
        pages: 300,
        firstVisitTtfb: stats(40),
        cached: {
          clients: 16,
          ttfb: stats(ttfbP95),
          total: stats(ttfbP95 + 2),
          requestsPerSecond: 900,
          errors: 0,
        },
        publishToPage: stats(1200),
      },
    });
    const row = (r: BenchResults) => judge(r).find((j) => j.label.startsWith("portal article page TTFB"));
    expect(row(portal(30))).toMatchObject({ value: "30.0 ms", target: "≤ 50 ms", ok: true });
    expect(row(portal(70))?.ok).toBe(false);
    expect(row(results(25, 20))).toBeUndefined();
    expect(formatReport(portal(30))).toContain(
      "| publish (another process) → portal page shows it, p50 / p95 / max, n=3 | 1200 / 1200 / 1200 ms |",
    );
  });

  it("adds the zero-error target of issue 8's mixed load when the run measured it", () => {
    const stats3 = stats(30);
    const load = (errors: number) => ({
      ...results(25, 20),
      load: {
        clients: 50,
        seconds: 60,
        requests: 36000,
        requestsPerSecond: 600,
        errors,
        all: stats3,
        byKind: { agent: stats3, portal: stats3, api: stats3 },
      },
    });
    const row = (r: BenchResults) => judge(r).find((j) => j.label.startsWith("mixed load"));
    expect(row(load(0))).toMatchObject({ value: "0 of 36,000", target: "0", ok: true });
    expect(row(load(3))?.ok).toBe(false);
    expect(formatReport(load(0))).toContain("| mixed load, 50 clients, 60 s");
  });

  it("checks each target of issue 5", () => {
    expect(judge(results(25, 20)).map((j) => j.ok)).toEqual([true, true, true, true]);
    const missed = judge(results(40, 20));
    expect(missed[0]?.ok).toBe(false);
    expect(missed[1]?.ok).toBe(false);
    expect(missed[1]?.value).toBe("2.00×");
  });
});

describe("BENCHMARKS.md", () => {
  it("formats one table row per search run and the ratios", () => {
    const text = formatReport(results(25, 20));
    expect(text).toContain("| GET /api/search (agent session) | 16 | 25.0 | 25.0 |");
    expect(text).toContain("16 clients: p50 1.25×, p95 1.25×");
  });

  it("keeps the human introduction and replaces the measured part", () => {
    const first = updateBenchmarksFile(null, "run 1", "# Benchmarks\n\nIntro.");
    expect(first).toBe(`# Benchmarks\n\nIntro.\n\n${GENERATED_MARKER}\n\nrun 1\n`);
    const edited = first.replace("Intro.", "Edited intro.");
    expect(updateBenchmarksFile(edited, "run 2", "ignored")).toBe(
      `# Benchmarks\n\nEdited intro.\n\n${GENERATED_MARKER}\n\nrun 2\n`,
    );
  });
});
