// The query stream for `npm run bench`: what agents type mid-call. Short, colloquial, often misspelled, and often
// half-typed (search runs on every keystroke). Misspellings follow what fast typing produces: a dropped, doubled or
// swapped letter, or a missing accent.
import { createRng, pick } from "./stats";

export const AGENT_QUERIES = [
  "bolletta scaduta",
  "cambio iban",
  "cambiare l'iban",
  "disdetta fibra",
  "recesso contratto",
  "modem spie rosse",
  "modem lampeggia",
  "portabilita numero",
  "sim smarrita",
  "password dimenticata",
  "reclamo",
  "rimborso doppio addebito",
  "trasloco fibra",
  "autolettura",
  "guasto linea",
  "fattura alta",
  "privacy cancellazione dati",
  "garanzia smartphone",
  "roaming estero",
  "codice puk",
  "esim attivazione",
  "rateizzazione bolletta",
  "bonus sociale",
  "voltura luce",
  "connessione lenta",
  "appuntamento tecnico",
  "nessun segnale",
  "prima bolletta fibra",
  "restituzione modem",
  "cliente arrabbiato",
  "verifica identita",
  "sospensione morosita",
  "metodi di pagamento",
  "mancanza luce",
  "conciliazione",
  "credito di cortesia",
  "cambio offerta",
  "consenso marketing",
  "accesso app due fattori",
  "guasto massivo",
];

const ACCENTS: Record<string, string> = { à: "a", è: "e", é: "e", ì: "i", ò: "o", ù: "u" };

/** One fast-typing mistake in a word of 5+ letters (Meilisearch tolerates one typo from 4 letters). */
export function misspellWord(word: string, rng: () => number): string {
  const plain = word.replace(/[àèéìòù]/g, (c) => ACCENTS[c] ?? c);
  if (plain !== word) return plain;
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rng() * (word.length - 2)); // keep the first letter: people rarely miss it
  switch (Math.floor(rng() * 3)) {
    case 0: // dropped letter: "bolleta"
      return word.slice(0, i) + word.slice(i + 1);
    case 1: // doubled letter: "moddem"
      return word.slice(0, i) + word[i] + word.slice(i);
    default: // swapped neighbours: "modme"
      return word.slice(0, i) + (word[i + 1] ?? "") + word[i] + word.slice(i + 2);
  }
}

/** Misspells one word of the query (the longest ones are where typos happen). */
export function misspellQuery(query: string, rng: () => number): string {
  const words = query.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (candidates.length === 0) return query;
  const [word, index] = pick(rng, candidates);
  words[index] = misspellWord(word, rng);
  return words.join(" ");
}

/** What the search box holds a few keystrokes before the end: the last word cut to 3+ letters. */
export function halfTyped(query: string, rng: () => number): string {
  const cut = query.lastIndexOf(" ");
  const last = query.slice(cut + 1);
  if (last.length < 5) return query;
  const keep = 3 + Math.floor(rng() * (last.length - 3));
  return query.slice(0, cut + 1) + last.slice(0, keep);
}

/**
 * A reproducible stream of agent queries: about 40% typed right, 40% with a typo, 20% half-typed (some of those
 * misspelled too).
 */
export function buildQueryStream(count: number, seed = 5): string[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const q = pick(rng, AGENT_QUERIES);
    const r = rng();
    if (r < 0.4) return q;
    if (r < 0.8) return misspellQuery(q, rng);
    const half = halfTyped(q, rng);
    return rng() < 0.3 ? misspellQuery(half, rng) : half;
  });
}
