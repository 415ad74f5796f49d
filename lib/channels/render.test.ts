import { describe, expect, it } from "vitest";
import { ANSWER_CHANNELS, renderAnswer } from "./index";

const none = { values: {} };

describe("WhatsApp", () => {
  const whatsapp = (body: string) => renderAnswer("whatsapp", { body }, none).text;

  it("converts light Markdown to WhatsApp formatting", () => {
    expect(whatsapp("**grassetto** e __anche__")).toBe("*grassetto* e *anche*");
    expect(whatsapp("_corsivo_ e *corsivo*")).toBe("_corsivo_ e _corsivo_");
    expect(whatsapp("~~barrato~~ e `codice`")).toBe("~barrato~ e ```codice```");
    expect(whatsapp("***tutto***")).toBe("_*tutto*_");
  });

  it("turns links into bare URLs", () => {
    expect(whatsapp("Vai su [area clienti](https://sportello.example/area).")).toBe(
      "Vai su area clienti: https://sportello.example/area.",
    );
    expect(whatsapp("Vai su https://sportello.example o <https://a.example/b>")).toBe(
      "Vai su https://sportello.example o https://a.example/b",
    );
    expect(whatsapp("[**Area**](https://a.example)")).toBe("*Area*: https://a.example");
  });

  it("turns headings into bold lines and keeps lists and quotes", () => {
    expect(whatsapp("## Tempi **brevi**\n\n- uno\n- due\n  - tre\n\n1. primo\n2. secondo\n\n> nota")).toBe(
      "*Tempi brevi*\n\n- uno\n- due\n  - tre\n\n1. primo\n2. secondo\n\n> nota",
    );
    expect(whatsapp("* uno\n+ due")).toBe("- uno\n\n- due");
  });

  it("keeps code blocks monospaced and leaves tokens without values in place", () => {
    expect(whatsapp("```\nriga 1\nriga 2\n```")).toBe("```riga 1\nriga 2```");
    const rendered = renderAnswer("whatsapp", { body: "Ciao {{ customer.firstName }}!" }, none);
    expect(rendered).toEqual({
      channel: "whatsapp",
      text: "Ciao {{customer.firstName}}!",
      missing: ["customer.firstName"],
    });
  });

  it("fills values without interpreting them as Markdown", () => {
    const rendered = renderAnswer(
      "whatsapp",
      { body: "Ciao **{{customer.firstName}}**, ordine {{order.id}}" },
      { values: { "customer.firstName": "Anna_Maria", "order.id": "[x](y)" } },
    );
    expect(rendered.text).toBe("Ciao *Anna_Maria*, ordine [x](y)");
  });
});

describe("plain-text channels", () => {
  const body =
    "Ciao **{{customer.firstName}}**, vedi [la guida](https://s.example/guida) e `codice`.\n\n## Passi\n\n- _uno_\n- ~~due~~";

  it("strips markers; SMS, social and chatbot write links as text (url)", () => {
    for (const channel of ["sms", "social", "chatbot"] as const) {
      const rendered = renderAnswer(channel, { body }, { values: { "customer.firstName": "Anna" } });
      expect(rendered.text).toBe(
        "Ciao Anna, vedi la guida (https://s.example/guida) e codice.\n\nPassi\n\n- uno\n- due",
      );
      expect(rendered.missing).toEqual([]);
    }
  });

  it("reduces links to their text for phone and IVR", () => {
    const values = { values: { "customer.firstName": "Anna" } };
    expect(renderAnswer("phone", { body }, values).text).toBe(
      "Ciao Anna, vedi la guida e codice.\n\nPassi\n\n- uno\n- due",
    );
    expect(renderAnswer("ivr", { body }, values).text).toBe(
      "Ciao Anna, vedi la guida e codice.\n\nPassi\n\nuno\ndue",
    );
  });

  it("shows mail addresses without mailto:", () => {
    expect(
      renderAnswer("sms", { body: "Scrivi a [noi](mailto:a@b.example) o a c@d.example" }, none).text,
    ).toBe("Scrivi a noi (a@b.example) o a c@d.example");
  });

  it("keeps backslash escapes and entities as the characters they stand for", () => {
    expect(renderAnswer("sms", { body: "2 \\* 3 &amp; l&rsquo;ok" }, none).text).toBe("2 * 3 & l’ok");
  });

  it("appends the public article link to chatbot answers", () => {
    const withUrl = renderAnswer(
      "chatbot",
      { body: "Si può fare." },
      { values: {}, publicArticleUrl: "https://s.example/a/x" },
    );
    expect(withUrl).toEqual({
      channel: "chatbot",
      text: "Si può fare.\n\nhttps://s.example/a/x",
      missing: [],
      articleUrl: "https://s.example/a/x",
    });
    expect(renderAnswer("chatbot", { body: "Si può fare." }, none)).toMatchObject({
      text: "Si può fare.",
      articleUrl: null,
    });
  });

  it("estimates the read-aloud time for phone at 150 words a minute", () => {
    const words = Array.from({ length: 150 }, () => "parola").join(" ");
    expect(renderAnswer("phone", { body: words }, none).readAloudSeconds).toBe(60);
    expect(renderAnswer("phone", { body: `${words} altra` }, none).readAloudSeconds).toBe(61);
  });

  it("analyses the rendered SMS, values included", () => {
    const rendered = renderAnswer(
      "sms",
      { body: "Ciao {{customer.firstName}}" },
      { values: { "customer.firstName": "Zoë" } },
    );
    expect(rendered.text).toBe("Ciao Zoë");
    expect(rendered.sms).toMatchObject({
      encoding: "UCS-2",
      units: 8,
      parts: 1,
      ucs2Chars: [{ char: "ë", index: 7 }],
    });
  });

  it("normalises CRLF line endings from browser forms", () => {
    const rendered = renderAnswer("sms", { body: "Riga uno\r\nriga due\r\n\r\nAltro" }, none);
    expect(rendered.text).toBe("Riga uno\nriga due\n\nAltro");
    expect(rendered.sms.units).toBe(rendered.text.length);
  });
});

describe("chat", () => {
  it("keeps the Markdown and fills values", () => {
    const rendered = renderAnswer(
      "chat",
      { body: "Ciao **{{ customer.firstName }}**, [guida](https://s.example) {{ticket.id}}" },
      { values: { "customer.firstName": "Anna" } },
    );
    expect(rendered).toEqual({
      channel: "chat",
      text: "Ciao **Anna**, [guida](https://s.example) {{ticket.id}}",
      missing: ["ticket.id"],
    });
  });
});

describe("email", () => {
  it("renders subject, HTML and plain text", () => {
    const rendered = renderAnswer(
      "email",
      {
        subject: "Il tuo ordine {{order.id}}",
        body: "Gentile {{customer.firstName}},\n\necco **come fare**:\n\n- vai su [area clienti](https://s.example/area)\n\nCordiali saluti,\n{{agent.firstName}}",
      },
      { values: { "order.id": "A-12", "customer.firstName": "Anna", "agent.firstName": "Marco" } },
    );
    expect(rendered.subject).toBe("Il tuo ordine A-12");
    expect(rendered.text).toBe(
      "Gentile Anna,\n\necco come fare:\n\n- vai su area clienti (https://s.example/area)\n\nCordiali saluti,\nMarco",
    );
    expect(rendered.html).toContain("<p>Gentile Anna,</p>");
    expect(rendered.html).toContain("<strong>come fare</strong>");
    expect(rendered.html).toMatch(/<a href="https:\/\/s\.example\/area"[^>]*>area clienti<\/a>/);
    expect(rendered.missing).toEqual([]);
  });

  it("lists variables missing from subject and body once, and keeps their tokens", () => {
    const rendered = renderAnswer(
      "email",
      { subject: "Pratica {{ ticket.id }}", body: "Gentile {{customer.firstName}}, pratica {{ticket.id}}" },
      none,
    );
    expect(rendered.subject).toBe("Pratica {{ticket.id}}");
    expect(rendered.missing).toEqual(["ticket.id", "customer.firstName"]);
    expect(rendered.html).toContain("Gentile {{customer.firstName}}, pratica {{ticket.id}}");
  });

  it("keeps the subject on one line whatever the values hold", () => {
    const rendered = renderAnswer(
      "email",
      { subject: "Ciao {{customer.firstName}}", body: "x" },
      { values: { "customer.firstName": "Anna\r\nBcc: evil@example.com" } },
    );
    expect(rendered.subject).toBe("Ciao Anna Bcc: evil@example.com");
  });

  const hostileNames = [
    "<img src=x onerror=alert(1)>",
    "**bold**",
    "</p><script>alert(1)</script>",
    "[clic](javascript:alert(1))",
    "a\\*b & c &amp; d `e` _f_ # g",
    "<https://evil.example>",
  ];

  it("escapes hostile values in the HTML body and shows them literally", () => {
    for (const name of hostileNames) {
      const rendered = renderAnswer(
        "email",
        {
          subject: "Ciao",
          body: "Gentile **{{customer.firstName}}**, ciao {{customer.firstName}}.\n\n## {{customer.firstName}}",
        },
        { values: { "customer.firstName": name } },
      );
      // A URL-shaped value may still be linked by GFM's literal autolinks (as mail clients do), never with markup.
      expect(rendered.html, name).not.toMatch(/<img|<script|href="javascript:/i);
      expect(rendered.html, name).not.toContain("<strong>bold</strong>");
      expect(rendered.html, name).not.toContain("<em>");
      expect(rendered.html, name).not.toContain("<code>");
      const text = decodeHtml(rendered.html.replace(/<[^>]+>/g, ""));
      expect(text, name).toContain(`ciao ${name}.`);
    }
  });

  it("keeps a value in a link destination inside the sanitiser's reach", () => {
    const safe = renderAnswer(
      "email",
      { subject: "x", body: "[Area clienti]({{fact.portal_url}})" },
      { values: { "fact.portal_url": "https://s.example/area?a=1&b=2_c" } },
    );
    expect(safe.html).toContain('href="https://s.example/area?a=1&#x26;b=2_c"');
    const hostile = renderAnswer(
      "email",
      { subject: "x", body: "[Area clienti]({{fact.portal_url}})" },
      { values: { "fact.portal_url": "javascript:alert(1)" } },
    );
    expect(hostile.html).not.toContain('href="javascript:');
    expect(hostile.html).toContain(">Area clienti<");
  });

  it("links URL and e-mail values in text and keeps code spans literal", () => {
    const rendered = renderAnswer(
      "email",
      { subject: "x", body: "Vai su {{fact.portal_url}} o scrivi a {{fact.mail}}. Codice: `{{order.id}}`" },
      {
        values: {
          "fact.portal_url": "https://s.example/a_b",
          "fact.mail": "aiuto@s.example",
          "order.id": "A*1_<b>",
        },
      },
    );
    expect(rendered.html).toMatch(/<a href="https:\/\/s\.example\/a_b"[^>]*>https:\/\/s\.example\/a_b<\/a>/);
    expect(rendered.html).toContain('<a href="mailto:aiuto@s.example">aiuto@s.example</a>');
    expect(rendered.html).toContain("<code>A*1_&#x3C;b></code>");
  });

  it("keeps line breaks of a multi-line value inside a paragraph", () => {
    const rendered = renderAnswer(
      "email",
      { subject: "x", body: "Orari: {{fact.hours}}" },
      { values: { "fact.hours": "Lun-Ven 8-20\n- Sab 9-13" } },
    );
    expect(rendered.html).toBe("<p>Orari: Lun-Ven 8-20<br>\n- Sab 9-13</p>");
  });
});

describe("every channel", () => {
  it("renders hostile bodies without throwing", () => {
    const bodies = [
      "",
      "   ",
      "{{",
      "{{}}",
      "{{ foo bar }}",
      "[",
      "](",
      "<",
      "\u0000",
      "\ud800",
      "| a |\n|---|",
      "```",
      "> ",
      "* * *",
    ];
    for (const channel of ANSWER_CHANNELS) {
      for (const body of bodies) {
        expect(
          () => renderAnswer(channel, { body, subject: body }, none),
          `${channel} ${JSON.stringify(body)}`,
        ).not.toThrow();
      }
    }
  });
});

function decodeHtml(html: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", apos: "'" };
  return html.replace(
    /&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi,
    (entity, hex?: string, decimal?: string, name?: string) => {
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (decimal) return String.fromCodePoint(Number(decimal));
      return named[name ?? ""] ?? entity;
    },
  );
}
