import Link from "next/link";
import { listPortalCategories } from "@/lib/articles";

// Rendered per request from SQLite (a few ms); issue 6 adds caching and search to the portal.
export const dynamic = "force-dynamic";

const TEXT = {
  it: {
    title: "Come possiamo aiutarti?",
    lead: "Guide e risposte su bollette, contratti, guasti, SIM e molto altro.",
    empty: "Non ci sono ancora articoli pubblicati.",
    other: { href: "/?lang=en", label: "English" },
  },
  en: {
    title: "How can we help?",
    lead: "Guides and answers on bills, contracts, faults, SIM cards and more.",
    empty: "No articles have been published yet.",
    other: { href: "/", label: "Italiano" },
  },
} as const;

type Props = { searchParams: Promise<{ lang?: string }> };

export default async function PortalHome({ searchParams }: Props) {
  const locale = (await searchParams).lang === "en" ? "en" : "it";
  const text = TEXT[locale];
  const categories = listPortalCategories(locale);
  return (
    <div lang={locale}>
      <p style={{ textAlign: "right", margin: 0 }}>
        <Link href={text.other.href} hrefLang={locale === "it" ? "en" : "it"}>
          {text.other.label}
        </Link>
      </p>
      <h1>{text.title}</h1>
      <p className="muted">{text.lead}</p>
      {categories.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="grid">
          {categories.map(({ category, articles }) => (
            <section key={category.id} className="card" aria-labelledby={`cat-${category.slug}`}>
              <h2 id={`cat-${category.slug}`} style={{ marginTop: 0, fontSize: "1.15rem" }}>
                {category.name[locale] ?? category.name.it}
              </h2>
              {category.description ? (
                <p className="muted">{category.description[locale] ?? category.description.it}</p>
              ) : null}
              <ul>
                {articles.map((a) => (
                  <li key={a.slug}>
                    <Link href={`/a/${a.slug}`}>{a.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
