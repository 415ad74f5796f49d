// Which requests are someone reading a portal article (for "most read" on the home page). Pure: the web server
// asks this of every request before handing it to Next, so it must cost nothing and do no I/O.

type Headers = Record<string, string | string[] | undefined>;

const ARTICLE_PATH = /^\/(?:en\/)?a\/([a-z0-9][a-z0-9-]{0,119})\/?$/;
// Crawlers, link previews and scripts are not readers. Headless browsers too: scrapers are the usual ones.
const NOT_A_READER =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|headless|curl|wget|python|java\/|go-http|node-fetch|undici|axios/i;

function header(headers: Headers, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The article slug this request reads, or null (not a GET of /a/<slug> or /en/a/<slug>, a prefetch, a bot). */
export function viewedArticleSlug(
  method: string | undefined,
  url: string | undefined,
  headers: Headers,
): string | null {
  if (method !== "GET" || !url) return null;
  const end = url.indexOf("?");
  const match = ARTICLE_PATH.exec(end === -1 ? url : url.slice(0, end));
  if (!match) return null;
  // Next prefetches linked pages while the visitor reads another one; browsers mark speculative loads too.
  if (headers["next-router-prefetch"] !== undefined) return null;
  if (/prefetch|prerender/i.test(header(headers, "sec-purpose") + header(headers, "purpose"))) return null;
  const agent = header(headers, "user-agent");
  if (agent === "" || NOT_A_READER.test(agent)) return null;
  return match[1] ?? null;
}
