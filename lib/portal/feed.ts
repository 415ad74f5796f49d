// An Atom feed of the portal's recently updated articles, per language, for feed readers and for customers who
// follow changes to terms. Pure: built from listPortalArticles' public-only items (titles and summaries, never
// bodies), so it can carry nothing the portal's pages do not show.

export type FeedItem = { url: string; title: string; summary: string; updated: Date };

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export function atomFeed(feed: {
  id: string;
  selfUrl: string;
  homeUrl: string;
  title: string;
  lang: string;
  items: readonly FeedItem[];
}): string {
  const updated = new Date(Math.max(0, ...feed.items.map((i) => i.updated.getTime())));
  const entries = feed.items.map(
    (i) => `  <entry>
    <id>${escapeXml(i.url)}</id>
    <title>${escapeXml(i.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(i.url)}"/>
    <updated>${i.updated.toISOString()}</updated>
    <summary>${escapeXml(i.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>
  <updated>${updated.toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}
