import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { checkAgainstSchema } from "../lib/api/schema-check";
import { demoArticles, internalFactValues } from "./content";
import { ApiKeysAdmin } from "./pages/api-keys";
import { signIn } from "./pages/login";

// API v1 against the real server (issue 7; docs/decisions/018-api-v1.md): an admin creates keys in the UI and the
// secrets shown there call every endpoint; every error case; the answers match the served OpenAPI document.

test.describe.configure({ mode: "serial" });

const PUBLIC_ARTICLE = "sim-smarrita-rubata-sostituzione";
const INTERNAL_ARTICLE = demoArticles().find((a) => a.visibility === "internal" && a.status === "published");
const run = Date.now().toString(36);
const names = { public: `E2E pubblica ${run}`, internal: `E2E interna ${run}`, limited: `E2E limite ${run}` };
const keys = { public: "", internal: "", limited: "" };

type Doc = {
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> } }
  >;
};

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

async function expectProblem(
  res: Awaited<ReturnType<APIRequestContext["get"]>>,
  status: number,
  code: string,
  doc: Doc,
) {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = (await res.json()) as { code: string };
  expect(body.code).toBe(code);
  expect(checkAgainstSchema(body, { $ref: "#/components/schemas/Problem" }, doc as never)).toEqual([]);
  return body;
}

test("an admin creates a public, an internal and a rate-limit key; each secret is shown once", async ({
  page,
}) => {
  await signIn(page, "admin", "/admin/api-keys");
  const admin = new ApiKeysAdmin(page);
  await admin.open();
  keys.public = await admin.create(names.public, "public");
  keys.internal = await admin.create(names.internal, "internal");
  keys.limited = await admin.create(names.limited, "public");
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await page.reload();
  await expect(page.getByLabel("Chiave segreta")).toHaveCount(0);
  const html = await page.content();
  for (const secret of Object.values(keys)) expect(html).not.toContain(secret);
});

test("every documented path answers its documented shape, with either key", async ({ request }) => {
  const docRes = await request.get("/api/v1/openapi.json");
  expect(docRes.status()).toBe(200);
  const doc = (await docRes.json()) as Doc;
  const examples: Record<string, string> = {
    "/api/v1/search": "/api/v1/search?q=sim%20rubata&channel=sms&vars[customer.firstName]=Anna",
    "/api/v1/articles/{idOrSlug}": `/api/v1/articles/${PUBLIC_ARTICLE}`,
    "/api/v1/products": "/api/v1/products",
    "/api/v1/categories": "/api/v1/categories?locale=en",
    "/api/v1/openapi.json": "/api/v1/openapi.json",
  };
  expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(examples).sort());
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const key of [keys.public, keys.internal]) {
      const res = await request.get(examples[path] as string, { headers: bearer(key) });
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cache-control"]).toBe("no-store");
      const schema = item.get.responses["200"]?.content?.["application/json"]?.schema ?? {};
      expect(checkAgainstSchema(await res.json(), schema, doc as never), path).toEqual([]);
    }
  }
});

test("search: the public key sees public articles only, answers shaped per channel and filled", async ({
  request,
}) => {
  const secrets = internalFactValues();
  const sms = await (
    await request.get("/api/v1/search?q=sim%20rubata&channel=sms&vars[customer.firstName]=Anna", {
      headers: { "X-Api-Key": keys.public },
    })
  ).json();
  expect(sms.audience).toBe("public");
  const hit = sms.hits.find((h: { slug: string }) => h.slug === PUBLIC_ARTICLE);
  expect(hit.url).toMatch(new RegExp(`/a/${PUBLIC_ARTICLE}$`));
  expect(hit.answers).toHaveLength(1);
  expect(hit.answers[0].channel).toBe("sms");
  expect(hit.answers[0].text).toMatch(/^Levante: Anna, SIM bloccata\./);
  expect(hit.answers[0].text).not.toContain("{{");

  const ivr = (
    await (
      await request.get("/api/v1/search?q=sim%20rubata&channel=ivr", { headers: bearer(keys.public) })
    ).json()
  ).hits.find((h: { slug: string }) => h.slug === PUBLIC_ARTICLE).answers[0];
  expect(ivr.ssml).toMatch(/^<speak[\s\S]*<\/speak>$/);
  expect(ivr.text).not.toMatch(/<speak/);

  const bot = (
    await (
      await request.get("/api/v1/search?q=sim%20rubata&channel=chatbot", { headers: bearer(keys.public) })
    ).json()
  ).hits.find((h: { slug: string }) => h.slug === PUBLIC_ARTICLE).answers[0];
  expect(bot.articleUrl).toMatch(new RegExp(`/a/${PUBLIC_ARTICLE}$`));
  expect(bot.text.endsWith(bot.articleUrl)).toBe(true);

  const internalCategory = await (
    await request.get("/api/v1/search?q=cliente&category=procedure-interne", { headers: bearer(keys.public) })
  ).json();
  expect(internalCategory.hits).toEqual([]);
  const all = JSON.stringify(sms) + JSON.stringify(internalCategory);
  for (const secret of secrets) expect(all).not.toContain(secret);

  const internal = await (
    await request.get("/api/v1/search?q=cliente&category=procedure-interne", {
      headers: bearer(keys.internal),
    })
  ).json();
  expect(internal.audience).toBe("internal");
  expect(internal.hits.length).toBeGreaterThan(0);
  expect(internal.hits.every((h: { visibility: string }) => h.visibility === "internal")).toBe(true);
});

test("articles: public view without internal blocks or facts; 404 for an internal one", async ({
  request,
}) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  const article = await (
    await request.get(`/api/v1/articles/${PUBLIC_ARTICLE}`, { headers: bearer(keys.public) })
  ).json();
  expect(article.slug).toBe(PUBLIC_ARTICLE);
  expect(article.answers.map((a: { channel: string }) => a.channel)).toContain("chatbot");
  for (const secret of internalFactValues()) expect(JSON.stringify(article)).not.toContain(secret);
  const byId = await (
    await request.get(`/api/v1/articles/${article.id}`, { headers: bearer(keys.public) })
  ).json();
  expect(byId.slug).toBe(PUBLIC_ARTICLE);

  expect(INTERNAL_ARTICLE).toBeDefined();
  const slug = INTERNAL_ARTICLE?.slug as string;
  await expectProblem(
    await request.get(`/api/v1/articles/${slug}`, { headers: bearer(keys.public) }),
    404,
    "article_not_found",
    doc,
  );
  const internal = await request.get(`/api/v1/articles/${slug}`, { headers: bearer(keys.internal) });
  expect(internal.status()).toBe(200);
  expect((await internal.json()).visibility).toBe("internal");
});

test("errors: 401 without or with a wrong key, 403 for internal content with a public key, 400", async ({
  request,
}) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  const none = await request.get("/api/v1/products");
  await expectProblem(none, 401, "unauthenticated", doc);
  expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
  await expectProblem(
    await request.get("/api/v1/products", { headers: bearer(`spk_${"x".repeat(43)}`) }),
    401,
    "unauthenticated",
    doc,
  );
  await expectProblem(
    await request.get("/api/v1/search?q=sim&audience=internal", { headers: bearer(keys.public) }),
    403,
    "forbidden",
    doc,
  );
  await expectProblem(
    await request.get(`/api/v1/articles/${PUBLIC_ARTICLE}?audience=internal`, {
      headers: bearer(keys.public),
    }),
    403,
    "forbidden",
    doc,
  );
  await expectProblem(
    await request.get("/api/v1/search?q=sim&channel=fax", { headers: bearer(keys.public) }),
    400,
    "invalid_request",
    doc,
  );
});

test("429 with Retry-After once a key's burst is spent; other keys are unaffected", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  let limited: Awaited<ReturnType<APIRequestContext["get"]>> | null = null;
  for (let i = 0; i < 300 && !limited; i++) {
    const res = await request.get("/api/v1/categories", { headers: bearer(keys.limited) });
    if (res.status() === 429) limited = res;
    else expect(res.status()).toBe(200);
  }
  expect(limited, "the burst ran out").not.toBeNull();
  if (!limited) return;
  await expectProblem(limited, 429, "rate_limited", doc);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect((await request.get("/api/v1/categories", { headers: bearer(keys.public) })).status()).toBe(200);
});

test("revoking a key in the UI makes it fail with 401 at once", async ({ page, request }) => {
  expect((await request.get("/api/v1/products", { headers: bearer(keys.internal) })).status()).toBe(200);
  await signIn(page, "admin", "/admin/api-keys");
  const admin = new ApiKeysAdmin(page);
  await admin.open();
  // The row shows when the key was last used.
  await expect(page.getByRole("row").filter({ hasText: names.internal }).locator("time")).toHaveCount(2);
  await admin.revoke(names.internal);
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  await expectProblem(
    await request.get("/api/v1/products", { headers: bearer(keys.internal) }),
    401,
    "unauthenticated",
    doc,
  );
  await page.goto("/admin/audit?action=apikey.revoke");
  await expect(page.getByRole("row").filter({ hasText: names.internal })).toBeVisible();
});
