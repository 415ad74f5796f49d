import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedArticle } from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { useTestEnvironment } from "@/lib/test/harness";
import { countRows } from "@/lib/test/queries";
import { type ImportReport, importContentDir } from "./import";

const TAXONOMY = `products:
  - slug: fibra
    name: { it: Fibra, en: Fibre }
    channels: [phone, email, sms]
categories:
  - slug: guasti
    name: { it: Guasti, en: Faults }
    position: 1
`;

function factsYaml(supportPhone: string): string {
  return `- key: support_phone
  type: phone
  visibility: public
  description: Numero verde
  values: { it: "${supportPhone}" }
- key: escalation_queue
  type: text
  visibility: internal
  values: { it: "Coda L2 Rete" }
`;
}

function article(fm: Record<string, string>, markdown: string): string {
  const front = {
    locale: "it",
    product: "fibra",
    category: "guasti",
    visibility: "public",
    status: "published",
    ...fm,
  };
  const lines = Object.entries(front).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${markdown}`;
}

const GOOD = {
  "articles/it/modem-spento.md": article(
    { slug: "modem-spento", title: "Il modem non si accende" },
    `Controlla l'alimentatore, poi chiama il {{fact.support_phone}}.

:::internal
Se il guasto persiste apri un ticket su {{fact.escalation_queue}}.
:::

:::answer{channel="sms"}
Controlla l'alimentatore del modem.
:::
`,
  ),
  "articles/it/linea-lenta.md": article(
    { slug: "linea-lenta", title: "La linea è lenta" },
    `Riavvia il modem e prova via cavo.

:::answer{channel="email" subject="Linea lenta"}
Gentile {{customer.firstName}}, ci chiami al {{fact.support_phone}}.
:::
`,
  ),
  "articles/en/slow-line.md": article(
    { slug: "slow-line", locale: "en", translationGroup: "linea-lenta", title: "The line is slow" },
    `Restart the modem and try a cable.

:::answer{channel="sms"}
Restart the modem.
:::
`,
  ),
};

const BAD = {
  "articles/it/yaml-rotto.md": `---\nslug: yaml-rotto\ntitle: [non chiuso\nproduct: fibra\ncategory: guasti\n---\n\nTesto.\n`,
  "articles/it/prodotto-sconosciuto.md": article(
    { slug: "prodotto-sconosciuto", title: "Prodotto che non esiste", product: "teletrasporto" },
    "Testo.\n",
  ),
  "articles/it/variabile-sconosciuta.md": article(
    { slug: "variabile-sconosciuta", title: "Variabile che non esiste" },
    `Testo.\n\n:::answer{channel="sms"}\nCiao {{customer.soprannome}}.\n:::\n`,
  ),
};

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function articleBySlug(slug: string) {
  const row = getDb().select().from(schema.articles).where(eq(schema.articles.slug, slug)).get();
  if (!row) throw new Error(`no article ${slug}`);
  return row;
}

const sorted = <T extends string | number>(list: T[]) =>
  [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("importing a content folder", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let dir: string;
  let first: ImportReport;
  // Folders outside the working directory are reported with absolute paths (no "../../tmp/…").
  const rel = (path: string) => join(dir, path);

  beforeAll(() => {
    env = useTestEnvironment("content-import");
    dir = mkdtempSync(join(tmpdir(), "sportello-import-"));
    writeFileSync(join(dir, "taxonomy.yaml"), TAXONOMY);
    writeFileSync(join(dir, "facts.yaml"), factsYaml("800 123 456"));
    write(dir, { ...GOOD, ...BAD });
    first = importContentDir(dir);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    env.cleanup();
  });

  it("imports the good files and reports each bad one with its path and reason", () => {
    expect(sorted(first.created)).toEqual(["linea-lenta", "modem-spento", "slow-line"]);
    expect(first.updated).toEqual([]);
    expect(first.unchanged).toEqual([]);
    expect(first).toMatchObject({ products: 1, categories: 1, facts: 2 });

    expect(sorted(first.errors.map((e) => e.path))).toEqual(sorted(Object.keys(BAD).map(rel)));
    const reason = (file: string) => first.errors.find((e) => e.path === rel(file))?.reason ?? "";
    expect(reason("articles/it/yaml-rotto.md")).toMatch(/not valid YAML/);
    expect(reason("articles/it/prodotto-sconosciuto.md")).toContain('"teletrasporto"');
    expect(reason("articles/it/prodotto-sconosciuto.md")).toContain("product");
    expect(reason("articles/it/variabile-sconosciuta.md")).toContain("{{customer.soprannome}}");
    expect(reason("articles/it/variabile-sconosciuta.md")).toContain("answers.sms");

    // Bad files leave nothing behind.
    expect(countRows("articles")).toBe(3);
    expect(countRows("article_versions")).toBe(3);
    for (const slug of ["prodotto-sconosciuto", "variabile-sconosciuta", "yaml-rotto"]) {
      expect(
        getDb().select().from(schema.articles).where(eq(schema.articles.slug, slug)).get(),
      ).toBeUndefined();
    }
  });

  it("stores what the files say", () => {
    const modem = getPublishedArticle("modem-spento", "internal");
    expect(modem?.version.title).toBe("Il modem non si accende");
    expect(modem?.version.body).toContain(":::internal");
    expect(modem?.answers.map((a) => [a.channel, a.body])).toEqual([
      ["sms", "Controlla l'alimentatore del modem."],
    ]);
    const slow = getPublishedArticle("slow-line", "public");
    expect(slow?.article).toMatchObject({ locale: "en", translationGroup: "linea-lenta" });
    const facts = getDb().select().from(schema.facts).all();
    expect(facts.map((f) => [f.key, f.visibility]).sort()).toEqual([
      ["escalation_queue", "internal"],
      ["support_phone", "public"],
    ]);
  });

  it("changes nothing when the same folder is imported again", () => {
    const versions = countRows("article_versions");
    const outbox = countRows("search_outbox");
    const audit = countRows("audit_log");
    const report = importContentDir(dir);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(sorted(report.unchanged)).toEqual(["linea-lenta", "modem-spento", "slow-line"]);
    expect(report.errors).toHaveLength(Object.keys(BAD).length);
    expect(countRows("article_versions")).toBe(versions);
    expect(countRows("search_outbox")).toBe(outbox);
    expect(countRows("audit_log")).toBe(audit);
  });

  it("adds exactly one version for a file whose body changed, and publishes it", () => {
    const path = join(dir, "articles/it/linea-lenta.md");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        "Riavvia il modem",
        "Spegni il modem per un minuto, poi riaccendilo",
      ),
    );
    const versions = countRows("article_versions");
    const report = importContentDir(dir);
    expect(report.updated).toEqual(["linea-lenta"]);
    expect(sorted(report.unchanged)).toEqual(["modem-spento", "slow-line"]);
    expect(countRows("article_versions")).toBe(versions + 1);

    const row = articleBySlug("linea-lenta");
    expect(row.publishedVersionId).toBe(row.currentVersionId);
    const published = getPublishedArticle("linea-lenta", "public");
    expect(published?.version.number).toBe(2);
    expect(published?.version.body).toContain("Spegni il modem per un minuto");
  });

  it("re-indexes the articles using a fact whose value changed", () => {
    const using = sorted([articleBySlug("modem-spento").id, articleBySlug("linea-lenta").id]);
    const notUsing = articleBySlug("slow-line").id;
    const factChanged = () =>
      getDb()
        .select()
        .from(schema.searchOutbox)
        .where(eq(schema.searchOutbox.reason, "fact_changed"))
        .all()
        .map((r) => r.articleId);
    expect(factChanged()).toEqual([]);

    writeFileSync(join(dir, "facts.yaml"), factsYaml("800 999 000"));
    const versions = countRows("article_versions");
    const report = importContentDir(dir);

    expect(sorted(factChanged())).toEqual(using);
    expect(factChanged()).not.toContain(notUsing);
    expect(report.updated).toEqual([]);
    expect(countRows("article_versions")).toBe(versions);
    const fact = getDb().select().from(schema.facts).where(eq(schema.facts.key, "support_phone")).get();
    expect(fact?.values.it).toBe("800 999 000");

    // Unchanged facts enqueue nothing more.
    importContentDir(dir);
    expect(factChanged()).toHaveLength(using.length);
  });

  it("archives an article whose file says status: archived", () => {
    const path = join(dir, "articles/en/slow-line.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("status: published", "status: archived"));
    const versions = countRows("article_versions");
    const report = importContentDir(dir);

    expect(report.updated).toEqual(["slow-line"]);
    const row = articleBySlug("slow-line");
    expect(row.status).toBe("archived");
    expect(countRows("article_versions")).toBe(versions);
    expect(getPublishedArticle("slow-line", "public")).toBeNull();
    expect(getPublishedArticle("slow-line", "internal")).toBeNull();
    const outbox = getDb()
      .select()
      .from(schema.searchOutbox)
      .where(eq(schema.searchOutbox.articleId, row.id))
      .all();
    expect(outbox.at(-1)?.reason).toBe("article.archive");

    expect(importContentDir(dir).unchanged).toContain("slow-line");
  });

  // BUG (lib/content/import.ts, importContentDir): two files with the same slug are not reported. The second file
  // is taken for an edit of the first: it overwrites the article with a new version, and every later import
  // flips the article between the two files, adding two versions each time (the import is no longer idempotent).
  // Repro: articles/a.md and articles/b.md both `slug: slug-doppio` with different bodies; import twice.
  it("reports a second file with an already used slug instead of importing it over the first", () => {
    const dupDir = mkdtempSync(join(tmpdir(), "sportello-import-dup-"));
    try {
      write(dupDir, {
        "articles/a-originale.md": article({ slug: "slug-doppio", title: "Originale" }, "Testo originale.\n"),
        "articles/b-copia.md": article({ slug: "slug-doppio", title: "Copia" }, "Testo della copia.\n"),
      });
      const versions = countRows("article_versions");
      const report = importContentDir(dupDir);
      expect(report.created).toEqual(["slug-doppio"]);
      expect(report.errors.map((e) => e.path)).toEqual([join(dupDir, "articles/b-copia.md")]);
      expect(report.errors[0]?.reason).toContain("slug-doppio");
      expect(getPublishedArticle("slug-doppio", "public")?.version.title).toBe("Originale");

      importContentDir(dupDir);
      expect(countRows("article_versions")).toBe(versions + 1);
    } finally {
      rmSync(dupDir, { recursive: true, force: true });
    }
  });

  // BUG (lib/content/import.ts with lib/articles/validate.ts): docs/content-format.md lists "email answers have a
  // subject" among the rules the importer enforces, but a missing subject only blocks publishing, so a file with
  // `status: draft` (or in_review) and a subject-less e-mail answer is imported without complaint.
  it("reports an e-mail answer without a subject, even in a draft", () => {
    const draftDir = mkdtempSync(join(tmpdir(), "sportello-import-subject-"));
    try {
      write(draftDir, {
        "articles/senza-oggetto.md": article(
          { slug: "email-senza-oggetto", title: "Email senza oggetto", status: "draft" },
          `Testo.\n\n:::answer{channel="email"}\nGentile cliente.\n:::\n`,
        ),
      });
      const report = importContentDir(draftDir);
      expect(report.created).toEqual([]);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]?.reason).toMatch(/subject|oggetto/i);
    } finally {
      rmSync(draftDir, { recursive: true, force: true });
    }
  });
});

describe("importing the demo content in content/", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let report: ImportReport;
  const contentDir = resolve(process.cwd(), "content");
  const REQUIRED_CHANNELS = ["phone", "email", "chat", "whatsapp", "sms"];

  beforeAll(() => {
    env = useTestEnvironment("content-demo");
    report = importContentDir(contentDir);
  });
  afterAll(() => env.cleanup());

  it("imports every file without errors", () => {
    expect(report.errors).toEqual([]);
    expect(report.created.length).toBeGreaterThan(0);
    expect(report.created.length).toBe(countRows("articles"));
  });

  it("has at least 30 Italian and 10 English articles", () => {
    const byLocale = getDb()
      .$client.prepare("select locale, count(*) n from articles group by locale")
      .all() as {
      locale: string;
      n: number;
    }[];
    const n = (locale: string) => byLocale.find((r) => r.locale === locale)?.n ?? 0;
    expect(n("it")).toBeGreaterThanOrEqual(30);
    expect(n("en")).toBeGreaterThanOrEqual(10);
  });

  it("gives every article a phone, email, chat, whatsapp and sms answer", () => {
    const rows = getDb()
      .$client.prepare(
        `select a.slug, group_concat(c.channel) channels
         from articles a left join channel_answers c on c.version_id = a.current_version_id
         group by a.id`,
      )
      .all() as { slug: string; channels: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    const missing = rows
      .map((r) => ({
        slug: r.slug,
        missing: REQUIRED_CHANNELS.filter((c) => !(r.channels ?? "").split(",").includes(c)),
      }))
      .filter((r) => r.missing.length > 0);
    expect(missing).toEqual([]);
  });

  it("has internal articles, public articles with :::internal blocks, and articles using facts", () => {
    const scalar = (query: string) => (getDb().$client.prepare(query).get() as { n: number }).n;
    expect(scalar("select count(*) n from articles where visibility = 'internal'")).toBeGreaterThanOrEqual(1);
    expect(
      scalar(
        `select count(*) n from articles a join article_versions v on v.id = a.current_version_id
         where a.visibility = 'public' and v.body like '%:::internal%'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(scalar("select count(distinct article_id) n from article_facts")).toBeGreaterThanOrEqual(5);
    expect(scalar("select count(*) n from facts")).toBeGreaterThan(0);
  });

  it("is idempotent: importing it again changes nothing", () => {
    const versions = countRows("article_versions");
    const again = importContentDir(contentDir);
    expect(again.errors).toEqual([]);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged.length).toBe(report.created.length);
    expect(countRows("article_versions")).toBe(versions);
  });
});
