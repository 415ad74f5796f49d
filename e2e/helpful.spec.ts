import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./pages/login";

// "Was this helpful?" on the portal (issue 6 point 3) and what editors see of it. Every request comes from
// 127.0.0.1 and the endpoint allows a burst of 10 per address: this file sends 5.

const SLUG = "sim-smarrita-rubata-sostituzione";
const QUESTION = "Questo articolo ti è stato utile?";

/** The widget at the end of an article: a region named by its question. */
const widget = (page: Page, question = QUESTION) => page.getByRole("region", { name: question });

test("a visitor votes No with a comment, keeps the thanks on reload, cannot vote twice; an editor reads it", async ({
  page,
  browser,
  baseURL,
}) => {
  const comment = `Non spiega come bloccare la eSIM dall'app (${Date.now()})`;
  await page.goto(`/a/${SLUG}`);
  const version = Number(await widget(page).locator('input[name="version"]').inputValue());
  expect(version).toBeGreaterThan(0);

  await widget(page)
    .getByRole("group", { name: QUESTION })
    .getByRole("button", { name: "No", exact: true })
    .click();
  await expect(widget(page).getByRole("status")).toHaveText("Grazie per la tua risposta!");
  const box = widget(page).getByLabel("Che cosa stavi cercando?");
  await expect(box).toBeFocused();
  await box.fill(comment);
  await widget(page).getByRole("button", { name: "Invia commento" }).click();
  await expect(widget(page).getByRole("status")).toHaveText("Grazie, abbiamo ricevuto il tuo commento.");

  await page.reload();
  await expect(widget(page).getByRole("status")).toHaveText("Grazie, abbiamo ricevuto il tuo commento.");
  await expect(widget(page).getByRole("button", { name: "No", exact: true })).toHaveCount(0);

  // The same visitor (same cookie) voting again, this time directly: refused.
  const again = await page.request.post("/api/portal/feedback", {
    data: { slug: SLUG, version, helpful: true },
    headers: { Origin: baseURL ?? "" },
  });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ code: "already_voted", result: "already" });
  // Another site cannot make a visitor's browser vote.
  const crossSite = await page.request.post("/api/portal/feedback", {
    data: { slug: SLUG, version, helpful: true },
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);

  const context = await browser.newContext();
  const editor = await context.newPage();
  await signIn(editor, "editor");
  await editor.goto("/studio");
  await editor
    .getByRole("link", { name: /SIM smarrita, rubata o danneggiata/ })
    .first()
    .click();
  const panel = editor.getByRole("region", { name: "Feedback dal portale" });
  await expect(panel.getByRole("table", { name: "Voti per versione pubblicata" })).toContainText(
    `v${version}`,
  );
  await expect(panel.getByRole("row").filter({ hasText: comment })).toContainText("Non utile");

  await editor
    .getByRole("navigation", { name: "Studio" })
    .getByRole("link", { name: "Feedback portale" })
    .click();
  await expect(editor.getByRole("heading", { level: 1, name: "Feedback portale" })).toBeVisible();
  const row = editor
    .getByRole("table", { name: "Commenti dei visitatori" })
    .getByRole("row")
    .filter({ hasText: comment });
  await expect(row).toContainText("Non utile");
  await row.getByRole("link", { name: /SIM smarrita, rubata o danneggiata/ }).click();
  await expect(editor).toHaveURL(/\/studio\/articles\/\d+$/);

  await editor.goto("/studio/portal");
  await editor.getByLabel("Voto").selectOption("yes");
  await editor.getByRole("button", { name: "Filtra" }).click();
  await expect(editor).toHaveURL(/helpful=yes/);
  await expect(editor.getByText(comment)).toHaveCount(0);
  await editor.getByLabel("Voto").selectOption("no");
  await editor.getByRole("button", { name: "Filtra" }).click();
  await expect(editor.getByText(comment)).toBeVisible();
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form lands on the confirmation page, which takes a comment too", async ({ page }) => {
    await page.goto("/en/a/lost-or-stolen-sim");
    await widget(page, "Was this article helpful?").getByRole("button", { name: "Yes", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/feedback\?.*result=thanks/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your feedback");
    await expect(page.getByText("Thank you for your feedback!")).toBeVisible();

    await page.getByLabel("Anything to add?").fill("Clear and quick, thank you.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect(page).toHaveURL(/\/en\/feedback\?.*result=commented/);
    await expect(page.getByText("Thank you, we have received your comment.")).toBeVisible();
    await page.getByRole("link", { name: /Back to “Lost, stolen or damaged SIM/ }).click();
    await expect(page).toHaveURL(/\/en\/a\/lost-or-stolen-sim$/);
  });
});
