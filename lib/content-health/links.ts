// Internal article links in Markdown bodies (issue 7 point 4). Pure, so every form is unit-tested.

/**
 * Portal article links a body may hold: `/a/<slug>`, `/it/a/<slug>`, `../a/<slug>`, `a/<slug>`, or a full URL
 * on this site's path, each with an optional `#anchor` or `?query`. Images (`![…](…)`) are not links to articles.
 */
const LINK = /(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const ARTICLE_PATH =
  /^(?:https?:\/\/[^/]+)?(?:\/|(?:\.{1,2}\/)+)?(?:(?:it|en)\/)?a\/([a-z0-9][a-z0-9-]*)\/?(?:[?#].*)?$/i;

export type ArticleLink = { href: string; slug: string };

export function findArticleLinks(markdown: string): ArticleLink[] {
  const links: ArticleLink[] = [];
  for (const match of markdown.matchAll(LINK)) {
    if (match[1] === "!") continue;
    const href = match[2] ?? "";
    const slug = ARTICLE_PATH.exec(href)?.[1];
    if (slug) links.push({ href, slug: slug.toLowerCase() });
  }
  return links;
}
