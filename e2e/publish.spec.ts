import { expect, test } from "@playwright/test";
import { AgentConsole } from "./pages/agent";
import { signIn } from "./pages/login";

test("an editor changes an article and publishes it, and the agent finds the new text", async ({
  browser,
}) => {
  const marker = `zefiro${Date.now().toString(36)}`;
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor", "/studio");
  await editor.goto("/studio");
  await editor
    .getByRole("link", { name: /Cambiare l'IBAN/ })
    .first()
    .click();
  await expect(editor.getByLabel("Titolo")).toBeVisible();

  const body = editor.getByLabel("Testo (Markdown)");
  await body.fill(`${await body.inputValue()}\n\nCodice promozione ${marker}: nessun costo per il cambio.`);
  const sms = editor.getByLabel("Risposta SMS");
  await sms.fill(`Cambio IBAN gratuito, codice ${marker}.`);
  await editor.getByLabel("Nota di modifica").fill("Aggiunto codice promozione");
  await editor.getByRole("button", { name: "Salva e pubblica" }).click();
  await expect(editor.getByRole("status")).toContainText("pubblicata");

  const agentContext = await browser.newContext();
  const page = await agentContext.newPage();
  await signIn(page, "agent", "/agent");
  const agent = new AgentConsole(page);
  await agent.goto();
  // Publishing is synchronous in SQLite and asynchronous to search (the outbox): allow the worker a moment.
  await expect(async () => {
    await agent.type(marker);
    await expect(agent.result(/IBAN/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await agent.result(/IBAN/).click();
  await expect(page.locator(".prose").first()).toContainText(marker);
  await expect(page.getByRole("region", { name: "Risposta SMS" })).toContainText(marker);

  await editorContext.close();
  await agentContext.close();
});
