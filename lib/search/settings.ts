import type { Settings } from "meilisearch";

/**
 * Contact-centre synonyms, Italian first. Meilisearch does not stem Italian, so singular/plural and verb/noun pairs
 * that agents type interchangeably are listed here (docs/decisions/006-search-relevance.md). Issue 5 makes these
 * editable by admins; these stay the defaults.
 */
export const DEFAULT_SYNONYMS: Record<string, string[]> = buildSynonyms([
  ["bolletta", "bollette", "fattura", "fatture"],
  ["disdetta", "disdire", "recesso", "recedere", "cessazione", "chiudere", "annullare"],
  ["iban", "conto corrente", "domiciliazione", "addebito", "rid", "sepa"],
  ["pagamento", "pagamenti", "pagare", "saldare"],
  ["rimborso", "rimborsi", "restituzione", "accredito"],
  ["reclamo", "reclami", "lamentela", "segnalazione"],
  ["guasto", "guasti", "non funziona", "problema", "disservizio", "interruzione"],
  ["modem", "router"],
  ["portabilita", "portabilità", "mnp", "cambio operatore"],
  ["sim", "scheda", "esim"],
  ["password", "credenziali", "accesso", "login"],
  ["trasloco", "trasferimento", "cambio indirizzo", "trasferire"],
  ["voltura", "subentro", "intestatario"],
  ["garanzia", "assistenza", "riparazione"],
  ["reso", "resi", "restituire", "restituzione"],
  ["lettura", "autolettura", "contatore"],
  ["privacy", "gdpr", "dati personali"],
  ["bill", "bills", "invoice", "invoices"],
  ["cancel", "cancellation", "terminate", "termination"],
  ["refund", "refunds", "reimbursement"],
  ["complaint", "complaints"],
  ["outage", "fault", "not working", "down"],
]);

/** Every term of a group maps to all the others (Meilisearch synonyms are one-directional). */
function buildSynonyms(groups: string[][]): Record<string, string[]> {
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

export function indexSettings(audience: "internal" | "public"): Settings {
  return {
    searchableAttributes:
      audience === "internal"
        ? SEARCHABLE_ATTRIBUTES
        : SEARCHABLE_ATTRIBUTES.filter((a) => !a.startsWith("answers")),
    filterableAttributes: ["locale", "product", "category", "channels", "visibility", "tags", "articleId"],
    sortableAttributes: ["publishedAt", "title_it", "title_en"],
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
    synonyms: DEFAULT_SYNONYMS,
    stopWords: [...new Set(STOP_WORDS)],
  };
}
