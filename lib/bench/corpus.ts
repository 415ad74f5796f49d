// The 10,000-article corpus of `npm run bench` (issue 5 point 7), varied from the demo articles in content/: each
// generated article takes a demo article as its base (locale, product, category, visibility, channel answers) and
// recombines its sections with sections of other articles of the same product, then changes offers, amounts,
// places and customer segments, so titles, bodies and answers differ the way a real knowledge base's do.
import type { ParsedArticleFile } from "@/lib/content";
import { createRng, pick, shuffle } from "./stats";

export type CorpusOptions = { seed?: number; minWords?: number; maxWords?: number };

const OFFERS: Record<string, string[]> = {
  fibra: ["Fibra Casa 1000", "Fibra Start 300", "Fibra Pro 2.5 Giga", "Fibra Smart Famiglia", "Fibra Lavoro"],
  mobile: [
    "Mobile Smart 150",
    "Mobile Giga 300",
    "Mobile Junior",
    "Mobile Senior Facile",
    "Mobile Business 5G",
  ],
  energia: [
    "Luce Verde Fix",
    "Gas Sicuro Indice",
    "Luce e Gas Insieme",
    "Luce Notte e Weekend",
    "Gas Casa Flex",
  ],
  account: [
    "MyLevante Plus",
    "MyLevante Base",
    "Area Clienti Business",
    "Levante Premium",
    "Levante Famiglia",
  ],
};
const DEFAULT_OFFERS = ["Levante Tutto Incluso", "Levante Base"];
const CITIES = [
  "Torino",
  "Milano",
  "Genova",
  "Bergamo",
  "Verona",
  "Padova",
  "Trieste",
  "Bologna",
  "Parma",
  "Firenze",
  "Pisa",
  "Perugia",
  "Ancona",
  "Roma",
  "Latina",
  "Pescara",
  "Napoli",
  "Salerno",
  "Bari",
  "Lecce",
  "Potenza",
  "Cosenza",
  "Reggio Calabria",
  "Palermo",
  "Catania",
  "Cagliari",
  "Sassari",
  "Trento",
  "Bolzano",
  "Aosta",
];
const SEGMENTS = [
  "clienti privati",
  "clienti business",
  "titolari di partita IVA",
  "condomini",
  "clienti over 70",
  "nuovi clienti",
  "clienti con bonus sociale",
  "clienti in rateizzazione",
  "studenti fuori sede",
];
const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "settembre",
  "ottobre",
  "novembre",
];
const TEAMS = [
  "back office fatturazione",
  "secondo livello tecnico",
  "team retention",
  "ufficio reclami",
  "team frodi",
];

const INTROS = [
  "Questa scheda vale per i {segment} con l'offerta {offer}, anche nell'area di {city}.",
  "Aggiornamento di {month}: le indicazioni valgono anche per l'offerta {offer} ({price} al mese).",
  "Molte richieste arrivano dai {segment} di {city}: qui trovi cosa dire e cosa controllare per l'offerta {offer}.",
  "Per l'offerta {offer} le regole sono le stesse delle altre offerte, salvo dove indicato per i {segment}.",
  "Nella zona di {city} segnaliamo più contatti del solito su questo tema dopo il cambio listino di {month}.",
];
const FILLERS = [
  "Prima di rispondere, verifica nel CRM l'offerta attiva del cliente: per {offer} il canone è di {price} al mese e le condizioni sono riportate nel contratto firmato.",
  "Se il cliente chiama da {city} e segnala lo stesso problema di altri clienti della zona, controlla la bacheca dei disservizi prima di aprire una nuova pratica.",
  "Annota sempre nella pratica il canale da cui è arrivata la richiesta e l'esito del contatto: serve al team che riprende il caso se il cliente richiama.",
  "I tempi indicati sono giorni lavorativi e partono dalla data in cui la richiesta è completa di tutti i documenti; comunica al cliente una data, non un intervallo generico.",
  "Per i {segment} valgono le stesse regole, ma la conferma scritta va inviata anche all'indirizzo PEC se il cliente lo ha indicato in anagrafica.",
  "Quando il cliente chiede un rimborso superiore a {price}, spiega che l'importo viene verificato dal back office e accreditato sulla prima bolletta utile o con bonifico.",
];
const INTERNAL_NOTES = [
  "Per l'offerta {offer} apri la pratica con il codice {code} e assegnala al {team}: i tempi di presa in carico sono di 2 giorni lavorativi.",
  "Se il cliente di {city} cita un caso aperto da più di 30 giorni, scala al {team} indicando il numero di pratica {code}.",
  "Non promettere accrediti oltre {price} senza l'approvazione del responsabile di turno; annota la richiesta con il codice {code}.",
];

type Section = { text: string; words: number; fromInternalArticle: boolean };

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The body split at its `## ` headings: the text before the first heading, then one section per heading. */
export function splitSections(body: string): { intro: string; sections: string[] } {
  const parts = body.split(/\n(?=## )/);
  const first = parts[0] ?? "";
  if (first.startsWith("## ")) return { intro: "", sections: parts.map((p) => p.trim()) };
  return { intro: first.trim(), sections: parts.slice(1).map((p) => p.trim()) };
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);

/**
 * New amounts for the same kind of price ("29,90 €", "€ 5", "12 euro"): scaled and kept in the same format, so
 * the corpus does not repeat the demo's exact figures. `{{variables}}` have no digits and are left alone.
 */
export function varyAmounts(text: string, rng: () => number): string {
  return text.replace(/(€\s?)?(\d{1,4})(,\d{2})?(\s?(?:€|euro))?/g, (match, pre, int, dec, post) => {
    if (!pre && !post) return match;
    const value = Number(int) * (0.6 + rng() * 0.9);
    const whole = Math.max(1, Math.round(value));
    const cents = dec ? `,${String(Math.floor(rng() * 100)).padStart(2, "0")}` : "";
    return `${pre ?? ""}${whole}${cents}${post ?? ""}`;
  });
}

/**
 * Yields `count` article files. Deterministic for a seed. Slugs are `<base slug>-g<n>`; every file is published.
 * Public articles only borrow sections from public articles, since an internal article's body may name internal
 * facts outside `:::internal` blocks.
 */
export function* generateCorpus(
  sources: readonly ParsedArticleFile[],
  count: number,
  options: CorpusOptions = {},
): Generator<ParsedArticleFile> {
  if (sources.length === 0) throw new Error("the corpus needs at least one source article");
  const rng = createRng(options.seed ?? 7);
  const minWords = options.minWords ?? 300;
  const maxWords = options.maxWords ?? 500;
  const sectionsOf = new Map(
    sources.map((s) => [
      s,
      splitSections(s.content.body).sections.map(
        (text): Section => ({
          text,
          words: countWords(text),
          fromInternalArticle: s.meta.visibility === "internal",
        }),
      ),
    ]),
  );

  for (let n = 1; n <= count; n++) {
    const base = sources[(n - 1) % sources.length] as ParsedArticleFile;
    const offer = pick(rng, OFFERS[base.meta.productSlug] ?? DEFAULT_OFFERS);
    const values = {
      offer,
      city: pick(rng, CITIES),
      segment: pick(rng, SEGMENTS),
      month: pick(rng, MONTHS),
      team: pick(rng, TEAMS),
      price: `${(5 + Math.floor(rng() * 40)).toString()},${pick(rng, ["00", "90", "50", "99"])} €`,
      code: `${pick(rng, ["REC", "FAT", "TEC", "MNP", "ANA"])}-${1000 + Math.floor(rng() * 9000)}`,
    };
    // About one generated article in twelve turns an internal procedure: agents-only, no chatbot answer.
    const internal = base.meta.visibility === "internal" || rng() < 0.08;
    const donors = sources.filter(
      (s) =>
        s !== base &&
        s.meta.locale === base.meta.locale &&
        s.meta.productSlug === base.meta.productSlug &&
        (internal || s.meta.visibility === "public"),
    );
    const pool: Section[] = [
      ...shuffle(rng, sectionsOf.get(base) ?? []),
      ...shuffle(rng, donors.slice(0, 6)).flatMap((d) => shuffle(rng, sectionsOf.get(d) ?? []).slice(0, 2)),
    ];
    const target = minWords + Math.floor(rng() * (maxWords - minWords));
    const { intro } = splitSections(base.content.body);
    const parts: string[] = [];
    if (base.meta.locale === "it") parts.push(fill(pick(rng, INTROS), values));
    if (intro) parts.push(intro);
    let words = countWords(parts.join(" "));
    for (const section of pool) {
      if (words >= target) break;
      if (words + section.words > maxWords + 40 && words >= minWords) continue;
      parts.push(section.text);
      words += section.words;
    }
    if (base.meta.locale === "it") {
      for (const filler of shuffle(rng, FILLERS)) {
        if (words >= minWords) break;
        const text = fill(filler, values);
        parts.push(text);
        words += countWords(text);
      }
      if (rng() < 0.3) parts.push(`:::internal\n${fill(pick(rng, INTERNAL_NOTES), values)}\n:::`);
    }
    const answers = base.content.answers
      .filter((a) => !(internal && a.channel === "chatbot"))
      .map((a) => ({ ...a, body: varyAmounts(a.body, rng) }));
    const qualifier = pick(rng, [
      `${offer}, ${values.segment}, ${values.city}`,
      `${values.segment} a ${values.city}, offerta ${offer}`,
      `${offer} · ${values.city} · ${values.segment}`,
    ]);
    const it = base.meta.locale === "it";
    yield {
      meta: {
        ...base.meta,
        slug: `${base.meta.slug}-g${n}`,
        translationGroup: `${base.meta.translationGroup}-g${n}`,
        visibility: internal ? "internal" : "public",
        status: "published",
        tags: [...new Set([...base.meta.tags, offer.toLowerCase().replace(/[^a-z0-9]+/g, "-")])].slice(0, 20),
      },
      content: {
        ...base.content,
        title: `${base.content.title} (${qualifier})`.slice(0, 200),
        summary: it
          ? `${base.content.summary} Vale per l'offerta ${offer}.`.slice(0, 500)
          : base.content.summary,
        body: varyAmounts(parts.join("\n\n"), rng),
        answers,
        changeNote: "",
      },
    };
  }
}
