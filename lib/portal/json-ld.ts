// Structured data for search engines (schema.org JSON-LD). Pure functions: no I/O.

/**
 * JSON for a <script type="application/ld+json">: "<", ">" and "&" are escaped so that text from an article
 * (a title containing "</script>") can never close the script element; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function articleJsonLd(input: {
  url: string;
  title: string;
  summary: string;
  locale: string;
  publishedAt: Date;
  publisher: string;
  breadcrumbs: { name: string; url: string }[];
}): unknown[] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: input.title,
      description: input.summary || undefined,
      inLanguage: input.locale,
      dateModified: input.publishedAt.toISOString(),
      mainEntityOfPage: input.url,
      publisher: { "@type": "Organization", name: input.publisher },
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: input.breadcrumbs.map((b, i) => ({
        "@type": "ListItem",
        position: i + 1,
        name: b.name,
        item: b.url,
      })),
    },
  ];
}

/** A page answering at least this many questions is an FAQ as far as search engines are concerned. */
export const MIN_FAQ_QUESTIONS = 2;

/**
 * schema.org FAQPage for an article whose sections are questions (lib/markdown questionSections), or null when it
 * has too few for the markup to fit the page.
 */
export function faqJsonLd(
  url: string,
  questions: readonly { question: string; answer: string }[],
): unknown | null {
  if (questions.length < MIN_FAQ_QUESTIONS) return null;
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    url,
    mainEntity: questions.map((q) => ({
      "@type": "Question",
      name: q.question,
      acceptedAnswer: { "@type": "Answer", text: q.answer },
    })),
  };
}
