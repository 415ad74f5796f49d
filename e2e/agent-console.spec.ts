import { expect, test } from "@playwright/test";
import { AgentConsole } from "./pages/agent";
import { signIn } from "./pages/login";

// Issue 5 point 8, console side. Keys only from the search box to the clipboard; the mouse is never used.

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("keyboard only: a misspelled query to a copied SMS with the customer's name filled in", async ({
  page,
}) => {
  await signIn(page, "agent", "/agent");
  const agent = new AgentConsole(page);
  await agent.goto();

  await page.keyboard.press("/");
  await expect(agent.search).toBeFocused();
  await page.keyboard.type("sim smarita", { delay: 30 });
  // "smarita" (one r) still finds the lost-SIM article, first.
  await expect(agent.results.first()).toContainText("SIM smarrita");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await expect(agent.results.first()).toHaveClass(/selected/);
  await page.keyboard.press("Enter");

  const panel = agent.panel(/SIM smarrita/);
  await expect(panel).toBeFocused();
  // Internal notes are shown to agents, marked.
  await expect(panel.locator(".internal-block").first()).toContainText("Solo interno");

  // The help overlay lists the shortcuts and closes with Esc.
  await page.keyboard.press("?");
  await expect(agent.shortcutHelp).toBeVisible();
  await expect(agent.shortcutHelp).toContainText("Ctrl+Invio");
  await page.keyboard.press("Escape");
  await expect(agent.shortcutHelp).toBeHidden();

  // 6 = SMS (ANSWER_CHANNELS order).
  await page.keyboard.press("6");
  const sms = agent.answer("SMS");
  await expect(sms).toBeVisible();
  await expect(panel.getByRole("button", { name: "SMS", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(sms).toContainText(/GSM-7|UCS-2/);

  // Copying with the name still missing only warns, and the token is visibly marked.
  await expect(sms.locator(".var-missing").first()).toHaveText("{{customer.firstName}}");
  await page.keyboard.press("c");
  await expect(sms.getByRole("alert")).toContainText("Mancano: Nome del cliente");

  // v jumps to the variables; the preview fills in as the agent types.
  await page.keyboard.press("v");
  await expect(sms.getByLabel("Nome del cliente")).toBeFocused();
  await page.keyboard.type("Giulia");
  await expect(sms.locator(".var-filled").first()).toHaveText("Giulia");
  await expect(sms.locator(".var-missing")).toHaveCount(0);

  await page.keyboard.press("Control+Enter");
  await expect(sms.getByRole("status")).toContainText("Copiato");
  const copied = await agent.readClipboard();
  expect(copied).toContain("Giulia");
  expect(copied).toContain("SIM");
  expect(copied).not.toContain("{{");

  // Esc goes back to the search box, ready for the next question.
  await page.keyboard.press("Escape");
  await expect(agent.search).toBeFocused();
});

test("a screen-pop URL runs the search, opens the answer for its channel and fills the variables", async ({
  page,
}) => {
  const url =
    "/agent?q=sim%20smarrita&channel=email&customer.firstName=Giulia&customer.lastName=Neri" +
    "&ticket.id=TK-1&open=1&utm_source=crm";
  // Signing in from the screen-pop URL comes back to it with its parameters.
  await signIn(page, "agent", url);
  const agent = new AgentConsole(page);
  await agent.goto(url);

  await expect(agent.search).toHaveValue("sim smarrita");
  const panel = agent.panel(/SIM smarrita/);
  await expect(panel).toBeVisible();
  const email = agent.answer("Email");
  await expect(email).toBeVisible();
  await expect(email.getByLabel("Nome del cliente")).toHaveValue("Giulia");
  // The signed-in agent's first name (demo agent "Andrea Agente") is prefilled.
  await expect(email.getByLabel("Nome dell'operatore")).toHaveValue("Andrea");
  // Only the variables the answer uses are asked for.
  await expect(email.getByLabel("Numero di pratica")).toHaveCount(0);
  await expect(email).toContainText("Gentile Giulia,");

  await panel.focus();
  await page.keyboard.press("c");
  await expect(email.getByRole("status")).toContainText("Copiato");
  const copied = await agent.readClipboard();
  expect(copied).toMatch(/^Oggetto: .*SIM/);
  expect(copied).toContain("Gentile Giulia,");
  expect(copied).toContain("Andrea");
  expect(copied).not.toContain("{{");

  // 1 = phone: t opens the teleprompter with the read-aloud time; Esc closes it.
  await page.keyboard.press("1");
  await expect(agent.answer("Telefono")).toBeVisible();
  await page.keyboard.press("t");
  const prompter = page.getByRole("dialog", { name: /Teleprompter/ });
  await expect(prompter).toBeVisible();
  await expect(prompter).toContainText(/circa \d+ s letto ad alta voce/);
  await page.keyboard.press("Escape");
  await expect(prompter).toBeHidden();

  // 2 = IVR: its SSML is one click away.
  await page.keyboard.press("2");
  const ivr = agent.answer("IVR / voicebot");
  await ivr.getByText("SSML").click();
  await expect(ivr.locator("pre")).toContainText("<speak>");
});

test("a search with no results explains what to try", async ({ page }) => {
  await signIn(page, "agent", "/agent");
  const agent = new AgentConsole(page);
  await agent.goto();
  await agent.type("zzqxw kkjjv");

  const results = page.getByRole("region", { name: "Risultati" });
  await expect(results).toContainText("Nessun articolo per “zzqxw kkjjv”");
  await expect(results.getByRole("heading", { name: "Prova così" })).toBeVisible();
  await expect(results.getByRole("button", { name: "Cerca “zzqxw”" })).toBeVisible();
  await expect(results.getByRole("heading", { name: "Argomenti frequenti" })).toBeVisible();

  // A topic lists its articles, reached with the keyboard too.
  await results.getByRole("button", { name: "Bollette e pagamenti" }).focus();
  await page.keyboard.press("Enter");
  await expect(agent.results.first()).toBeVisible();
  await expect(page.getByLabel("Categoria")).toHaveValue("bollette-e-pagamenti");
});
