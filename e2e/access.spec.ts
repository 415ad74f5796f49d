import { expect, test } from "@playwright/test";
import { demoArticles, internalFactValues } from "./content";
import { signIn } from "./pages/login";

test.describe("an anonymous visitor", () => {
  test("is sent to sign in for /agent and /studio", async ({ page }) => {
    for (const path of ["/agent", "/studio", "/studio/articles/1", "/agent/a/fibra-non-funziona-cosa-fare"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      await expect(page.getByRole("heading", { name: "Accedi a Sportello" })).toBeVisible();
    }
  });

  test("gets 401 problem details from /api/search", async ({ request }) => {
    const res = await request.get("/api/search?q=bolletta");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    const body = await res.json();
    expect(body.code).toBe("unauthenticated");
    expect(JSON.stringify(body)).not.toContain("bolletta");
  });

  test("never sees internal content on the portal", async ({ page }) => {
    const secrets = internalFactValues();
    await page.goto("/a/fibra-non-funziona-cosa-fare");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("fibra");
    const html = await page.content();
    expect(html).not.toContain("internal-block");
    expect(html).not.toContain("Solo interno");
    for (const secret of secrets) expect(html).not.toContain(secret);

    await page.goto("/");
    const home = await page.content();
    for (const article of demoArticles().filter((a) => a.visibility === "internal")) {
      expect(home).not.toContain(article.title);
      const res = await page.goto(`/a/${article.slug}`);
      expect(res?.status(), `internal article ${article.slug}`).toBe(404);
    }
    for (const article of demoArticles().filter((a) => a.status !== "published")) {
      const res = await page.goto(`/a/${article.slug}`);
      expect(res?.status(), `${article.status} article ${article.slug}`).toBe(404);
    }
  });

  test("is told clearly when the password is wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill("agent@sportello.local");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "E-mail o password non corretti" })).toBeVisible();
  });
});

test("an agent cannot open the studio", async ({ page }) => {
  await signIn(page, "agent");
  const res = await page.goto("/studio");
  expect(res?.status()).toBe(404);
});

test("an editor cannot open the admin pages, and an anonymous visitor is sent to sign in", async ({
  page,
  browser,
}) => {
  await signIn(page, "editor");
  for (const path of ["/admin/settings", "/admin/audit", "/admin/api-keys"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const anonymous = await browser.newContext();
  const stranger = await anonymous.newPage();
  await stranger.goto("/admin/audit");
  await expect(stranger).toHaveURL(/\/login\?callbackUrl=/);
  await anonymous.close();
});

test("GET /api/search, answered by the server before Next: an agent's session, zod errors and headers", async ({
  page,
}) => {
  await signIn(page, "agent");
  const ok = await page.request.get("/api/search?q=bolleta&limit=3");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["cache-control"]).toBe("private, no-store");
  expect(ok.headers()["x-content-type-options"]).toBe("nosniff");
  expect(ok.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const body = await ok.json();
  expect(body.hits.length).toBeGreaterThan(0);
  expect(body.hits.length).toBeLessThanOrEqual(3);

  const tooLong = await page.request.get(`/api/search?q=${"a".repeat(201)}`);
  expect(tooLong.status()).toBe(400);
  expect(tooLong.headers()["content-type"]).toContain("application/problem+json");
  expect((await tooLong.json()).code).toBe("invalid_request");

  const injected = await page.request.get(`/api/search?q=x&product=${encodeURIComponent('a" OR 1=1')}`);
  expect(injected.status()).toBe(400);

  // Only GET and HEAD are direct; anything else reaches Next, which has no such route handler.
  const post = await page.request.post("/api/search", { data: {} });
  expect(post.status()).toBe(404);
});
