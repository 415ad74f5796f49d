import { expect, test } from "@playwright/test";
import { AgentConsole } from "./pages/agent";
import { signIn } from "./pages/login";

test("an agent signs in, searches with a typo and opens the channel answers", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "agent", "/agent");
  const agent = new AgentConsole(page);
  await agent.goto();

  // "modme" and "spie" → the fibre fault article, despite the typo.
  await agent.type("modme spie");
  const hit = agent.result(/La fibra non funziona/);
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark").first()).toBeVisible();
  await hit.click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("La fibra non funziona");
  // Agents see internal blocks, marked as such.
  await expect(page.locator(".internal-block").first()).toContainText("Solo interno");

  const sms = page.getByRole("region", { name: "Risposta SMS" });
  await expect(sms).toBeVisible();
  await expect(sms).toContainText(/GSM-7|UCS-2/);
  const email = page.getByRole("region", { name: "Risposta Email" });
  await expect(email).toContainText("Oggetto:");

  await sms.getByRole("button", { name: "Copia" }).click();
  await expect(sms.getByRole("status")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(20);
});
