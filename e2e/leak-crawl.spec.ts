import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { getFrom } from "./net";

// Issue 6 point 5, proved: crawl every public page reachable from the home pages and the sitemap, and run public
// searches for internal text, and fail if anything taken from internal content shows up in any response.

type Source = {
  slug: string;
  title: string;
  visibility: string;
  status: string;
  locale: string;
  body: string;
};

function sources(): Source[] {
  return ["it", "en"].flatMap((locale) => {
    const dir = join("content", "articles", locale);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .map((f) => {
        const text = readFileSync(join(dir, f), "utf8");
        const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
        return { ...(parse(match?.[1] ?? "") as Omit<Source, "body">), body: match?.[2] ?? "" };
      });
  });
}

const INTERNAL_BLOCK = /:::internal\n([\s\S]*?)\n:::/g;

/** Plain-text runs of an internal block long enough to be unmistakable (≥ 25 characters, cut at 40). */
function phrases(markdown: string): string[] {
  return markdown
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, "").replace(/[*_`>#]/g, ""))
    .flatMap((line) => line.split(/\{\{[^}]*\}\}|\(|\)|\[|\]/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 25)
    .map((part) => part.slice(0, 40).replace(/\s+\S*$/, ""));
}

function markers(): string[] {
  const all = sources();
  const publicText = all
    .filter((s) => s.visibility === "public" && s.status === "published")
    .map((s) => `${s.title}\n${s.body.replace(INTERNAL_BLOCK, "")}`)
    .join("\n");
  const found = new Set<string>(["internal-block", "Solo interno", "data-internal"]);
  for (const s of all) {
    if (s.visibility === "internal" || s.status !== "published") {
      found.add(s.title);
      for (const p of phrases(s.body).slice(0, 3)) found.add(p);
    }
    for (const [, block] of s.body.matchAll(INTERNAL_BLOCK))
      for (const p of phrases(block ?? "")) found.add(p);
  }
  const facts = parse(readFileSync(join("content", "facts.yaml"), "utf8")) as {
    visibility: string;
    values: Record<string, string>;
  }[];
  for (const f of facts.filter((x) => x.visibility === "internal")) {
    for (const v of Object.values(f.values)) if (v.length >= 8) found.add(v);
  }
  // A phrase that public content also says is not a secret.
  return [...found].filter((m) => !publicText.includes(m));
}

const STAFF = /^\/(?:login|studio|agent|admin|api\/auth)(?:\/|$|\?)/;

test("no public page, sitemap or public search response contains anything from internal content", async ({
  request,
}) => {
  test.setTimeout(240_000);
  const secrets = markers();
  expect(secrets.length).toBeGreaterThan(40);
  const leaks: string[] = [];
  const check = (where: string, body: string) => {
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`${where}: «${secret}»`);
  };

  const sitemap = await (await request.get("/sitemap.xml")).text();
  check("/sitemap.xml", sitemap);
  check("/robots.txt", await (await request.get("/robots.txt")).text());
  for (const feed of ["/feed.xml", "/en/feed.xml"]) {
    const res = await request.get(feed);
    expect(res.status(), feed).toBe(200);
    const xml = await res.text();
    expect(xml, feed).toContain("<entry>");
    check(feed, xml);
  }
  const queue = [
    "/",
    "/en",
    "/search",
    "/en/search",
    ...[...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => m[1] || "/"),
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await request.get(path);
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await res.text();
    check(path, html);
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = (href as string).replaceAll("&amp;", "&");
      if (!STAFF.test(link) && !link.startsWith("/_next/") && !seen.has(link)) queue.push(link);
    }
  }
  expect(seen.size).toBeGreaterThan(60);

  // Searches for the secrets themselves, each from its own loopback address so the crawl is not rate limited.
  let client = 10;
  for (const secret of secrets) {
    const q = encodeURIComponent(secret.split(/\s+/).slice(0, 4).join(" "));
    for (const path of [
      `/search?q=${q}`,
      `/en/search?q=${q}`,
      `/api/portal/search?q=${q}&lang=it`,
      `/api/portal/search?q=${q}&lang=en`,
    ]) {
      const res = await getFrom(`127.0.1.${client++ % 250}`, path);
      expect(res.status, path).toBe(200);
      // The page repeats the visitor's own query ("Results for …"): that echo is not a leak, the rest is checked.
      const words = decodeURIComponent(q);
      const escaped = words.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      const named = words
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;")
        .replaceAll("'", "&#x27;");
      check(
        path,
        [words, escaped, named, JSON.stringify(words).slice(1, -1)].reduce(
          (b, e) => b.split(e).join(""),
          res.body,
        ),
      );
    }
  }

  // Internal, draft and archived articles are 404 on the portal in both languages, and their 404 says nothing.
  for (const s of sources().filter((x) => x.visibility === "internal" || x.status !== "published")) {
    for (const path of [`/a/${s.slug}`, `/en/a/${s.slug}`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      check(path, await res.text());
    }
  }
  expect(leaks).toEqual([]);
});
