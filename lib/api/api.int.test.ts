import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getArticleRoute } from "@/app/api/v1/articles/[idOrSlug]/route";
import { GET as getCategoriesRoute } from "@/app/api/v1/categories/route";
import { GET as getOpenApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as getProductsRoute } from "@/app/api/v1/products/route";
import { GET as getSearchRoute } from "@/app/api/v1/search/route";
import { flushUsageEvents } from "@/lib/analytics";
import {
  type ApiPrincipal,
  createApiKey,
  getApiKeyBySecret,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from "@/lib/apikeys";
import { listAuditLog } from "@/lib/audit";
import { getDb, schema } from "@/lib/db";
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { applyIndexSettings, drainSearchOutbox } from "@/lib/search";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { API_RATE_LIMIT, authenticateApiRequest } from "./auth";
import { apiSearch, getApiArticle, listApiCategories, listApiProducts } from "./content";
import { checkAgainstSchema } from "./schema-check";

const ANSWERS = [
  {
    channel: "sms" as const,
    subject: null,
    body: "Ciao {{customer.firstName}}, chiama il **{{fact.support_phone}}**.",
  },
  {
    channel: "ivr" as const,
    subject: null,
    body: "Per il modem premi 1 oppure chiama il {{fact.support_phone}}. Coda {{fact.escalation_queue}}.",
  },
  { channel: "chatbot" as const, subject: null, body: "Riavvia il modem e attendi due minuti." },
  { channel: "whatsapp" as const, subject: null, body: "Ciao {{customer.firstName}}, **riavvia** il modem." },
];

describe("API v1 keys and content, on real SQLite and Meilisearch", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let admin: { id: number };
  let publicKey: ApiPrincipal & { secret: string };
  let internalKey: ApiPrincipal & { secret: string };
  let internalArticleId: number;
  let publicArticleId: number;

  const newKey = (scope: "public" | "internal", name = `k-${scope}`) => {
    const { key, secret } = createApiKey({ name, scope }, admin);
    return { id: key.id, name: key.name, scope: key.scope, secret };
  };

  beforeAll(async () => {
    env = useTestEnvironment("api-v1");
    seedTaxonomy();
    await applyIndexSettings();
    admin = insertTestUser("admin");
    publicArticleId = makeArticle({
      slug: "modem-lampeggia",
      content: {
        title: "Il modem lampeggia di rosso",
        summary: "Cosa fare quando il modem lampeggia",
        body: "Riavvia il modem.\n\n:::internal\nCodice tecnico Zeta9\n:::",
        answers: ANSWERS,
      },
    }).article.id;
    internalArticleId = makeArticle({
      slug: "procedura-modem-riservata",
      visibility: "internal",
      content: { title: "Procedura modem riservata", body: "Solo per agenti: modem in coda L2." },
    }).article.id;
    await drainSearchOutbox();
    publicKey = newKey("public");
    internalKey = newKey("internal");
  });
  afterAll(() => {
    flushUsageEvents();
    env.cleanup();
  });

  describe("keys", () => {
    it("shows the secret once and stores only its SHA-256 and a short prefix", () => {
      const { key, secret } = createApiKey({ name: "Chatbot sito", scope: "public" }, admin);
      expect(secret).toMatch(/^spk_[A-Za-z0-9_-]{43}$/);
      const row = getDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.id, key.id)).get();
      expect(row?.keyHash).toBe(hashApiKey(secret));
      expect(row?.keyHash).not.toContain(secret.slice(4, 20));
      expect(row?.prefix).toBe(secret.slice(0, 12));
      expect(JSON.stringify(listApiKeys())).not.toContain(secret);
      expect(getApiKeyBySecret(secret)).toEqual({ id: key.id, name: "Chatbot sito", scope: "public" });
      expect(getApiKeyBySecret(`${secret.slice(0, -1)}x`)).toBeNull();
      expect(getApiKeyBySecret("not-a-key")).toBeNull();
    });

    it("a revoked key stops working at once; revoking is audit-logged once", () => {
      const { key, secret } = createApiKey({ name: "Da revocare", scope: "internal" }, admin);
      const headers = new Headers({ authorization: `Bearer ${secret}` });
      expect(authenticateApiRequest(headers).id).toBe(key.id);
      revokeApiKey(key.id, admin);
      expect(() => authenticateApiRequest(headers)).toThrow(UnauthenticatedError);
      revokeApiKey(key.id, admin);
      const entries = listAuditLog().filter(
        (e) => e.entityType === "api_key" && e.entityId === String(key.id),
      );
      expect(entries.map((e) => e.action).sort()).toEqual(["apikey.create", "apikey.revoke"]);
      expect(JSON.stringify(entries)).not.toContain(secret);
      expect(() => revokeApiKey(999_999, admin)).toThrow(NotFoundError);
    });

    it("reads Bearer or X-Api-Key; no key or a wrong one is 401", () => {
      expect(authenticateApiRequest(new Headers({ "x-api-key": publicKey.secret })).id).toBe(publicKey.id);
      expect(() => authenticateApiRequest(new Headers())).toThrow(UnauthenticatedError);
      expect(() => authenticateApiRequest(new Headers({ authorization: "Bearer spk_nope" }))).toThrow(
        UnauthenticatedError,
      );
      expect(() =>
        authenticateApiRequest(new Headers({ authorization: `Basic ${publicKey.secret}` })),
      ).toThrow(UnauthenticatedError);
    });

    it("limits each key on its own: the burst passes, then 429 with a wait", () => {
      const limited = newKey("public", "limited");
      const other = newKey("public", "other");
      const headers = new Headers({ authorization: `Bearer ${limited.secret}` });
      const now = Date.now();
      for (let i = 0; i < API_RATE_LIMIT.burst; i++) authenticateApiRequest(headers, now);
      const refused = (() => {
        try {
          authenticateApiRequest(headers, now);
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterSeconds).toBe(1);
      expect(authenticateApiRequest(new Headers({ "x-api-key": other.secret }), now).id).toBe(other.id);
      expect(authenticateApiRequest(headers, now + 1000).id).toBe(limited.id);
    });

    it("writes last used at most once a minute per key", () => {
      const key = newKey("public", "touch");
      const t0 = Date.now();
      expect(touchApiKey(key.id, t0)).toBe(true);
      expect(touchApiKey(key.id, t0 + 30_000)).toBe(false);
      expect(touchApiKey(key.id, t0 + 61_000)).toBe(true);
      const row = listApiKeys().find((k) => k.id === key.id);
      expect(row?.lastUsedAt?.getTime()).toBe(t0 + 61_000);
    });
  });

  describe("content", () => {
    it("a public key searches the public index only and never sees internal text or internal facts", async () => {
      const result = await apiSearch(publicKey, { q: "modem" }, {});
      expect(result.audience).toBe("public");
      expect(result.hits.map((h) => h.slug)).toEqual(["modem-lampeggia"]);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/Zeta9|riservata|Coda L2 Rete/);
      const ivr = result.hits[0]?.answers.find((a) => a.channel === "ivr");
      expect(ivr?.missing).toEqual(["fact.escalation_queue"]);
      await expect(apiSearch(publicKey, { q: "modem", audience: "internal" }, {})).rejects.toThrow(
        ForbiddenError,
      );
    });

    it("an internal key sees internal articles and internal facts; it may ask for the public view", async () => {
      const result = await apiSearch(internalKey, { q: "modem" }, {});
      expect(result.hits.map((h) => h.slug).sort()).toEqual(["modem-lampeggia", "procedura-modem-riservata"]);
      const ivr = result.hits
        .find((h) => h.slug === "modem-lampeggia")
        ?.answers.find((a) => a.channel === "ivr");
      expect(ivr?.text).toContain("Coda L2 Rete int. 4410");
      const asPublic = await apiSearch(internalKey, { q: "modem", audience: "public" }, {});
      expect(asPublic.hits.map((h) => h.slug)).toEqual(["modem-lampeggia"]);
    });

    it("shapes each hit's answer for the channel asked for and fills the caller's variables", async () => {
      const vars = { "customer.firstName": "Anna" };
      const sms = (await apiSearch(publicKey, { q: "modem", channel: "sms" }, vars)).hits[0]?.answers;
      expect(sms).toEqual([
        {
          channel: "sms",
          text: "Ciao Anna, chiama il 800 123 456.",
          missing: [],
          sms: { encoding: "GSM-7", parts: 1 },
        },
      ]);
      const [ivr] = (await apiSearch(publicKey, { q: "modem", channel: "ivr" }, vars)).hits[0]?.answers ?? [];
      expect(ivr?.text).toContain("chiama il 800 123 456");
      expect(ivr?.ssml).toMatch(/^<speak[\s\S]*<\/speak>$/);
      const [bot] =
        (await apiSearch(publicKey, { q: "modem", channel: "chatbot" }, vars)).hits[0]?.answers ?? [];
      expect(bot?.articleUrl).toMatch(/\/a\/modem-lampeggia$/);
      expect(bot?.text).toBe(`Riavvia il modem e attendi due minuti.\n\n${bot?.articleUrl}`);
      const [wa] =
        (await apiSearch(publicKey, { q: "modem", channel: "whatsapp" }, vars)).hits[0]?.answers ?? [];
      expect(wa?.text).toBe("Ciao Anna, *riavvia* il modem.");
      await expect(apiSearch(publicKey, { q: "modem" }, { "fact.support_phone": "666" })).rejects.toThrow();
    });

    it("records API searches as usage events naming the key", async () => {
      await apiSearch(internalKey, { q: "lampeggia rosso", channel: "sms" }, {});
      flushUsageEvents();
      const row = getDb()
        .select()
        .from(schema.usageEvents)
        .where(eq(schema.usageEvents.query, "lampeggia rosso"))
        .get();
      expect(row).toMatchObject({ surface: "api", kind: "search", apiKeyId: internalKey.id, channel: "sms" });
    });

    it("an article: public keys get 404 for internal ones, by slug or id, and no internal block", () => {
      expect(() => getApiArticle(publicKey, "procedura-modem-riservata", {}, {})).toThrow(NotFoundError);
      expect(() => getApiArticle(publicKey, String(internalArticleId), {}, {})).toThrow(NotFoundError);
      expect(() => getApiArticle(publicKey, "non-esiste", {}, {})).toThrow(NotFoundError);
      const article = getApiArticle(publicKey, String(publicArticleId), {}, { "customer.firstName": "Anna" });
      expect(article.slug).toBe("modem-lampeggia");
      expect(article.text).toContain("Riavvia il modem.");
      expect(`${article.html}${article.text}`).not.toContain("Zeta9");
      expect(article.answers.map((a) => a.channel)).toEqual(["ivr", "whatsapp", "sms", "chatbot"]);
      const internal = getApiArticle(internalKey, "modem-lampeggia", { channel: "sms" }, {});
      expect(internal.text).toContain("Zeta9");
      expect(internal.answers.map((a) => a.channel)).toEqual(["sms"]);
    });

    it("lists products and categories with the counts each scope may read", () => {
      expect(listApiProducts(publicKey, {}).products).toEqual([
        { slug: "fibra", name: "Fibra", names: { it: "Fibra", en: "Fibre" }, articleCount: 1 },
      ]);
      // No English article yet: a public key is not told the category exists, an internal key sees it empty.
      expect(listApiCategories(publicKey, { locale: "en" }).categories).toEqual([]);
      expect(listApiCategories(internalKey, { locale: "en" }).categories).toEqual([
        { slug: "guasti", name: "Faults", names: { it: "Guasti", en: "Faults" }, articleCount: 0 },
      ]);
      expect(listApiCategories(internalKey, {}).categories).toEqual([
        { slug: "guasti", name: "Guasti", names: { it: "Guasti", en: "Faults" }, articleCount: 2 },
      ]);
    });
  });

  describe("the routes match their OpenAPI document", () => {
    type Doc = {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }
      >;
    };
    const call = async (path: string, headers: Record<string, string>): Promise<Response> => {
      const request = new Request(`http://localhost${path}`, { headers });
      const url = new URL(request.url);
      if (url.pathname === "/api/v1/search") return getSearchRoute(request, undefined);
      if (url.pathname === "/api/v1/products") return getProductsRoute(request, undefined);
      if (url.pathname === "/api/v1/categories") return getCategoriesRoute(request, undefined);
      if (url.pathname === "/api/v1/openapi.json") return getOpenApiRoute();
      const idOrSlug = url.pathname.replace("/api/v1/articles/", "");
      return getArticleRoute(request, { params: Promise.resolve({ idOrSlug }) });
    };
    const example: Record<string, string> = {
      "/api/v1/search": "/api/v1/search?q=modem&channel=ivr&vars[customer.firstName]=Anna",
      "/api/v1/articles/{idOrSlug}": "/api/v1/articles/modem-lampeggia",
      "/api/v1/products": "/api/v1/products?locale=it",
      "/api/v1/categories": "/api/v1/categories",
      "/api/v1/openapi.json": "/api/v1/openapi.json",
    };

    it("every documented path answers 200 with a body that matches its schema, no-store", async () => {
      const doc = (await (await getOpenApiRoute()).json()) as Doc;
      for (const [path, item] of Object.entries(doc.paths)) {
        const url = example[path];
        expect(url, `an example call for ${path}`).toBeDefined();
        for (const key of [publicKey, internalKey]) {
          const res = await call(url as string, { authorization: `Bearer ${key.secret}` });
          expect(res.status, path).toBe(200);
          expect(res.headers.get("cache-control")).toBe("no-store");
          const schema = item.get.responses["200"]?.content["application/json"]?.schema as object;
          expect(checkAgainstSchema(await res.json(), schema as never, doc as never), path).toEqual([]);
        }
      }
    });

    it("errors are problem+json matching the Problem schema: 401, 403, 404, 400", async () => {
      const doc = (await (await getOpenApiRoute()).json()) as Doc & { components: object };
      const problem = { $ref: "#/components/schemas/Problem" };
      const cases: [string, Record<string, string>, number, string][] = [
        ["/api/v1/products", {}, 401, "unauthenticated"],
        ["/api/v1/products", { authorization: "Bearer spk_wrong" }, 401, "unauthenticated"],
        ["/api/v1/search?q=x&audience=internal", { "x-api-key": publicKey.secret }, 403, "forbidden"],
        [
          "/api/v1/articles/procedura-modem-riservata",
          { "x-api-key": publicKey.secret },
          404,
          "article_not_found",
        ],
        ["/api/v1/search?q=", { "x-api-key": publicKey.secret }, 400, "invalid_request"],
        ["/api/v1/search?q=x&vars[fact.x]=1", { "x-api-key": publicKey.secret }, 400, "invalid_request"],
      ];
      for (const [path, headers, status, code] of cases) {
        const res = await call(path, headers);
        expect(res.status, path).toBe(status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const body = await res.json();
        expect(body.code, path).toBe(code);
        expect(checkAgainstSchema(body, problem, doc as never)).toEqual([]);
        if (status === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    });
  });
});
