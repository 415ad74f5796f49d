import type { RenderedAnswer } from "@/lib/channels";

/**
 * An article as the console's answer panel gets it from GET /api/agent/articles/[slug]: presentArticle's
 * internal view (internal blocks marked, facts filled, customer variables left as tokens) plus the version
 * the agent reads, which a flag names.
 */
export interface ConsoleArticle {
  id: number;
  slug: string;
  locale: "it" | "en";
  visibility: "public" | "internal";
  title: string;
  summary: string;
  /** Sanitized HTML from lib/markdown. */
  html: string;
  product: { slug: string; name: string };
  category: { slug: string; name: string };
  versionId: number;
  versionNumber: number;
  answers: RenderedAnswer[];
}
