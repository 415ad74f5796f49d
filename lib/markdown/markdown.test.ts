import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  extractHeadings,
  markdownToPlainText,
  markdownToPlainTexts,
  questionSections,
  renderMarkdown,
  renderMarkdownWithHeadings,
  stripInternalBlocks,
} from "./index";

const internal = { audience: "internal" } as const;
const publicAudience = { audience: "public" } as const;

const article = `Il cliente può cambiare l'IBAN chiamando il {{fact.support_phone}}.

## Tempi di attivazione

Il nuovo IBAN vale dalla prima bolletta.

:::internal
Chiedi il **modulo SEPA** firmato dall'intestatario.

### Verifica segreta

Controlla il codice fiscale.
:::

## Costi

Nessun costo.
`;

/** Every `id="…"` in rendered HTML, in document order. */
function ids(html: string): string[] {
  return [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1] ?? "");
}

describe("renderMarkdown: GFM", () => {
  it("renders tables with column alignment", () => {
    const html = renderMarkdown("| Piano | Prezzo |\n| :-- | --: |\n| Base | 10 € |", publicAudience);
    expect(html).toContain('<th align="left">Piano</th>');
    expect(html).toContain('<th align="right">Prezzo</th>');
    expect(html).toContain('<td align="right">10 €</td>');
  });

  it("renders strikethrough", () => {
    expect(renderMarkdown("~~vecchio~~ nuovo", publicAudience)).toBe("<p><del>vecchio</del> nuovo</p>");
  });

  it("renders task lists as disabled checkboxes", () => {
    const html = renderMarkdown("- [x] fatto\n- [ ] da fare", publicAudience);
    expect(html).toContain('<ul class="contains-task-list">');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> fatto</li>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled> da fare</li>');
  });

  it("turns bare URLs and www. addresses into links", () => {
    const html = renderMarkdown("Vedi https://example.com/guida e www.example.it.", publicAudience);
    expect(html).toContain('<a href="https://example.com/guida" rel="noopener noreferrer nofollow">');
    expect(html).toContain(
      '<a href="http://www.example.it" rel="noopener noreferrer nofollow">www.example.it</a>',
    );
  });

  it("renders footnotes", () => {
    const html = renderMarkdown("Testo[^1].\n\n[^1]: Nota a piè di pagina.", publicAudience);
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref');
    expect(html).toContain("Nota a piè di pagina.");
  });

  it("adds rel=noopener noreferrer nofollow only to external links", () => {
    const html = renderMarkdown(
      "[a](https://a.example) [b](http://b.example) [c](/portale/c) [d](mailto:x@y.it) [e](tel:800123456)",
      publicAudience,
    );
    expect(html).toContain('<a href="https://a.example" rel="noopener noreferrer nofollow">a</a>');
    expect(html).toContain('<a href="http://b.example" rel="noopener noreferrer nofollow">b</a>');
    expect(html).toContain('<a href="/portale/c">c</a>');
    expect(html).toContain('<a href="mailto:x@y.it">d</a>');
    expect(html).toContain('<a href="tel:800123456">e</a>');
  });

  it("keeps relative and https images", () => {
    expect(renderMarkdown("![Bolletta](/uploads/bolletta.png)", publicAudience)).toBe(
      '<p><img src="/uploads/bolletta.png" alt="Bolletta"></p>',
    );
    expect(renderMarkdown("![x](https://cdn.example/x.png)", publicAudience)).toContain(
      'src="https://cdn.example/x.png"',
    );
  });

  it("keeps a fenced block's language class", () => {
    expect(renderMarkdown("```json\n{}\n```", publicAudience)).toBe(
      '<pre><code class="language-json">{}\n</code></pre>',
    );
  });
});

describe("renderMarkdownWithHeadings", () => {
  it("gives exactly renderMarkdown's HTML, extractHeadings' headings and questionSections' questions", () => {
    for (const audience of [internal, publicAudience]) {
      expect(renderMarkdownWithHeadings(article, audience)).toEqual({
        html: renderMarkdown(article, audience),
        headings: extractHeadings(article, audience),
        questions: questionSections(article, audience),
      });
    }
  });
});

describe("renderMarkdown: headings", () => {
  it("gives headings readable ids and an appended # anchor", () => {
    expect(renderMarkdown("## Tempi di attivazione", publicAudience)).toBe(
      '<h2 id="tempi-di-attivazione">Tempi di attivazione' +
        '<a class="heading-anchor" aria-label="Link a questa sezione" href="#tempi-di-attivazione">#</a></h2>',
    );
  });

  it("never prefixes ids with user-content-", () => {
    expect(ids(renderMarkdown(article, internal))).not.toContainEqual(
      expect.stringMatching(/^user-content-/),
    );
  });

  it("deduplicates repeated headings", () => {
    expect(ids(renderMarkdown("## Perché no\n\n## Perché no", publicAudience))).toEqual([
      "perché-no",
      "perché-no-1",
    ]);
  });

  it("prefixes one-word ids with h- so they cannot shadow window globals", () => {
    expect(ids(renderMarkdown("## Tempi\n\n## Main\n\n## 2024\n\n## !!!", publicAudience))).toEqual([
      "h-tempi",
      "h-main",
      "2024",
      "h-untitled",
    ]);
  });

  it("keeps ids stable across audiences when no internal heading comes before", () => {
    const publicIds = ids(renderMarkdown("## Costi\n\n## Tempi di attivazione", publicAudience));
    const internalIds = ids(renderMarkdown("## Costi\n\n## Tempi di attivazione", internal));
    expect(publicIds).toEqual(internalIds);
  });
});

describe("renderMarkdown: internal blocks", () => {
  it("renders them for agents as a labelled aside", () => {
    const html = renderMarkdown(article, internal);
    expect(html).toContain(
      '<aside class="internal-block" data-internal="true"><p class="internal-block-label">Solo interno</p>' +
        "<p>Chiedi il <strong>modulo SEPA</strong> firmato dall'intestatario.</p>",
    );
    expect(html).toContain("Verifica segreta");
    expect(html).toContain("</aside>");
  });

  it("removes them entirely, text included, for the public", () => {
    const html = renderMarkdown(article, publicAudience);
    expect(html).not.toContain("aside");
    expect(html).not.toContain("Solo interno");
    expect(html).not.toContain("SEPA");
    expect(html).not.toContain("segreta");
    expect(html).not.toContain("codice fiscale");
    expect(html).toContain("Nessun costo.");
  });

  it("matches the directive name case-insensitively, so a typo stays hidden", () => {
    expect(renderMarkdown(":::Internal\nsegreto\n:::", publicAudience)).toBe("");
    expect(renderMarkdown(":::INTERNAL\nsegreto\n:::", publicAudience)).toBe("");
  });

  it("removes internal blocks nested in quotes, lists and unknown directives", () => {
    const source =
      "> :::internal\n> segreto uno\n> :::\n\n- voce\n  :::internal\n  segreto due\n  :::\n\n" +
      ":::nota\n:::internal\nsegreto tre\n:::\n:::";
    const html = renderMarkdown(source, publicAudience);
    expect(html).not.toContain("segreto");
    expect(html).toContain("voce");
    expect(renderMarkdown(source, internal).match(/<aside /g)).toHaveLength(3);
  });

  it("hides everything after an unclosed internal block rather than publishing it", () => {
    expect(renderMarkdown("Pubblico\n\n:::internal\nsegreto\n\nancora segreto", publicAudience)).toBe(
      "<p>Pubblico</p>",
    );
  });

  it("ignores attributes written on the internal directive", () => {
    const html = renderMarkdown(
      ':::internal{.evil #main onclick="x" style="color:red"}\nciao\n:::',
      internal,
    );
    expect(html).toBe(
      '<aside class="internal-block" data-internal="true"><p class="internal-block-label">Solo interno</p>' +
        "<p>ciao</p></aside>",
    );
  });

  it("does not publish footnotes that only internal blocks cite", () => {
    const source = "Pubblico.\n\n:::internal\nVedi[^1].\n:::\n\n[^1]: dettaglio segreto";
    expect(renderMarkdown(source, publicAudience)).toBe("<p>Pubblico.</p>");
    expect(renderMarkdown(source, internal)).toContain("dettaglio segreto");
  });
});

describe("renderMarkdown: directives and prose", () => {
  it("renders the content of unknown container directives as ordinary Markdown", () => {
    expect(renderMarkdown(':::nota{tipo="x"}\nTesto **forte**.\n:::', publicAudience)).toBe(
      "<p>Testo <strong>forte</strong>.</p>",
    );
  });

  it("shows leaf and text directives as the text that was written", () => {
    expect(renderMarkdown("::video[Guida]{src=x}", publicAudience)).toBe("<p>::video[Guida]{src=x}</p>");
    expect(renderMarkdown('Premi :kbd[Invio]{title="y"} ora', publicAudience)).toBe(
      '<p>Premi :kbd[Invio]{title="y"} ora</p>',
    );
  });

  it.each([
    ["alle 10:30", "<p>alle 10:30</p>"],
    ["Nota:ciao", "<p>Nota:ciao</p>"],
    ["Orari:lun-ven 9:00-18:00", "<p>Orari:lun-ven 9:00-18:00</p>"],
    ["tel:800123456", "<p>tel:800123456</p>"],
    [
      "https://x.example/a:b",
      '<p><a href="https://x.example/a:b" rel="noopener noreferrer nofollow">https://x.example/a:b</a></p>',
    ],
  ])("renders %j unchanged", (source, expected) => {
    expect(renderMarkdown(source, publicAudience)).toBe(expected);
  });

  it("leaves {{variable}} placeholders untouched", () => {
    const source =
      "Chiama il {{fact.support_phone}}, {{customer.firstName}}.\n\n" +
      "| Canale | Numero |\n| --- | --- |\n| Telefono | {{fact.support_phone}} |\n\n" +
      "[{{fact.portal_name}}](https://example.com)\n\n## Numero {{fact.support_phone}}";
    const html = renderMarkdown(source, publicAudience);
    expect(html).toContain("Chiama il {{fact.support_phone}}, {{customer.firstName}}.");
    expect(html).toContain("<td>{{fact.support_phone}}</td>");
    expect(html).toContain(">{{fact.portal_name}}</a>");
    expect(html).toContain(">Numero {{fact.support_phone}}<a");
    expect(markdownToPlainText(source, publicAudience)).toContain("Chiama il {{fact.support_phone}}");
  });

  it("shows raw HTML as text instead of rendering it", () => {
    expect(renderMarkdown("Premi <kbd>Invio</kbd>", publicAudience)).toBe(
      "<p>Premi &#x3C;kbd>Invio&#x3C;/kbd></p>",
    );
    expect(renderMarkdown("<div>\nblocco\n</div>", publicAudience)).toBe(
      "<p>&#x3C;div>\nblocco\n&#x3C;/div></p>",
    );
  });

  it("drops HTML comments, which editors use as notes to each other", () => {
    expect(renderMarkdown("Testo <!-- da verificare --> pubblico", publicAudience)).toBe(
      "<p>Testo  pubblico</p>",
    );
    expect(renderMarkdown("<!--\nnota redazione\n-->\n\nTesto", publicAudience)).toBe("<p>Testo</p>");
  });
});

describe("extractHeadings", () => {
  it("lists depth 2–3 headings with the ids renderMarkdown gives them", () => {
    const source = `# Titolo\n\n${article}\n#### Troppo profondo`;
    const headings = extractHeadings(source, internal);
    expect(headings).toEqual([
      { depth: 2, text: "Tempi di attivazione", id: "tempi-di-attivazione" },
      { depth: 3, text: "Verifica segreta", id: "verifica-segreta" },
      { depth: 2, text: "Costi", id: "h-costi" },
    ]);
    const renderedIds = ids(renderMarkdown(source, internal));
    for (const heading of headings) expect(renderedIds).toContain(heading.id);
  });

  it("leaves out headings inside internal blocks for the public", () => {
    expect(extractHeadings(article, publicAudience)).toEqual([
      { depth: 2, text: "Tempi di attivazione", id: "tempi-di-attivazione" },
      { depth: 2, text: "Costi", id: "h-costi" },
    ]);
  });

  it("keeps inline formatting as text and ignores the footnotes heading", () => {
    expect(extractHeadings("## Il `codice` **PIN**[^1]\n\n[^1]: nota", publicAudience)).toEqual([
      { depth: 2, text: "Il codice PIN1", id: "il-codice-pin1" },
    ]);
  });
});

describe("markdownToPlainText", () => {
  const source = `# Cambio IBAN

Il cliente chiama il {{fact.support_phone}}
dal lunedì al venerdì.  
Anche il sabato.

- Apri [l'area clienti](https://example.com/area)
- Scegli **Pagamenti**
  1. Conferma

| Canale | Tempo |
| --- | --- |
| Email | 2 giorni |
| ~~Fax~~ | mai |

![Schermata del modulo](/uploads/modulo.png)

> Citazione con \`codice\`.

---

\`\`\`
riga 1
riga 2
\`\`\`

<b>grassetto HTML</b>

:::internal
Solo per gli agenti.
:::

Fine[^1].

[^1]: Nota finale.
`;

  it("keeps words and block structure, drops markup", () => {
    expect(markdownToPlainText(source, internal)).toBe(
      [
        "Cambio IBAN",
        "",
        "Il cliente chiama il {{fact.support_phone}} dal lunedì al venerdì.\nAnche il sabato.",
        "",
        "Apri l'area clienti\nScegli Pagamenti\nConferma",
        "",
        "Canale | Tempo\nEmail | 2 giorni\nFax | mai",
        "",
        "Schermata del modulo",
        "",
        "Citazione con codice.",
        "",
        "riga 1\nriga 2",
        "",
        // Inline tags go, the words between them stay.
        "grassetto HTML",
        "",
        "Solo per gli agenti.",
        "",
        "Fine.",
        "",
        "Nota finale.",
      ].join("\n"),
    );
  });

  it("drops internal blocks and their label for the public", () => {
    const text = markdownToPlainText(source, publicAudience);
    expect(text).not.toContain("agenti");
    expect(text).not.toContain("Solo interno");
    expect(text).toContain("Fine.");
  });

  it("never includes the internal label, even for agents", () => {
    expect(markdownToPlainText(article, internal)).not.toContain("Solo interno");
    expect(markdownToPlainText(article, internal)).toContain("Chiedi il modulo SEPA");
  });

  it("drops definitions only internal blocks referenced", () => {
    const text = markdownToPlainText(
      "Pubblico.\n\n:::internal\n[Intranet][i] e nota[^1].\n:::\n\n[i]: https://intra.example\n[^1]: segreto",
      publicAudience,
    );
    expect(text).toBe("Pubblico.");
  });

  it("keeps prose with colons intact", () => {
    expect(markdownToPlainText("Nota:ciao alle 10:30, tel:800123456", publicAudience)).toBe(
      "Nota:ciao alle 10:30, tel:800123456",
    );
  });
});

describe("markdownToPlainTexts (one parse, both audiences)", () => {
  // Every demo article body: the shortcut must give exactly what one call per audience gives.
  const dir = join(process.cwd(), "content", "articles");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  it.each(files)("%s", (file) => {
    const source = readFileSync(join(dir, file), "utf8").replace(/^---[\s\S]*?\n---\n/, "");
    expect(markdownToPlainTexts(source)).toEqual({
      internal: markdownToPlainText(source, internal),
      public: markdownToPlainText(source, publicAudience),
    });
  });
  it("found the demo articles", () => expect(files.length).toBeGreaterThan(40));
});

describe("stripInternalBlocks", () => {
  it("cuts internal blocks and leaves the rest byte-for-byte", () => {
    expect(stripInternalBlocks(article)).toBe(
      "Il cliente può cambiare l'IBAN chiamando il {{fact.support_phone}}.\n\n" +
        "## Tempi di attivazione\n\nIl nuovo IBAN vale dalla prima bolletta.\n\n\n## Costi\n\nNessun costo.\n",
    );
  });

  it("cuts nested, case-variant and unclosed blocks", () => {
    const stripped = stripInternalBlocks(
      "A\n\n> :::internal\n> uno\n> :::\n\n- voce\n  :::Internal\n  due\n  :::\n\n:::internal\ntre",
    );
    expect(stripped).not.toMatch(/uno|due|tre|internal/i);
    expect(stripped).toContain("voce");
  });

  it("leaves code blocks that merely show the syntax alone", () => {
    const source = "```md\n:::internal\nesempio\n:::\n```\n";
    expect(stripInternalBlocks(source)).toBe(source);
  });

  it("also cuts HTML comments and definitions only the internal blocks used", () => {
    const source =
      "Testo[^1] <!-- nota -->\n\n:::internal\n[Intranet][i] e [^2]\n:::\n\n" +
      "[^1]: pubblica\n[^2]: segreta\n[i]: https://intra.example\n";
    const stripped = stripInternalBlocks(source);
    expect(stripped).not.toMatch(/nota|segreta|intra/);
    expect(stripped).toContain("[^1]: pubblica");
  });

  it("renders publicly the same as the original rendered for the public", () => {
    expect(renderMarkdown(stripInternalBlocks(article), publicAudience)).toBe(
      renderMarkdown(article, publicAudience),
    );
  });

  it("is idempotent and a no-op without internal blocks", () => {
    const once = stripInternalBlocks(article);
    expect(stripInternalBlocks(once)).toBe(once);
    expect(stripInternalBlocks("## Titolo\n\nTesto.\n")).toBe("## Titolo\n\nTesto.\n");
  });
});
