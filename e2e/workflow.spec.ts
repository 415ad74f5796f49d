import { type Browser, expect, type Page, test } from "@playwright/test";
import { ArticleEditor } from "./pages/studio";

// The editorial workflow across two editors: submit, send back, approve; and the admin's distinct-approver rule.
// The second editor (revisore@…) is a demo account listed in README.md; e2e/pages/login.ts names only three roles,
// so this spec signs in by the login form's labels itself.

const ACCOUNTS = {
  editor: { email: "editor@sportello.local", password: "sportello-editor" },
  revisore: { email: "revisore@sportello.local", password: "sportello-editor" },
  admin: { email: "admin@sportello.local", password: "sportello-admin" },
} as const;

async function signInAs(browser: Browser, who: keyof typeof ACCOUNTS): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("button", { name: "Esci" })).toBeVisible();
  return page;
}

const panelOf = (page: Page) => page.getByRole("region", { name: "Revisione e pubblicazione" });

/** Saves a draft with a marker in the body and submits it for review from the workflow panel. */
async function editAndSubmit(editor: ArticleEditor, title: RegExp, marker: string): Promise<void> {
  await editor.openFromList(title);
  await editor.body.fill(`${await editor.body.inputValue()}\n\nNota di verifica ${marker}.`);
  await editor.saveDraft();
  await editor.expectSaved();
  const panel = panelOf(editor.page);
  await expect(panel.getByText("Bozza", { exact: true })).toBeVisible();
  await panel.getByRole("button", { name: "Invia in revisione" }).click();
  await expect(panel.getByRole("status")).toContainText("Inviato in revisione");
  await expect(panel.getByText("In revisione", { exact: true })).toBeVisible();
}

async function setDistinctApprover(admin: Page, on: boolean): Promise<void> {
  await admin.goto("/admin/settings");
  const rule = admin.getByLabel("Richiedi un revisore diverso dall'autore per pubblicare");
  if (on) await rule.check();
  else await rule.uncheck();
  await admin.getByRole("button", { name: "Salva impostazioni" }).click();
  await expect(admin.getByRole("status")).toContainText(/Impostazioni salvate|Nessuna modifica/);
}

test("an editor submits, a second editor sends back then approves, and the portal shows the new text", async ({
  browser,
}) => {
  const marker = `revisione${Date.now().toString(36)}`;
  const editor = new ArticleEditor(await signInAs(browser, "editor"));
  await editAndSubmit(editor, /eSIM: attivazione/, marker);

  const revisore = await signInAs(browser, "revisore");
  await revisore.getByRole("link", { name: "Revisioni", exact: true }).click();
  await expect(revisore.getByRole("heading", { name: "Revisioni", exact: true })).toBeVisible();
  const row = revisore.getByRole("row", { name: /eSIM: attivazione/ });
  await expect(row).toContainText("Elena Editor");

  // Sent back from the article's panel, with a comment the author then sees.
  await row.getByRole("link", { name: /eSIM: attivazione/ }).click();
  const reviewPanel = panelOf(revisore);
  await reviewPanel.getByRole("button", { name: "Rimanda indietro" }).click();
  await reviewPanel
    .getByLabel("Commento per l'autore")
    .fill("Aggiungi il link alla lista dei telefoni compatibili.");
  await reviewPanel.getByRole("button", { name: "Rimanda all'autore" }).click();
  await expect(reviewPanel.getByRole("status")).toContainText("Rimandato all'autore");
  // Readers still see the published version meanwhile.
  await revisore.goto("/a/esim-attivazione");
  await expect(revisore.getByRole("main")).not.toContainText(marker);

  await editor.page.reload();
  const authorPanel = panelOf(editor.page);
  await expect(authorPanel).toContainText("Aggiungi il link alla lista dei telefoni compatibili.");
  await authorPanel.getByRole("button", { name: "Invia in revisione" }).click();
  await expect(authorPanel.getByRole("status")).toContainText("Inviato in revisione");

  // Approved inline from the queue.
  await revisore.goto("/studio/reviews");
  const again = revisore.getByRole("row", { name: /eSIM: attivazione/ });
  await again.getByRole("button", { name: "Approva e pubblica" }).click();
  // The row leaves the queue; the page confirms what happened.
  await expect(revisore.getByRole("status").filter({ hasText: "approvato e pubblicato" })).toContainText(
    "eSIM: attivazione",
  );

  // The portal page is cached; the publish refreshes it within a moment.
  await expect(async () => {
    await revisore.goto("/a/esim-attivazione");
    await expect(revisore.getByRole("main")).toContainText(marker, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await revisore.goto("/admin/audit");
  await expect(revisore.getByRole("heading", { name: "Registro attività" })).toHaveCount(0);
});

test("with a distinct approver required, the author cannot approve their own version; another editor can", async ({
  browser,
}) => {
  const marker = `quattrocchi${Date.now().toString(36)}`;
  const admin = await signInAs(browser, "admin");
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await setDistinctApprover(admin, true);
  try {
    const editor = new ArticleEditor(await signInAs(browser, "editor"));
    await editAndSubmit(editor, /SIM bloccata: dove trovare il codice PUK/, marker);
    const panel = panelOf(editor.page);
    await expect(panel.getByRole("button", { name: "Approva e pubblica" })).toBeDisabled();
    await expect(panel).toContainText("Sei l'autore: serve un altro revisore.");

    await editor.page.goto("/studio/reviews");
    const ownRow = editor.page.getByRole("row", { name: /codice PUK/ });
    await expect(ownRow.getByRole("button", { name: "Approva e pubblica" })).toBeDisabled();

    const revisore = await signInAs(browser, "revisore");
    await revisore.goto("/studio/reviews");
    await revisore
      .getByRole("row", { name: /codice PUK/ })
      .getByRole("link", { name: /codice PUK/ })
      .click();
    const reviewPanel = panelOf(revisore);
    await reviewPanel.getByRole("button", { name: "Approva e pubblica" }).click();
    await expect(reviewPanel.getByRole("status")).toContainText("Approvato e pubblicato");
    await expect(reviewPanel.getByText("Pubblicato", { exact: true })).toBeVisible();

    // The admin's audit log shows the publication by the reviewer.
    await admin.goto("/admin/audit");
    await admin.getByLabel("Tipo di azione").selectOption("article.publish");
    await admin.getByRole("button", { name: "Filtra" }).click();
    await expect(admin.getByRole("row", { name: /Roberto Revisore/ }).first()).toBeVisible();
  } finally {
    // Other specs publish directly from the editor, which the rule refuses to editors.
    await setDistinctApprover(admin, false);
  }
});
