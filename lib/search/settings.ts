import type { Settings } from "meilisearch";
import { DEFAULT_SYNONYM_GROUPS } from "@/lib/settings";

/** The shipped synonym groups as a Meilisearch setting; admins edit the groups in /admin/synonyms (lib/settings). */
export const DEFAULT_SYNONYMS: Record<string, string[]> = synonymsFromGroups(DEFAULT_SYNONYM_GROUPS);

/** Every term of a group maps to all the others (Meilisearch synonyms are one-directional). */
export function synonymsFromGroups(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])];
    }
  }
  return synonyms;
}

// Short function words only: removing them lets "come posso cambiare il mio iban" rank by the words that matter.
const STOP_WORDS = [
  "il",
  "lo",
  "la",
  "i",
  "gli",
  "le",
  "un",
  "uno",
  "una",
  "di",
  "del",
  "della",
  "dei",
  "delle",
  "a",
  "al",
  "alla",
  "da",
  "dal",
  "in",
  "nel",
  "nella",
  "con",
  "su",
  "per",
  "e",
  "o",
  "che",
  "mi",
  "mio",
  "mia",
  "si",
  "ci",
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "for",
  "and",
  "or",
  "my",
  "is",
];

export const SEARCHABLE_ATTRIBUTES = [
  "title_it",
  "title_en",
  "tags",
  "summary_it",
  "summary_en",
  "body_it",
  "body_en",
  "answers_it",
  "answers_en",
];

/**
 * Meilisearch's default rules, then popularity (opens + 2 × copies, issue 5): it only orders results the relevance
 * rules left tied, so a popular article never outranks a better match. Internal index only: popularity comes from
 * agents' usage.
 */
export const RANKING_RULES = ["words", "typo", "proximity", "attribute", "sort", "exactness"];

/** `synonyms` comes from the caller: the stored groups (lib/settings), never this module's defaults. */
export function indexSettings(audience: "internal" | "public", synonyms: Record<string, string[]>): Settings {
  return {
    rankingRules: audience === "internal" ? [...RANKING_RULES, "popularity:desc"] : RANKING_RULES,
    searchableAttributes:
      audience === "internal"
        ? SEARCHABLE_ATTRIBUTES
        : SEARCHABLE_ATTRIBUTES.filter((a) => !a.startsWith("answers")),
    // popularity: the periodic job reads back only the documents with a count (`popularity > 0`).
    filterableAttributes: [
      "locale",
      "product",
      "category",
      "channels",
      "visibility",
      "tags",
      "articleId",
      "popularity",
    ],
    sortableAttributes: ["publishedAt", "title_it", "title_en", "popularity"],
    displayedAttributes: ["*"],
    localizedAttributes: [
      { attributePatterns: ["*_it"], locales: ["ita"] },
      { attributePatterns: ["*_en"], locales: ["eng"] },
    ],
    // No separatorTokens: Meilisearch already splits elisions ("dell'IBAN" matches "iban"), and declaring "'" as
    // a custom separator cost 2.6 ms on every search (docs/decisions/006-search-relevance.md).
    typoTolerance: {
      enabled: true,
      // Agents type fast: allow one typo from 4 letters ("bolleta", "modme"), two from 8.
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    },
    // Word proximity measured within an attribute, not word by word (issue 5 benchmark: indexing 1,000 articles
    // 8.4 s → 2.1 s, a one-article update 1.5 s → 0.2 s). Ranking still prefers the attribute holding all the
    // query words; only the distance between them inside a long body stops counting.
    proximityPrecision: "byAttribute",
    // Nothing searches facet values (filters come from the taxonomy in SQLite); building that index was ~20% of
    // indexing time at 10,000 articles.
    facetSearch: false,
    synonyms,
    stopWords: [...new Set(STOP_WORDS)],
  };
}
