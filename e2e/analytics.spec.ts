import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { AgentConsole } from "./pages/agent";
import { signIn } from "./pages/login";

// Issue 7 points 3 and 4: activity made through the real console, portal and feedback endpoint shows up in
// /studio/analytics (tables, chart, CSV) for editors; /studio/health links to where each problem is fixed; agents
// see neither. Usage events reach SQLite about a second after they happen (ADR 012), so the editor reloads.

const AGENT_QUERY = "sim smarrita";
const AGENT_ZERO = "zzqxw kkjjv";
const PORTAL_ZERO = "=qqzzx vvkkw";
const VOTE_SLUG = "autolettura-contatore";

/** WCAG 2.2 AA by axe-core, serious and critical only (as e2e/a11y.spec.ts does for the portal). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Reloads until `check` passes: the editor's page is rendered from SQLite, which the buffer fills within ~1 s. */
async function eventually(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000, intervals: [1000, 2000] });
}

test("editors see searches, a chart and a CSV in analytics and fix links in content health; agents see neither", async ({
  page,
  browser,
  baseURL,
}) => {
  // An agent searches (one with results, opened from the list; one without).
  await signIn(page, "agent");
  const agent = new AgentConsole(page);
  await agent.goto();
  await agent.type(AGENT_QUERY);
  await expect(agent.results.first()).toContainText("SIM smarrita");
  // A click opens the full article page: an open at position 1.
  await agent.results.first().click();
  await expect(page.getByRole("heading", { level: 1, name: /SIM smarrita/ })).toBeVisible();
  await agent.goto();
  // Seconds apart and unrelated: a new search, not a keystroke of the previous one.
  await agent.type(AGENT_ZERO);
  await expect(page.getByRole("region", { name: "Risultati" })).toContainText(
    `Nessun articolo per “${AGENT_ZERO}”`,
  );

  // Agents have no analytics, no export and no content health.
  expect((await page.goto("/studio/analytics"))?.status()).toBe(404);
  expect((await page.request.get("/studio/analytics/export?report=top-searches")).status()).toBe(403);
  expect((await page.goto("/studio/health"))?.status()).toBe(404);

  // A portal visitor searches for something that does not exist, then votes on an article.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/search?q=${encodeURIComponent(PORTAL_ZERO)}`);
  await expect(visitor.getByRole("main")).toBeVisible();
  await visitor.goto(`/a/${VOTE_SLUG}`);
  const version = Number(await visitor.locator('input[name="version"]').first().inputValue());
  const vote = await visitor.request.post("/api/portal/feedback", {
    data: { slug: VOTE_SLUG, version, helpful: false },
    headers: { Origin: baseURL ?? "" },
  });
  expect(vote.ok()).toBe(true);
  await visitorContext.close();

  // The editor reads it all.
  const editorContext = await browser.newContext({ acceptDownloads: true });
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  await editor.goto("/studio");
  await editor
    .getByRole("navigation", { name: "Studio" })
    .getByRole("link", { name: "Statistiche d'uso" })
    .click();
  await expect(editor.getByRole("heading", { level: 1, name: "Statistiche d'uso" })).toBeVisible();

  const top = editor.getByRole("table", { name: "Ricerche più frequenti" });
  const zero = editor.getByRole("table", { name: "Ricerche senza risultati" });
  await eventually(editor, async () => {
    await expect(top.getByRole("row").filter({ hasText: AGENT_QUERY })).toContainText("Console operatori");
    await expect(zero.getByRole("row").filter({ hasText: AGENT_ZERO })).toContainText("Console operatori");
    await expect(zero.getByRole("row").filter({ hasText: PORTAL_ZERO })).toContainText("Portale");
  });
  const clicks = editor.getByRole("table", { name: "Clic sui risultati" });
  await expect(clicks.getByRole("row").filter({ hasText: "Console operatori" })).toBeVisible();
  await expect(editor.getByRole("table", { name: "Voti «Ti è stato utile?»" })).toBeVisible();

  // The chart is drawn (a canvas with a text alternative) and points to its table.
  const chart = editor.getByRole("img", { name: /Grafico a barre delle ricerche per giorno/ });
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
  expect(await seriousViolations(editor)).toEqual([]);

  // Filtering by surface keeps only the portal's rows.
  await editor.getByLabel("Dove").selectOption("portal");
  await editor.getByRole("button", { name: "Mostra" }).click();
  await expect(editor).toHaveURL(/surface=portal/);
  await expect(zero.getByRole("row").filter({ hasText: PORTAL_ZERO })).toBeVisible();
  await expect(zero.getByRole("row").filter({ hasText: AGENT_ZERO })).toHaveCount(0);

  // The CSV of the zero-result searches, for the same filters; the customer's "=" cannot become a formula.
  const section = editor.getByRole("region", { name: "Ricerche senza risultati" });
  const [download] = await Promise.all([
    editor.waitForEvent("download"),
    section.getByRole("link", { name: "Scarica CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^sportello-zero-results-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-portal\.csv$/,
  );
  const csv = readFileSync((await download.path()) ?? "", "utf8").replace(/^\uFEFF/, "");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("query,surface,searches,zero_results");
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^'${PORTAL_ZERO},portal,\\d+,\\d+$`)));
  expect(csv).not.toContain(AGENT_ZERO);

  // A bad date gets a message, not an error page.
  await editor.goto("/studio/analytics?from=2026-02-30");
  await expect(editor.getByRole("alert").filter({ hasText: "Il periodo non è valido" })).toContainText(
    "Data inesistente",
  );

  // Content health: every row links to the page where it is fixed.
  await editor
    .getByRole("navigation", { name: "Studio" })
    .getByRole("link", { name: "Salute dei contenuti" })
    .click();
  await expect(editor.getByRole("heading", { level: 1, name: "Salute dei contenuti" })).toBeVisible();
  expect(await seriousViolations(editor)).toEqual([]);
  const missing = editor.getByRole("table", { name: "Traduzioni mancanti" });
  const firstFix = missing.getByRole("link").first();
  await expect(firstFix).toBeVisible();
  await firstFix.click();
  await expect(editor).toHaveURL(/\/studio\/articles\/new\?translationOf=\d+/);
  await expect(editor.getByRole("heading", { level: 1 })).toBeVisible();
  await editorContext.close();
});

test("an admin sets how long raw usage events are kept (at least 7 days)", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  const days = page.getByLabel("Giorni di conservazione degli eventi dettagliati");
  await expect(days).toHaveValue("90");
  // The browser's own min=7 check would stop the form first: remove it to reach the server's rule.
  await days.evaluate((input) => input.removeAttribute("min"));
  await days.fill("6");
  await page.getByRole("button", { name: "Salva impostazioni" }).click();
  await expect(page.getByText("Indica un numero intero di giorni tra 7 e 3650.")).toBeVisible();
  await days.fill("120");
  await page.getByRole("button", { name: "Salva impostazioni" }).click();
  await expect(page.getByRole("status")).toContainText("Impostazioni salvate");
  await page.reload();
  await expect(days).toHaveValue("120");
  // Back to the default for the other files.
  await days.fill("90");
  await page.getByRole("button", { name: "Salva impostazioni" }).click();
  await expect(page.getByRole("status")).toContainText("Impostazioni salvate");
});
