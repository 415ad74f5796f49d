import { expect, test } from "@playwright/test";
import { signIn } from "./pages/login";
import { ArticleEditor } from "./pages/studio";

test("two editors save the same article: the second gets the conflict and loses nothing", async ({
  browser,
}) => {
  const anna = await browser.newContext();
  const bruno = await browser.newContext();
  const a = new ArticleEditor(await anna.newPage());
  const b = new ArticleEditor(await bruno.newPage());
  await signIn(a.page, "editor");
  await signIn(b.page, "admin");
  await a.openFromList(/Autolettura del contatore/);
  await b.openFromList(/Autolettura del contatore/);

  const annaText = `Nota di Anna ${Date.now()}`;
  const brunoText = `Nota di Bruno ${Date.now()}`;
  await a.body.fill(`${await a.body.inputValue()}\n\n${annaText}`);
  await a.saveDraft();
  await a.expectSaved();

  await b.body.fill(`${await b.body.inputValue()}\n\n${brunoText}`);
  await b.saveDraft();
  const conflict = b.page.getByRole("region", { name: /Conflitto/ });
  await expect(conflict).toBeVisible();
  // Anna's change is shown beside Bruno's text, and Bruno's text is still in the editor.
  await expect(conflict).toContainText(annaText);
  await expect(conflict).toContainText(brunoText);
  await expect(b.body).toHaveValue(new RegExp(brunoText));

  await b.page.getByRole("button", { name: "Salva il mio testo come nuova versione" }).click();
  await b.expectSaved();
  await anna.close();
  await bruno.close();
});

test("unsaved edits survive a closed tab and are offered back", async ({ browser }) => {
  const context = await browser.newContext();
  const editor = new ArticleEditor(await context.newPage());
  await signIn(editor.page, "editor");
  await editor.openFromList(/Metodi di pagamento della bolletta/);
  const url = editor.page.url();
  const draft = `Bozza non salvata ${Date.now()}`;
  await editor.body.fill(`${await editor.body.inputValue()}\n\n${draft}`);
  // Give the autosave its moment, then close the tab without saving.
  await editor.page.waitForTimeout(800);
  await editor.page.close({ runBeforeUnload: false });

  const again = new ArticleEditor(await context.newPage());
  await again.page.goto(url);
  await expect(again.page.getByText("Hai modifiche non salvate")).toBeVisible();
  await again.page.getByRole("button", { name: "Ripristina le modifiche" }).click();
  await expect(again.body).toHaveValue(new RegExp(draft));
  await context.close();
});

test("an oversized body is refused at the field, and the text stays", async ({ page }) => {
  await signIn(page, "editor");
  const editor = new ArticleEditor(page);
  await editor.openFromList(/Rateizzare una bolletta/);
  const huge = "parola ".repeat(16_000);
  await editor.body.fill(huge);
  await editor.saveDraft();
  await expect(page.getByText(/il massimo è 100/)).toBeVisible();
  await expect(editor.body).toHaveValue(huge);
});
