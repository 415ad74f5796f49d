import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth";
import { listCategories, listProducts, listTags } from "@/lib/taxonomy";
import styles from "./taxonomy.module.css";
import { CategoryForm, CategoryRows, ProductForm, ProductRows, TagForms } from "./taxonomy-forms";

export const metadata: Metadata = { title: "Prodotti, categorie e tag" };

export default async function TaxonomyPage() {
  await requirePageRole("editor", "/studio/taxonomy");
  const products = listProducts().map(({ id, slug, name, channels, articleCount }) => ({
    id,
    slug,
    name,
    channels,
    articleCount,
  }));
  const categories = listCategories().map(({ id, slug, name, description, position, articleCount }) => ({
    id,
    slug,
    name,
    description,
    position,
    articleCount,
  }));
  const tags = listTags();
  return (
    <>
      <h1>Prodotti, categorie e tag</h1>
      <p className="muted">
        Ogni articolo appartiene a un prodotto e a una categoria: non si possono eliminare finché qualche
        articolo li usa.
      </p>

      <section aria-labelledby="products-title" className={styles.section}>
        <h2 id="products-title">Prodotti</h2>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Slug</th>
              <th scope="col">Nome</th>
              <th scope="col">Canali richiesti</th>
              <th scope="col">Articoli</th>
              <th scope="col">
                <span className="muted">Azioni</span>
              </th>
            </tr>
          </thead>
          {products.map((product) => (
            <ProductRows key={product.id} product={product} />
          ))}
        </table>
        <details className={`card ${styles.create}`}>
          <summary>Nuovo prodotto</summary>
          <ProductForm />
        </details>
      </section>

      <section aria-labelledby="categories-title" className={styles.section}>
        <h2 id="categories-title">Categorie</h2>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Posizione</th>
              <th scope="col">Slug</th>
              <th scope="col">Nome</th>
              <th scope="col">Descrizione</th>
              <th scope="col">Articoli</th>
              <th scope="col">
                <span className="muted">Azioni</span>
              </th>
            </tr>
          </thead>
          {categories.map((category) => (
            <CategoryRows key={category.id} category={category} />
          ))}
        </table>
        <details className={`card ${styles.create}`}>
          <summary>Nuova categoria</summary>
          <CategoryForm />
        </details>
      </section>

      <section aria-labelledby="tags-title" className={styles.section}>
        <h2 id="tags-title">Tag</h2>
        {tags.length === 0 ? (
          <p className="muted">Nessun articolo ha tag.</p>
        ) : (
          <>
            <ul className={styles.tags} aria-label="Tag in uso">
              {tags.map((t) => (
                <li key={t.tag} className="badge">
                  {t.tag} · {t.count}
                </li>
              ))}
            </ul>
            <TagForms tags={tags} />
          </>
        )}
      </section>
    </>
  );
}
