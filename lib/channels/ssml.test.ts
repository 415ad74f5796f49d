import { describe, expect, it } from "vitest";
import { buildSsml, escapeXml, renderAnswer } from "./index";

// A small, strict XML 1.0 well-formedness checker, independent of the generator: characters, entity and
// character references, tag balance, attribute quoting, one root element, no "]]>" in text.
function wellFormedError(xml: string): string | null {
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = xml.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return `lone high surrogate at ${i}`;
      i++;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return `lone low surrogate at ${i}`;
    if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff) {
      return `invalid character U+${code.toString(16)} at ${i}`;
    }
  }
  const reference = "&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);";
  const textPattern = new RegExp(`^(?:[^<&]|${reference})*$`);
  const name = "[A-Za-z_][A-Za-z0-9_.:-]*";
  const attribute = `\\s+(?<attribute>${name})\\s*=\\s*(?:"(?:[^"<&]|${reference})*"|'(?:[^'<&]|${reference})*')`;
  const openTag = new RegExp(`^<(${name})((?:${attribute.replace("?<attribute>", "?:")})*)\\s*(/?)>$`);
  const closeTag = new RegExp(`^</(${name})\\s*>$`);
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const text = lt === -1 ? xml.slice(at) : xml.slice(at, lt);
    if (!textPattern.test(text)) return `bad text ${JSON.stringify(text)}`;
    if (text.includes("]]>")) return "]]> in text";
    if (stack.length === 0 && text.trim() !== "") return `text outside the root: ${JSON.stringify(text)}`;
    if (lt === -1) break;
    const gt = xml.indexOf(">", lt);
    if (gt === -1) return "unterminated tag";
    const tag = xml.slice(lt, gt + 1);
    const close = closeTag.exec(tag);
    const open = openTag.exec(tag);
    if (close) {
      if (stack.pop() !== close[1]) return `mismatched ${tag}`;
    } else if (open) {
      if (stack.length === 0 && ++roots > 1) return "more than one root";
      const names = Array.from(
        (open[2] ?? "").matchAll(new RegExp(attribute, "g")),
        (match) => match.groups?.attribute,
      );
      if (new Set(names).size !== names.length) return `duplicate attribute in ${tag}`;
      if (open[3] !== "/") stack.push(open[1] ?? "");
    } else {
      return `bad tag ${JSON.stringify(tag)}`;
    }
    at = gt + 1;
  }
  if (stack.length > 0) return `unclosed ${stack.join(",")}`;
  return roots === 1 ? null : "no root element";
}

describe("the test's XML checker", () => {
  it("rejects what is not well-formed", () => {
    expect(wellFormedError('<speak>ok &amp; <break time="1s"/></speak>')).toBeNull();
    for (const bad of [
      "<speak>a & b</speak>",
      "<speak>a < b</speak>",
      "<speak>]]></speak>",
      "<speak><a></speak></a>",
      "<speak>",
      "<speak></speak><speak></speak>",
      "<speak a=1></speak>",
      '<speak a="1" a="2"></speak>',
      "<speak>\u0001</speak>",
      "<speak>\ud800</speak>",
      "text<speak></speak>",
    ]) {
      expect(wellFormedError(bad), bad).not.toBeNull();
    }
  });
});

describe("buildSsml", () => {
  it("wraps paragraphs in <speak> with pauses between them", () => {
    expect(buildSsml("Buongiorno.\nBenvenuto.\n\nPremi uno.")).toBe(
      '<speak>Buongiorno. Benvenuto.<break time="700ms"/>Premi uno.</speak>',
    );
  });

  it("reads phone numbers as telephone numbers", () => {
    for (const phone of [
      "800 123 456",
      "+39 02 1234 5678",
      "333-1234567",
      "0212345678",
      "+44 20 7946 0958",
    ]) {
      expect(buildSsml(`Chiama il ${phone} oggi.`)).toBe(
        `<speak>Chiama il <say-as interpret-as="telephone">${phone}</say-as> oggi.</speak>`,
      );
    }
  });

  it("leaves amounts, years and short numbers alone", () => {
    for (const text of [
      "Costa 12.500.000 euro",
      "Nel 2025-2026",
      "Dopo 30 60 90 giorni",
      "Codice 12345",
      "1,5 GB",
    ]) {
      expect(buildSsml(text)).not.toContain("say-as");
    }
  });

  it("reads dates day-first or ISO", () => {
    expect(buildSsml("Entro il 31/12/2026 o il 2026-12-31.")).toBe(
      '<speak>Entro il <say-as interpret-as="date" format="dmy">31/12/2026</say-as> o il ' +
        '<say-as interpret-as="date" format="ymd">2026-12-31</say-as>.</speak>',
    );
    expect(buildSsml("Il 45/13/2026 non esiste")).not.toContain("say-as");
  });

  it("escapes everything and stays well-formed for hostile text", () => {
    const hostile =
      '<speak>&amp; & < > " \' ]]> <![CDATA[x]]> <!-- c --> </speak><break time="0"/> \u0000\u0008\u000b\u001f \ud800 \udfff \ufffe 😀';
    const ssml = buildSsml(hostile);
    expect(wellFormedError(ssml)).toBeNull();
    expect(ssml).toContain("&lt;speak&gt;&amp;amp; &amp; &lt; &gt; &quot; &apos; ]]&gt;");
    expect(ssml).toContain("😀");
    expect(escapeXml("a\u0000b\ud800c")).toBe("abc");
  });

  it("is well-formed for any mix of hostile pieces", () => {
    const pieces = [
      "<",
      ">",
      "&",
      "]]>",
      '"',
      "'",
      "\u0000",
      "\u0007",
      "\ud800",
      "\udc00",
      "😀",
      "800 123 456",
      "+39 02 1234 5678",
      "31/12/2026",
      "2026-12-31",
      "\n\n",
      "\r\n",
      "&amp;",
      "&#0;",
      '<break time="1s"/>',
      "</speak>",
      "<!--",
      "<![CDATA[",
      "{{customer.firstName}}",
      "**x**",
      "[a](https://b.it)",
      " ",
      "parola",
      "\ufffe",
      "- ",
      "# ",
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 400; run++) {
      let text = "";
      const length = 1 + Math.floor(random() * 25);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const direct = buildSsml(text);
      expect(wellFormedError(direct), JSON.stringify(text)).toBeNull();
      const value = pieces[Math.floor(random() * pieces.length)] ?? "";
      const rendered = renderAnswer("ivr", { body: text }, { values: { "customer.firstName": value } });
      expect(wellFormedError(rendered.ssml), JSON.stringify([text, value])).toBeNull();
    }
  });
});

describe("IVR rendering", () => {
  it("escapes values in SSML and marks the phone number a fact brings", () => {
    const rendered = renderAnswer(
      "ivr",
      { body: "Grazie {{customer.firstName}}. Chiama il {{fact.support_phone}}.\n\nArrivederci." },
      { values: { "customer.firstName": "</speak><audio src='x'/>&", "fact.support_phone": "800 123 456" } },
    );
    expect(rendered.ssml).toBe(
      "<speak>Grazie &lt;/speak&gt;&lt;audio src=&apos;x&apos;/&gt;&amp;. Chiama il " +
        '<say-as interpret-as="telephone">800 123 456</say-as>.<break time="700ms"/>Arrivederci.</speak>',
    );
    expect(wellFormedError(rendered.ssml)).toBeNull();
    expect(rendered.text).toBe("Grazie </speak><audio src='x'/>&. Chiama il 800 123 456.\n\nArrivederci.");
  });

  it("drops Markdown markers and list markers from the spoken text", () => {
    const rendered = renderAnswer(
      "ivr",
      { body: "**Attenzione**: premi\n\n- uno per X\n- due per Y" },
      { values: {} },
    );
    expect(rendered.text).toBe("Attenzione: premi\n\nuno per X\ndue per Y");
    expect(rendered.ssml).toBe('<speak>Attenzione: premi<break time="700ms"/>uno per X due per Y</speak>');
  });
});
