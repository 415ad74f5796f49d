import Link from "next/link";
import { listPortalCategories } from "@/lib/articles";

// Rendered per request from SQLite (a few ms); issue 6 adds caching and search to the portal.
export const dynamic = "force-dynamic";

export default function PortalHome() {
  const categories = listPortalCategories("it");
  return (
    <>
      <h1>Come possiamo aiutarti?</h1>
      <p className="muted">Guide e risposte su bollette, contratti, guasti, SIM e molto altro.</p>
      {categories.length === 0 ? (
        <p>Non ci sono ancora articoli pubblicati.</p>
      ) : (
        <div className="grid">
          {categories.map(({ category, articles }) => (
            <section key={category.id} className="card" aria-labelledby={`cat-${category.slug}`}>
              <h2 id={`cat-${category.slug}`} style={{ marginTop: 0, fontSize: "1.15rem" }}>
                {category.name.it}
              </h2>
              {category.description?.it ? <p className="muted">{category.description.it}</p> : null}
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
    </>
  );
}
