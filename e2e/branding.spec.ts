import { expect, test } from "@playwright/test";
import { tinyPng } from "../lib/uploads/test-files";
import { BrandingAdmin } from "./pages/branding";
import { signIn } from "./pages/login";

// Portal branding set by an admin (issue 6 point 9). The suite shares one server and data dir: the last step puts
// the default branding back, so the other specs see the portal as shipped.

test.describe.configure({ mode: "serial" });

const NAME = "Assistenza Acme";
const PRIMARY = "#7a1f5c";
const LOGO = tinyPng([0x7a, 0x1f, 0x5c, 0xff]);

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin", "/admin/branding");
  const admin = new BrandingAdmin(page);
  await admin.open();
  await admin.resetToDefaults();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Centro assistenza", exact: true })).toBeVisible();
  await context.close();
});

test("an admin sets name, colour, footer link and logo; the portal home shows them", async ({ page }) => {
  await signIn(page, "admin", "/admin/branding");
  const admin = new BrandingAdmin(page);
  await admin.open();

  await admin.nameIt.fill(NAME);
  await admin.primaryHex.fill(PRIMARY);
  await admin.addLink(1, "Contatti", "https://acme.example/contatti");
  await admin.logoFile.setInputFiles({ name: "acme.png", mimeType: "image/png", buffer: LOGO });
  await expect(page.getByRole("img", { name: `Anteprima del logo di ${NAME}` })).toBeVisible();
  await admin.save();
  await admin.expectSaved();

  await page.goto("/");
  await expect(page).toHaveTitle(NAME);
  const home = page.getByRole("banner").getByRole("link", { name: NAME, exact: true });
  await expect(home).toBeVisible();
  const logo = home.getByRole("img", { name: NAME });
  await expect(logo).toBeVisible();
  const src = await logo.getAttribute("src");
  expect(src).toMatch(/^\/branding\/logo\?v=[0-9a-f]{12}$/);
  const brand = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("--brand").trim());
  expect(brand).toBe(PRIMARY);
  const footer = page.getByRole("navigation", { name: "Link utili" });
  await expect(footer.getByRole("link", { name: "Contatti" })).toHaveAttribute(
    "href",
    "https://acme.example/contatti",
  );

  // The logo itself: the uploaded bytes, cached for a year under its hash, never sniffed as anything else.
  const res = await page.request.get(src ?? "");
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body()).equals(LOGO)).toBe(true);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  // English has no name of its own yet: the English messages' name, with the same logo and links.
  await page.goto("/en");
  await expect(
    page.getByRole("banner").getByRole("link", { name: "Help centre", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Useful links" }).getByRole("link")).toHaveText([
    "Contatti",
  ]);

  // Still usable on a 360 px phone: the header wraps, nothing is wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/c/sim-e-portabilita");
  await expect(
    page.getByRole("navigation", { name: "Percorso" }).getByRole("link", { name: NAME, exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("banner").getByRole("img", { name: NAME })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a primary colour with too little contrast is refused at the field, with its ratio", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin/branding");
  const admin = new BrandingAdmin(page);
  await admin.open();
  await admin.primaryHex.fill("#ffff00");
  await admin.save();
  await expect(page.getByRole("alert").filter({ hasText: "nulla è stato salvato" })).toBeVisible();
  await expect(page.getByText(/Contrasto insufficiente: 1,00:1 con lo sfondo della pagina/)).toBeVisible();
  // Next to the field and named by it, so a screen reader hears it on the field.
  await expect(admin.primaryHex).toHaveAttribute("aria-invalid", "true");
  await expect(admin.primaryHex).toHaveAccessibleDescription(/Contrasto insufficiente: 1,00:1/);

  await page.goto("/");
  const brand = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("--brand").trim());
  expect(brand).toBe(PRIMARY);
});

test("an editor cannot open the branding page", async ({ page }) => {
  await signIn(page, "editor");
  const res = await page.goto("/admin/branding");
  expect(res?.status()).toBe(404);
});
