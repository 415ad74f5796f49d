import { expect, test } from "@playwright/test";
import { signIn } from "./pages/login";

// The demo content has review dates in the past and products that ask for channels some articles lack, so the
// parity report always has work to show.

test("an editor opens the parity report and a Correggi link lands on the editor", async ({ page }) => {
  await signIn(page, "editor", "/studio/parity");
  await page.goto("/studio/parity");
  await expect(page.getByRole("heading", { name: "Report di parità", level: 1 })).toBeVisible();
  const fix = page.getByRole("link", { name: "Correggi" }).first();
  await expect(fix).toBeVisible();
  const href = await fix.getAttribute("href");
  expect(href).toMatch(/^\/studio\/articles\/\d+#(answer-[a-z]+|meta)$/);
  await fix.click();
  await expect(page).toHaveURL(/\/studio\/articles\/\d+#(answer-[a-z]+|meta)$/);
  await expect(page.getByLabel("Titolo", { exact: true })).toBeVisible();
});

test("the studio list filters and finds articles, and links to the parity report", async ({ page }) => {
  await signIn(page, "editor", "/studio");
  await page.goto("/studio");
  await page.getByRole("searchbox", { name: "Cerca negli articoli" }).fill("roaming");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/[?&]q=roaming/);
  await expect(page.getByRole("link", { name: /Usare la SIM all'estero/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cambiare l'IBAN/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Azzera filtri" }).click();
  await expect(page.getByRole("link", { name: /Cambiare l'IBAN/ }).first()).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Nuovo articolo" })).toHaveAttribute(
    "href",
    "/studio/articles/new",
  );
});

test("an agent flags an article and the editor sees the flag in the report", async ({ browser }) => {
  const marker = `tariffa-superata-${Date.now().toString(36)}`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent", "/agent/a/roaming-estero");
  await agent.goto("/agent/a/roaming-estero");
  await agent.getByText("Segnala un problema", { exact: true }).click();
  await agent.getByLabel("Parte da segnalare").selectOption({ label: "Tutto l'articolo" });
  await agent.getByLabel("Che cosa non va").fill(`Il prezzo extra UE è cambiato (${marker})`);
  await agent.getByRole("button", { name: "Segnala", exact: true }).click();
  await expect(agent.getByRole("status").filter({ hasText: "Segnalazione inviata" })).toBeVisible();
  await agentContext.close();

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor", "/studio/parity");
  await editor.goto("/studio/parity?kind=flagged");
  const article = editor.getByRole("region", { name: /Usare la SIM all'estero/ });
  await expect(article).toContainText(marker);
  await expect(article).toContainText("Segnalata dagli operatori");

  // The studio list counts it, and "Risolvi" takes it off the report.
  await editor.goto("/studio?flagged=yes");
  await expect(editor.getByRole("link", { name: /Usare la SIM all'estero/ })).toBeVisible();
  await editor.goto("/studio/parity?kind=flagged");
  const row = editor.getByRole("row").filter({ hasText: marker });
  await row.getByRole("button", { name: "Risolvi" }).click();
  await expect(editor.getByRole("row").filter({ hasText: marker })).toHaveCount(0);
  await editorContext.close();
});
