"use client";

type Props = {
  query: string;
  hasFilters: boolean;
  categories: { slug: string; name: string }[];
  onQuery: (q: string) => void;
  onClearFilters: () => void;
  onCategory: (slug: string) => void;
};

/** "Nothing found", with ways out an agent can take in one click or a few keys (issue 5 point 1). */
export function NothingFound({ query, hasFilters, categories, onQuery, onClearFilters, onCategory }: Props) {
  const words = query.split(/\s+/).filter(Boolean);
  // Shorter queries find more: the longest word alone is usually the topic ("bolletta", "modem").
  const shorter = words.length > 1 ? [...words].sort((a, b) => b.length - a.length)[0] : null;
  return (
    <div className="card nothing-found">
      <h2>Prova così</h2>
      <ul>
        {shorter ? (
          <li>
            Una ricerca più breve:{" "}
            <button type="button" onClick={() => onQuery(shorter)}>
              Cerca “{shorter}”
            </button>
          </li>
        ) : null}
        {hasFilters ? (
          <li>
            I filtri possono nascondere l'articolo:{" "}
            <button type="button" onClick={onClearFilters}>
              Cerca senza filtri
            </button>
          </li>
        ) : null}
        <li>Parole del cliente o sinonimi: “disdetta” o “recesso”, “bolletta” o “fattura”.</li>
        <li>
          Controlla le parole molto corte o le sigle: scrivile per intero (es. “modem” invece di “mdm”).
        </li>
      </ul>
      {categories.length > 0 ? (
        <>
          <h3>Argomenti frequenti</h3>
          <ul className="topic-list">
            {categories.map((category) => (
              <li key={category.slug}>
                <button type="button" onClick={() => onCategory(category.slug)}>
                  {category.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
