import { describe, expect, it } from "vitest";
import { questionSections } from "./render";

describe("questionSections", () => {
  it("turns h2 questions into question/answer pairs with the section's text", () => {
    const md = [
      "Intro.",
      "## Voltura o subentro?",
      "La **voltura** cambia l'intestatario.",
      "",
      "- senza interruzione",
      "- stesso contatore",
      "## Quanto costa?",
      "Nulla.",
      "### Dettagli",
      "Anche in bolletta.",
      "## Documenti",
      "Carta d'identità.",
    ].join("\n");
    const sections = questionSections(md, { audience: "public" });
    expect(sections).toEqual([
      {
        question: "Voltura o subentro?",
        answer: "La voltura cambia l'intestatario. senza interruzione stesso contatore",
      },
      { question: "Quanto costa?", answer: "Nulla. Dettagli Anche in bolletta." },
    ]);
  });

  it("leaves out numbered troubleshooting steps, empty sections and internal blocks", () => {
    const md = [
      "## 1. La linea è attiva?",
      "Controlla il led.",
      "## Serve altro?",
      "## Posso pagare in ritardo?",
      "Sì, entro 10 giorni.",
      "",
      ":::internal",
      "Codice sblocco 4411",
      ":::",
    ].join("\n");
    const sections = questionSections(md, { audience: "public" });
    expect(sections).toEqual([{ question: "Posso pagare in ritardo?", answer: "Sì, entro 10 giorni." }]);
    expect(JSON.stringify(sections)).not.toContain("4411");
  });

  it("does not fold footnotes into the last answer", () => {
    const md = ["## Quando arriva?", "Entro 5 giorni.[^1]", "", "[^1]: Lavorativi."].join("\n");
    const [section] = questionSections(md, { audience: "public" });
    expect(section?.answer).toBe("Entro 5 giorni.1");
  });
});
