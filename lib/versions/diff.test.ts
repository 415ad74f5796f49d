import { describe, expect, it } from "vitest";
import {
  buildDiffSections,
  type DiffableContent,
  type DiffPart,
  diffText,
  foldUnchanged,
  sideOf,
} from "./diff";

const join = (parts: DiffPart[]) => parts.map((p) => p.value).join("");
const changedWords = (parts: DiffPart[], flag: "added" | "removed") =>
  parts.filter((p) => p[flag]).map((p) => p.value);

const base: DiffableContent = {
  title: "Cambiare l'IBAN",
  summary: "Come cambiare il conto di addebito.",
  body: "Il cambio è gratuito.\n\nServono 5 giorni lavorativi.",
  answers: [
    { channel: "sms", subject: null, body: "Cambio IBAN gratuito in 5 giorni." },
    { channel: "email", subject: "Il suo IBAN", body: "Gentile cliente, il cambio è gratuito." },
  ],
};

describe("diffText", () => {
  it("marks exactly the changed words and keeps both texts recoverable", () => {
    const before = "Servono 5 giorni lavorativi per l'attivazione.";
    const after = "Servono 3 giorni lavorativi per l'attivazione, già dal mese prossimo.";
    const parts = diffText(before, after);
    expect(changedWords(parts, "removed")).toEqual(["5"]);
    expect(changedWords(parts, "added")).toEqual(["3", ", già dal mese prossimo"]);
    expect(join(sideOf(parts, "old"))).toBe(before);
    expect(join(sideOf(parts, "new"))).toBe(after);
  });

  it("keeps newlines and accented words whole", () => {
    const parts = diffText("Perché è così.\n\nFine.", "Perché non è così.\n\nFine.");
    expect(changedWords(parts, "added")).toEqual(["non "]);
    expect(changedWords(parts, "removed")).toEqual([]);
  });

  it("gives one unchanged part for equal texts and nothing for two empty ones", () => {
    expect(diffText("uguale", "uguale")).toEqual([{ value: "uguale" }]);
    expect(diffText("", "")).toEqual([]);
    expect(diffText("", "nuovo")).toEqual([{ value: "nuovo", added: true }]);
  });
});

describe("buildDiffSections", () => {
  it("lists title, summary, body, then answers in channel order, e-mail subject first", () => {
    const sections = buildDiffSections(base, base);
    expect(sections.map((s) => [s.key, s.label])).toEqual([
      ["title", "Titolo"],
      ["summary", "Sommario"],
      ["body", "Testo"],
      ["answer.email.subject", "Oggetto e-mail"],
      ["answer.email", "Risposta Email"],
      ["answer.sms", "Risposta SMS"],
    ]);
    expect(sections.every((s) => !s.changed)).toBe(true);
  });

  it("flags only the sections that changed", () => {
    const sections = buildDiffSections(base, {
      ...base,
      body: "Il cambio è gratuito.\n\nServono 3 giorni lavorativi.",
      answers: [
        { channel: "email", subject: "Il suo nuovo IBAN", body: "Gentile cliente, il cambio è gratuito." },
        { channel: "sms", subject: null, body: "Cambio IBAN gratuito in 5 giorni." },
      ],
    });
    const changed = Object.fromEntries(sections.map((s) => [s.key, s.changed]));
    expect(changed).toEqual({
      title: false,
      summary: false,
      body: true,
      "answer.email.subject": true,
      "answer.email": false,
      "answer.sms": false,
    });
    const subject = sections.find((s) => s.key === "answer.email.subject");
    expect(changedWords(subject?.parts ?? [], "added")).toEqual(["nuovo "]);
  });

  it("shows a channel present on one side only as wholly added or removed", () => {
    const sections = buildDiffSections(base, {
      ...base,
      answers: [
        { channel: "whatsapp", subject: null, body: "Ciao! Il cambio è *gratuito*." },
        { channel: "sms", subject: null, body: "Cambio IBAN gratuito in 5 giorni." },
      ],
    });
    expect(sections.map((s) => s.key)).toEqual([
      "title",
      "summary",
      "body",
      "answer.email.subject",
      "answer.email",
      "answer.whatsapp",
      "answer.sms",
    ]);
    const byKey = new Map(sections.map((s) => [s.key, s]));
    expect(byKey.get("answer.whatsapp")).toEqual({
      key: "answer.whatsapp",
      label: "Risposta WhatsApp",
      changed: true,
      presence: "added",
      parts: [{ value: "Ciao! Il cambio è *gratuito*.", added: true }],
    });
    expect(byKey.get("answer.email")).toMatchObject({ presence: "removed", changed: true });
    expect(byKey.get("answer.email.subject")?.parts).toEqual([{ value: "Il suo IBAN", removed: true }]);
  });

  it("ignores answers stored under a channel the catalogue no longer knows", () => {
    const sections = buildDiffSections(base, {
      ...base,
      answers: [...base.answers, { channel: "fax", subject: null, body: "…" }],
    });
    expect(sections.some((s) => s.key.includes("fax"))).toBe(false);
  });
});

describe("foldUnchanged", () => {
  const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(" ");

  it("folds long unchanged text around a change, keeping context and every character", () => {
    const before = `${long("prima", 200)} vecchio ${long("dopo", 200)}`;
    const after = `${long("prima", 200)} nuovo ${long("dopo", 200)}`;
    const folded = foldUnchanged(diffText(before, after), 100);
    expect(join(sideOf(folded, "old"))).toBe(before);
    const shown = sideOf(folded, "new");
    expect(join(shown)).toBe(after);
    expect(shown.filter((p) => p.elided)).toHaveLength(2);
    const changeAt = shown.findIndex((p) => p.added);
    expect(shown[changeAt - 1]?.elided).toBeUndefined();
    expect(shown[changeAt + 1]?.elided).toBeUndefined();
    expect((shown[changeAt - 1]?.value.length ?? 0) <= 140).toBe(true);
    // Cuts fall on whitespace: no word is split between a shown and a folded run.
    shown.forEach((p, i) => {
      if (i > 0 && (p.elided || shown[i - 1]?.elided)) expect(p.value[0]).toMatch(/\s/);
    });
  });

  it("leaves short texts and texts without changes alone", () => {
    const parts = diffText("uno due tre", "uno tre");
    expect(foldUnchanged(parts)).toEqual(parts);
    const same = [{ value: long("uguale", 500) }];
    expect(foldUnchanged(same)).toEqual(same);
  });
});
