import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

// Staff areas and APIs are not for search engines (they are behind sign-in anyway); search result pages are
// marked noindex on the page itself.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/agent", "/studio", "/admin", "/api/", "/login"] }],
    sitemap: `${publicBaseUrl()}/sitemap.xml`,
  };
}
