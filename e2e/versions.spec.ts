import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./pages/login";

/** The studio editor of the demo article `cambio-iban-addebito-diretto`; returns its URL. */
async function openIbanArticle(page: Page): Promise<string> {
  await page.goto("/studio");
  await page
    .getByRole("link", { name: /Cambiare l'IBAN/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/studio\/articles\/\d+$/);
  await expect(page.getByLabel("Titolo")).toBeVisible();
  return new URL(page.url()).pathname;
}

function versionRow(page: Page, number: number) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `v${number}`, exact: true }) });
}

test("an editor compares two versions word by word and restores the first one as a new draft", async ({
  page,
}) => {
  const marker = `maestrale${Date.now().toString(36)}`;
  await signIn(page, "editor", "/studio");
  const editorPath = await openIbanArticle(page);

  // Earlier specs may have saved versions of this article already: add one of our own to compare against v1.
  const body = page.getByLabel("Testo (Markdown)");
  await body.fill(`${await body.inputValue()}\n\nNota ${marker} per la prova della cronologia.`);
  await page.getByLabel("Nota di modifica").fill(`Prova cronologia ${marker}`);
  await page.getByRole("button", { name: "Salva bozza" }).click();
  // The history below checks the saved note; here only that the editor answered.
  await expect(page.getByRole("status")).toBeVisible();

  await page.goto(`${editorPath}/history`);
  await expect(page.getByRole("heading", { name: "Cronologia delle versioni", level: 1 })).toBeVisible();
  const versions = await page.getByRole("rowheader").count();
  expect(versions).toBeGreaterThanOrEqual(2);
  const current = versionRow(page, versions);
  await expect(current).toContainText("Corrente");
  await expect(current).toContainText(`Prova cronologia ${marker}`);

  // Compare v1 with the version just saved: the new sentence is marked as added in the body only.
  await page.getByLabel("Da", { exact: true }).selectOption({ label: "Versione 1" });
  await page.getByLabel("A", { exact: true }).selectOption({ label: `Versione ${versions}` });
  await page.getByRole("button", { name: "Confronta" }).click();
  await expect(page).toHaveURL(/\/compare\?from=\d+&to=\d+/);
  await expect(
    page.getByRole("heading", { name: `Confronto tra la versione 1 e la versione ${versions}`, level: 1 }),
  ).toBeVisible();
  const bodySection = page.getByRole("region", { name: "Testo", exact: true });
  await expect(bodySection.locator("ins").filter({ hasText: marker })).toBeVisible();
  await expect(bodySection.locator("del").filter({ hasText: marker })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Titolo", exact: true })).toContainText("nessuna modifica");

  // Swapping the sides turns the added sentence into a removed one.
  await page.getByRole("link", { name: "Inverti le versioni" }).click();
  await expect(
    page.getByRole("heading", { name: `Confronto tra la versione ${versions} e la versione 1`, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Testo", exact: true }).locator("del").filter({ hasText: marker }),
  ).toBeVisible();

  // Restore v1: a new version with v1's content, after a confirmation.
  await page.getByRole("link", { name: "← Cronologia delle versioni" }).click();
  await versionRow(page, 1).getByRole("button", { name: "Ripristina la versione 1" }).click();
  await page.getByRole("button", { name: "Conferma ripristino" }).click();
  const restored = versions + 1;
  await expect(page.getByRole("status")).toContainText(`Creata la versione ${restored}`);
  await expect(versionRow(page, restored)).toContainText("Ripristino di v1");
  await expect(versionRow(page, restored)).toContainText("Corrente");

  // The editor now works on the restored content: the sentence saved above is gone from the draft.
  await page.getByRole("link", { name: `Apri la versione ${restored} nell'editor` }).click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
  await expect(page.getByLabel("Testo (Markdown)")).not.toHaveValue(new RegExp(marker));
});
