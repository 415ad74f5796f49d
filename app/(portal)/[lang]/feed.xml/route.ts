import { getPortalBranding } from "@/lib/branding";
import { publicBaseUrl } from "@/lib/env";
import { isPortalLocale, localePath } from "@/lib/i18n";
import { atomFeed, listPortalArticles } from "@/lib/portal";

// /feed.xml (Italian) and /en/feed.xml: the 30 most recently updated public articles. Cached and refreshed with
// the portal's pages (docs/decisions/017-portal-caching.md).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

const FEED_SIZE = 30;

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ lang: string }> },
): Promise<Response> {
  const { lang } = await params;
  if (!isPortalLocale(lang)) return new Response("Not found", { status: 404 });
  const base = publicBaseUrl();
  const items = listPortalArticles(lang)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, FEED_SIZE)
    .map((a) => ({
      url: `${base}${localePath(lang, `/a/${a.slug}`)}`,
      title: a.title,
      summary: a.summary,
      updated: a.publishedAt,
    }));
  const selfUrl = `${base}${localePath(lang, "/feed.xml")}`;
  const xml = atomFeed({
    id: selfUrl,
    selfUrl,
    homeUrl: `${base}${localePath(lang, "/")}`,
    title: getPortalBranding(lang).name,
    lang,
    items,
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
