import { describe, expect, it } from "vitest";
import { viewedArticleSlug } from "./view-request";

const browser = {
  "user-agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126 Mobile Safari/537.36",
};

describe("viewedArticleSlug", () => {
  it("counts a browser reading an article in either language", () => {
    expect(viewedArticleSlug("GET", "/a/bolletta-non-ricevuta", browser)).toBe("bolletta-non-ricevuta");
    expect(viewedArticleSlug("GET", "/en/a/lost-or-stolen-sim?ref=mail", browser)).toBe("lost-or-stolen-sim");
    // A client-side navigation fetches the page's RSC payload: still a read.
    expect(viewedArticleSlug("GET", "/a/x-y", { ...browser, rsc: "1" })).toBe("x-y");
  });

  it("ignores other pages and methods", () => {
    expect(viewedArticleSlug("GET", "/c/fatture", browser)).toBeNull();
    expect(viewedArticleSlug("GET", "/a/", browser)).toBeNull();
    expect(viewedArticleSlug("GET", "/a/../etc", browser)).toBeNull();
    expect(viewedArticleSlug("HEAD", "/a/x", browser)).toBeNull();
    expect(viewedArticleSlug("POST", "/a/x", browser)).toBeNull();
  });

  it("ignores prefetches, crawlers and scripts", () => {
    expect(viewedArticleSlug("GET", "/a/x", { ...browser, "next-router-prefetch": "1" })).toBeNull();
    expect(viewedArticleSlug("GET", "/a/x", { ...browser, "sec-purpose": "prefetch;prerender" })).toBeNull();
    expect(
      viewedArticleSlug("GET", "/a/x", { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" }),
    ).toBeNull();
    expect(viewedArticleSlug("GET", "/a/x", { "user-agent": "curl/8.5.0" })).toBeNull();
    expect(viewedArticleSlug("GET", "/a/x", {})).toBeNull();
  });
});
