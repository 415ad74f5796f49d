import { expect, type Page, test } from "@playwright/test";
import { AgentConsole } from "./pages/agent";
import { signIn } from "./pages/login";
import { ArticleEditor } from "./pages/studio";

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("button", { name: "Esci" })).toBeVisible();
}

test("an editor writes an article with a too-long SMS, fixes it, submits; a second editor approves; agents find it", async ({
  browser,
}) => {
  const marker = `tucano${Date.now().toString(36)}`;
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, "editor");

  await author.goto("/studio/articles/new");
  await author.getByLabel("Titolo").fill(`Rimborso con bonifico ${marker}`);
  await author.getByLabel("Sommario").fill("Come chiedere il rimborso di un credito con bonifico.");
  await author
    .getByLabel("Testo (Markdown)")
    .fill(`Il rimborso ${marker} arriva con bonifico entro 30 giorni.`);
  await author.getByRole("button", { name: "Crea bozza" }).click();
  await expect(author).toHaveURL(/\/studio\/articles\/\d+$/);

  const editor = new ArticleEditor(author);
  const sms = editor.section("sms");
  // 170 characters with a typographic apostrophe: UCS-2, three parts.
  const tooLong = `Gentile cliente, l’importo le sarà rimborsato con bonifico entro 30 giorni dalla richiesta. ${"Dettagli nell'area clienti. ".repeat(3)}`;
  await editor.answer("SMS").fill(tooLong);
  await expect(sms).toContainText("UCS-2");
  await expect(sms).toContainText(/3 SMS/);
  await expect(sms).toContainText("forzano UCS-2");
  await expect(sms).toContainText(/Avviso/);

  await editor.answer("SMS").fill(`Rimborso ${marker}: bonifico entro 30 giorni. Info nell'area clienti.`);
  await expect(sms).toContainText(/1 SMS · GSM-7/);
  await editor.changeNote.fill("Prima stesura");
  await editor.saveDraft();
  await editor.expectSaved();

  await author.getByRole("button", { name: "Invia in revisione" }).click();
  await expect(author.getByText("In revisione").first()).toBeVisible();
  const articleUrl = author.url();

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAs(reviewer, "revisore@sportello.local", "sportello-editor");
  await reviewer.goto("/studio/reviews");
  await expect(reviewer.getByRole("link", { name: new RegExp(marker) })).toBeVisible();
  await reviewer.goto(articleUrl);
  await reviewer.getByRole("button", { name: "Approva e pubblica" }).click();
  await expect(reviewer.getByText("Pubblicato").first()).toBeVisible();

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, "agent", "/agent");
  const agent = new AgentConsole(agentPage);
  await agent.goto();
  await expect(async () => {
    await agent.type(marker);
    await expect(agent.result(/Rimborso con bonifico/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await authorContext.close();
  await reviewerContext.close();
  await agentContext.close();
});
