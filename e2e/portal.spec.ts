import { expect, test } from "@playwright/test";
import { demoArticles } from "./content";

// The public portal (issue 6): Italian at the root, English under /en.

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a customer searches with a typo from the home page and filters by product", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await page.getByRole("searchbox", { name: "Cerca nel centro assistenza" }).fill("sim smarita");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=sim\+smarita/);
    const result = page.getByRole("link", { name: /SIM smarrita, rubata o danneggiata/ });
    await expect(result).toBeVisible();
    await expect(page.locator(".search-results mark").first()).toBeVisible();

    await page.getByLabel("Prodotto").selectOption("mobile");
    await page.getByRole("button", { name: "Applica" }).click();
    await expect(page).toHaveURL(/product=mobile/);
    await expect(result).toBeVisible();
    await result.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/SIM smarrita, rubata o danneggiata/);
  });

  test("a search with no results says so and offers the topics", async ({ page }) => {
    await page.goto("/search?q=zzxqvkw");
    await expect(page.getByText("Nessun risultato per «zzxqvkw».")).toBeVisible();
    await expect(page.locator(".tiles .tile").first()).toBeVisible();
  });
});

test("the language switch lands on the translation, and pages carry hreflang links", async ({ page }) => {
  await page.goto("/a/sim-smarrita-rubata-sostituzione");
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    /\/en\/a\/lost-or-stolen-sim$/,
  );
  await page.getByRole("link", { name: "Read this page in English" }).click();
  await expect(page).toHaveURL(/\/en\/a\/lost-or-stolen-sim$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Lost, stolen or damaged SIM/);
  await page.getByRole("link", { name: "Leggi questa pagina in italiano" }).click();
  await expect(page).toHaveURL(/\/a\/sim-smarrita-rubata-sostituzione$/);
});

test("category and product pages list their public articles; internal ones are 404 in both languages", async ({
  page,
}) => {
  await page.goto("/c/sim-e-portabilita");
  await expect(page.getByRole("link", { name: /SIM smarrita, rubata o danneggiata/ })).toBeVisible();
  await page.goto("/en/p/mobile");
  await expect(page.getByRole("link", { name: /Lost, stolen or damaged SIM/ })).toBeVisible();

  const internal = demoArticles().find((a) => a.visibility === "internal" && a.status === "published");
  expect(internal).toBeDefined();
  for (const path of [`/a/${internal?.slug}`, `/en/a/${internal?.slug}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  // A topic with only internal articles has no public page at all.
  const onlyInternal = await page.goto("/c/procedure-interne");
  expect(onlyInternal?.status()).toBe(404);
});

test("/it addresses redirect to the unprefixed Italian page", async ({ page }) => {
  await page.goto("/it/a/sim-smarrita-rubata-sostituzione");
  await expect(page).toHaveURL(/\/a\/sim-smarrita-rubata-sostituzione$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
});

test("sitemap.xml lists public pages in both languages and nothing internal; robots.txt points to it", async ({
  request,
}) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/a/sim-smarrita-rubata-sostituzione</loc>");
  expect(sitemap).toContain("/en/a/lost-or-stolen-sim</loc>");
  expect(sitemap).toContain("/c/sim-e-portabilita</loc>");
  for (const a of demoArticles().filter((x) => x.visibility === "internal" || x.status !== "published")) {
    expect(sitemap, a.slug).not.toContain(`/a/${a.slug}<`);
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /studio");
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test("an article page carries canonical, Open Graph and Article + BreadcrumbList JSON-LD", async ({
  page,
}) => {
  await page.goto("/en/a/lost-or-stolen-sim");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/en\/a\/lost-or-stolen-sim$/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.flatMap((b) => JSON.parse(b) as { "@type": string }[]);
  expect(data.map((d) => d["@type"])).toEqual(["Article", "BreadcrumbList"]);
});
