import { expect, test } from "@playwright/test";
import { getFrom } from "./net";
import { signIn } from "./pages/login";

// The portal as it changes and under load (issue 6): instant search, the per-client search limit, and a publish
// reaching the cached pages.

test("the instant search box suggests articles as you type and works with the keyboard alone", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Cerca nel centro assistenza" });
  await box.click();
  await box.pressSequentially("bolleta", { delay: 30 });
  const list = page.getByRole("listbox", { name: "Suggerimenti" });
  await expect(list).toBeVisible();
  const first = list.getByRole("option").first();
  await expect(first).toContainText(/bollett/i);
  await expect(first.locator("mark").first()).toBeVisible();
  await expect(list.getByRole("option", { name: /Vedi tutti i risultati per “bolleta”/ })).toBeVisible();

  await box.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) as string);
  const title = (await first.locator(".instant-title").textContent()) as string;
  await box.press("Enter");
  await expect(page).toHaveURL(/\/a\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Escape closes the list; Enter without a pick submits the plain search.
  await page.goto("/en");
  const en = page.getByRole("combobox", { name: "Search the help centre" });
  await en.pressSequentially("sim", { delay: 30 });
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeVisible();
  await en.press("Escape");
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  await en.press("Enter");
  await expect(page).toHaveURL(/\/en\/search\?q=sim$/);
  await expect(page.locator(".search-results li").first()).toBeVisible();
});

test("public search is limited per client, with a friendly message, and other clients are not affected", async () => {
  const noisy = "127.0.0.77";
  let limited: Awaited<ReturnType<typeof getFrom>> | null = null;
  for (let i = 0; i < 60 && !limited; i++) {
    const res = await getFrom(noisy, `/api/portal/search?q=modem${i}&lang=it`);
    if (res.status === 429) limited = res;
    else expect(res.status).toBe(200);
  }
  expect(limited, "the limit was never reached").not.toBeNull();
  expect(Number(limited?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(limited?.headers["content-type"]).toContain("application/problem+json");
  expect(JSON.parse(limited?.body ?? "{}").title).toMatch(
    /^Hai fatto molte ricerche in poco tempo\. Attendi \d+ secondi/,
  );

  // The search page tells the same client in words, in its language, and still offers the topics.
  const page = await getFrom(noisy, "/en/search?q=modem");
  expect(page.status).toBe(200);
  expect(page.body).toMatch(/You have searched a lot in a short time\. Wait \d+ seconds/);
  expect(page.body).toContain('class="tiles"');

  const other = await getFrom("127.0.0.78", "/api/portal/search?q=modem&lang=it");
  expect(other.status).toBe(200);
  expect(JSON.parse(other.body).hits.length).toBeGreaterThan(0);
});

test("a newly published article appears on the cached portal within seconds, and in its search", async ({
  browser,
  page,
}) => {
  const marker = `quokka${Date.now().toString(36)}`;
  const slug = `rimborso-${marker}`;
  // Visited first, so the portal has cached its 404 and must drop it on publish.
  expect((await page.goto(`/a/${slug}`))?.status()).toBe(404);
  await page.goto("/c/bollette-e-pagamenti");
  await expect(page.getByRole("link", { name: new RegExp(marker) })).toHaveCount(0);

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor", "/studio/articles/new");
  await editor.goto("/studio/articles/new");
  await editor.getByLabel("Titolo").fill(`Rimborso del deposito ${marker}`);
  await editor.getByLabel("Indirizzo (slug)").fill(slug);
  await editor.getByLabel("Categoria").selectOption("bollette-e-pagamenti");
  await editor.getByLabel("Visibilità").selectOption("public");
  await editor.getByLabel("Sommario").fill("Quando e come torna il deposito cauzionale.");
  await editor.getByLabel("Testo (Markdown)").fill(`Il deposito ${marker} torna nell'ultima bolletta.`);
  await editor.getByRole("button", { name: "Crea bozza" }).click();
  await expect(editor).toHaveURL(/\/studio\/articles\/\d+$/);
  await editor.getByRole("button", { name: "Salva e pubblica" }).click();
  await expect(editor.getByRole("status")).toContainText("pubblicata");
  await editorContext.close();

  await expect(async () => {
    const res = await page.goto(`/a/${slug}`);
    expect(res?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rimborso del deposito ${marker}`);
  await page.goto("/c/bollette-e-pagamenti");
  await expect(page.getByRole("link", { name: new RegExp(marker) })).toBeVisible();
  // Pages read SQLite and are refreshed before the search index is updated, which follows a moment later.
  await expect(async () => {
    await page.goto(`/search?q=${marker}`);
    await expect(page.getByRole("link", { name: new RegExp(marker) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
