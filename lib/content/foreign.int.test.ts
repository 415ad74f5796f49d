import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { seedTaxonomy } from "@/lib/test/factories";
import { useTestEnvironment } from "@/lib/test/harness";
import { countRowsIn } from "@/lib/test/queries";
import { importForeignDir } from "./foreign";

const FILES: Record<string, string | Buffer> = {
  "html/reset-modem.html": "<h1>Riavviare il modem</h1><p>Stacca la spina per 30 secondi.</p>",
  "markdown/Linea Lenta.md":
    "---\ntitle: La linea è lenta\nzendesk_id: 42\n---\n\nProva via cavo, poi chiama il {{fact.support_phone}}.\n",
  "html/360001-Fattura.html":
    "<html><head><title>Fattura – Help</title><script>steal()</script></head><body><h1>Leggere la fattura</h1><p>La fattura ha <b>tre</b> parti.</p><iframe src='https://x'></iframe></body></html>",
  "html/only-title.htm": "<html><head><title>Solo titolo</title></head><body><p>Testo.</p></body></html>",
  // Problems:
  "markdown/senza-titolo.md": "Solo testo, nessun titolo.\n",
  "markdown/vuoto.md": "# Titolo senza testo\n",
  "markdown/reset-modem.md": "# Doppione\n\nStesso nome di file di html/reset-modem.html.\n",
  "notes.txt": "not an article",
  "markdown/binario.md": Buffer.from([0xff, 0xfe, 0x00, 0x81]),
  "markdown/variabile.md": "# Variabile sconosciuta\n\nCiao {{customer.soprannome}}.\n",
};

const GOOD = ["360001-fattura", "linea-lenta", "only-title", "reset-modem"];

describe("importing another knowledge base's Markdown and HTML files", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let dir: string;
  const tables = ["articles", "article_versions", "channel_answers", "search_outbox", "audit_log"] as const;

  beforeAll(() => {
    env = useTestEnvironment("content-foreign");
    seedTaxonomy();
    dir = mkdtempSync(join(tmpdir(), "sportello-foreign-"));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    env.cleanup();
  });

  const options = { product: "fibra", category: "guasti" };
  const line = (report: ReturnType<typeof importForeignDir>, file: string) => {
    const found = report.files.find((f) => f.path === join(dir, file));
    if (!found) throw new Error(`no report line for ${file}`);
    return found;
  };

  it("dry run: reports every file (slug, title, locale, problems) and writes nothing", () => {
    const before = countRowsIn(tables);
    const report = importForeignDir(dir, { ...options, locale: "en", dryRun: true });
    expect(countRowsIn(tables)).toEqual(before);
    expect(report).toMatchObject({ dryRun: true, created: 0, good: GOOD.length, fatal: [] });
    expect(report.files).toHaveLength(Object.keys(FILES).length);

    const good = report.files.filter((f) => f.problems.length === 0);
    expect(good.map((f) => f.slug).sort()).toEqual(GOOD);
    expect(good.every((f) => f.locale === "en" && !f.created)).toBe(true);
    expect(line(report, "markdown/Linea Lenta.md").title).toBe("La linea è lenta");
    expect(line(report, "html/360001-Fattura.html").title).toBe("Leggere la fattura");
    expect(line(report, "html/only-title.htm").title).toBe("Solo titolo");

    const problem = (file: string) => line(report, file).problems.join("; ");
    expect(problem("markdown/senza-titolo.md")).toMatch(/no title/);
    expect(problem("markdown/vuoto.md")).toMatch(/empty body/);
    expect(line(report, "html/reset-modem.html").problems).toEqual([]);
    expect(problem("markdown/reset-modem.md")).toMatch(/duplicate slug "reset-modem"/);
    expect(problem("notes.txt")).toMatch(/unsupported file type ".txt"/);
    expect(problem("markdown/binario.md")).toMatch(/unreadable/);
    expect(problem("markdown/variabile.md")).toContain("{{customer.soprannome}}");
  });

  it("a real run reports the same and imports the good files as internal drafts", () => {
    const dry = importForeignDir(dir, { ...options, dryRun: true });
    const report = importForeignDir(dir, options);
    expect(report.created).toBe(GOOD.length);
    const strip = (r: typeof report) => r.files.map(({ created: _c, ...f }) => f);
    expect(strip(report)).toEqual(strip(dry));

    const rows = getDb().select().from(schema.articles).orderBy(schema.articles.slug).all();
    expect(rows.map((r) => r.slug)).toEqual(GOOD);
    for (const row of rows) {
      expect(row).toMatchObject({
        visibility: "internal",
        status: "draft",
        locale: "it",
        publishedVersionId: null,
      });
    }
    const fattura = rows.find((r) => r.slug === "360001-fattura");
    const version = getDb()
      .select()
      .from(schema.articleVersions)
      .where(eq(schema.articleVersions.id, fattura?.currentVersionId ?? 0))
      .get();
    expect(version?.title).toBe("Leggere la fattura");
    expect(version?.body).toBe("La fattura ha **tre** parti.");
  });

  it("a second run creates nothing and names the slugs already taken", () => {
    const before = countRowsIn(tables);
    const report = importForeignDir(dir, options);
    expect(report.created).toBe(0);
    expect(countRowsIn(tables)).toEqual(before);
    expect(line(report, "html/reset-modem.html").problems.join()).toMatch(/already exists/);
  });

  it("stops before any file when the product or category does not exist", () => {
    const report = importForeignDir(dir, { product: "teletrasporto", category: "guasti", dryRun: true });
    expect(report.fatal).toEqual([expect.stringMatching(/^no product "teletrasporto" \(known: .*fibra/)]);
    expect(report.files).toEqual([]);
  });

  it("reports a file it cannot open, and carries on with the others", () => {
    const broken = mkdtempSync(join(tmpdir(), "sportello-foreign-broken-"));
    try {
      writeFileSync(join(broken, "buono.md"), "# Buono\n\nTesto.\n");
      // A dangling link cannot be read, even by root (chmod 000 would not stop the root user running CI).
      symlinkSync(join(broken, "non-esiste.md"), join(broken, "rotto.md"));
      const report = importForeignDir(broken, { ...options, dryRun: true });
      expect(report.files.map((f) => [f.path, f.problems.length > 0])).toEqual([
        [join(broken, "buono.md"), false],
        [join(broken, "rotto.md"), true],
      ]);
      expect(report.files[1]?.problems.join()).toMatch(/unreadable file/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
