import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "yaml";
import { signIn } from "./pages/login";

// A fact change must reach every answer that uses it without anyone re-publishing the articles
// (DESIGN.md "Facts"). The e2e database is imported from content/, so the original value comes from there.
const original = (
  parse(readFileSync(join("content", "facts.yaml"), "utf8")) as { key: string; values: { it: string } }[]
).find((f) => f.key === "support_phone")?.values.it;

async function setSupportPhone(editor: Page, value: string): Promise<void> {
  await editor.goto("/studio/facts");
  await editor.getByRole("button", { name: "Modifica support_phone", exact: true }).click();
  const form = editor.getByRole("form", { name: "Modifica support_phone", exact: true });
  await form.getByLabel("Valore (italiano)").fill(value);
  await form.getByRole("button", { name: "Salva" }).click();
  await expect(form.getByRole("status")).toContainText("Salvato");
}

test("an editor changes a fact and the agent sees the new value in the article and its answers", async ({
  browser,
}) => {
  expect(original).toBeTruthy();
  // Digits only from the run's clock, so the number is new and still a phone number.
  const fresh = `800 ${String(Date.now()).slice(-6, -3)} ${String(Date.now()).slice(-3)}`;

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor", "/studio/facts");
  try {
    await editor.goto("/studio/facts");
    const row = editor.getByRole("row", { name: /\{\{fact\.support_phone\}\}/ });
    await expect(row).toContainText(original ?? "");
    await setSupportPhone(editor, fresh);
    await expect(
      editor.getByRole("form", { name: "Modifica support_phone", exact: true }).getByRole("status"),
    ).toContainText(/Reindicizzazione di \d+ articoli/);
    await expect(row).toContainText(fresh);

    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await signIn(agent, "agent", "/agent");
    // cambio-iban names {{fact.support_phone}} in its body only (none of its answers use it)…
    await agent.goto("/agent/a/cambio-iban-addebito-diretto");
    await expect(agent.locator(".prose").first()).toContainText(fresh);
    await expect(agent.locator(".prose").first()).not.toContainText(original ?? "");
    // …so the answers are checked where they do use it: the chat and chatbot answers of the lost-SIM article.
    await agent.goto("/agent/a/sim-smarrita-rubata-sostituzione");
    await expect(agent.getByRole("region", { name: "Risposta Chat", exact: true })).toContainText(fresh);
    await expect(agent.getByRole("region", { name: "Risposta Chatbot" })).toContainText(fresh);
    await agentContext.close();
  } finally {
    // Leave the shared e2e database as the other specs expect it.
    await setSupportPhone(editor, original ?? "800 123 456");
    await editorContext.close();
  }
});
