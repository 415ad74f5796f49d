import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";
import { listSitemapEntries } from "@/lib/portal";

// Public pages only (lib/portal/sitemap.ts); read per request so a publish is listed at once.
export const dynamic = "force-dynamic";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = publicBaseUrl();
  return listSitemapEntries().map((e) => ({ url: `${base}${e.path}`, lastModified: e.lastModified }));
}
