import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseWhatsapp, parseWhatsappInline, renderWhatsapp } from "./whatsapp-format";

const html = (text: string) => renderToStaticMarkup(createElement("div", null, renderWhatsapp(text)));

describe("parseWhatsappInline", () => {
  it("reads bold, italic, strike and mono", () => {
    expect(parseWhatsappInline("*a* _b_ ~c~ ```d```")).toEqual([
      { type: "strong", children: [{ type: "text", value: "a" }] },
      { type: "text", value: " " },
      { type: "em", children: [{ type: "text", value: "b" }] },
      { type: "text", value: " " },
      { type: "strike", children: [{ type: "text", value: "c" }] },
      { type: "text", value: " " },
      { type: "code", value: "d" },
    ]);
  });

  it("nests styles and keeps mono literal", () => {
    expect(parseWhatsappInline("*_x_*")).toEqual([
      { type: "strong", children: [{ type: "em", children: [{ type: "text", value: "x" }] }] },
    ]);
    expect(parseWhatsappInline("```*x*```")).toEqual([{ type: "code", value: "*x*" }]);
  });

  it("formats only at word boundaries and never across lines", () => {
    expect(parseWhatsappInline("2*3*4 snake_case_name")).toEqual([
      { type: "text", value: "2*3*4 snake_case_name" },
    ]);
    expect(parseWhatsappInline("* a *")).toEqual([{ type: "text", value: "* a *" }]);
    expect(parseWhatsappInline("*a\nb*")).toEqual([
      { type: "text", value: "*a" },
      { type: "break" },
      { type: "text", value: "b*" },
    ]);
  });

  it("leaves unclosed markers as text", () => {
    expect(parseWhatsappInline("*aperto e ```mono")).toEqual([{ type: "text", value: "*aperto e ```mono" }]);
  });

  it("turns bare addresses into links without the sentence's final punctuation", () => {
    expect(parseWhatsappInline("Vai su www.esempio.it.")).toEqual([
      { type: "text", value: "Vai su " },
      { type: "link", value: "www.esempio.it", url: "https://www.esempio.it" },
      { type: "text", value: "." },
    ]);
  });
});

describe("parseWhatsapp", () => {
  it("splits paragraphs, lists and quotes", () => {
    const blocks = parseWhatsapp("Ciao\nriga due\n\n- uno\n- due\n\n1. primo\n2. secondo\n> citato");
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "list", "list", "quote"]);
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ value: "uno" }], [{ value: "due" }]] });
    expect(blocks[2]).toMatchObject({ ordered: true, start: 1 });
    expect(blocks[3]).toEqual({ type: "quote", content: [{ type: "text", value: "citato" }] });
  });

  it("keeps an indented line in the list item above", () => {
    expect(parseWhatsapp("- uno\n  continua")).toEqual([
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [[{ type: "text", value: "uno" }, { type: "break" }, { type: "text", value: "continua" }]],
      },
    ]);
  });

  it("keeps a multi-line mono block together, list markers inside included", () => {
    expect(parseWhatsapp("```\n- non elenco\n\n> non citazione\n```")).toEqual([
      { type: "paragraph", content: [{ type: "code", value: "\n- non elenco\n\n> non citazione\n" }] },
    ]);
  });
});

describe("renderWhatsapp", () => {
  it("renders elements, never markup from the text", () => {
    expect(html("*Ciao* <img src=x onerror=alert(1)>")).toBe(
      "<div><p><strong>Ciao</strong> &lt;img src=x onerror=alert(1)&gt;</p></div>",
    );
  });

  it("renders lists, quotes, strike and code", () => {
    expect(html("- _a_\n- ~b~\n\n> `c`")).toBe(
      "<div><ul><li><em>a</em></li><li><s>b</s></li></ul><blockquote><code>c</code></blockquote></div>",
    );
  });

  it("only links http(s) addresses", () => {
    expect(html("javascript:alert(1) https://x.it")).toBe(
      '<div><p>javascript:alert(1) <a href="https://x.it" target="_blank" rel="noopener noreferrer">https://x.it</a></p></div>',
    );
  });

  it("lets the caller render plain text runs", () => {
    const out = renderToStaticMarkup(
      createElement(
        "div",
        null,
        renderWhatsapp("*Ciao* {{x}}", {
          renderText: (text) => createElement("span", null, text.toUpperCase()),
        }),
      ),
    );
    expect(out).toBe("<div><p><strong><span>CIAO</span></strong><span> {{X}}</span></p></div>");
  });
});
