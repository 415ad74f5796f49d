import { describe, expect, it } from "vitest";
import {
  ANSWER_CHANNELS,
  type AnswerIssue,
  type ChannelKey,
  type CheckContext,
  checkAnswer,
  hasBlockingIssues,
  VARIABLES,
} from "./index";

const context: CheckContext = {
  facts: new Map([
    ["support_phone", { visibility: "public", value: "800 123 456" }],
    ["price", { visibility: "public" }],
    ["backoffice_phone", { visibility: "internal", value: "02 9999 0000" }],
    ["quote", { visibility: "public", value: "l’offerta" }],
    ["portal_url", { visibility: "public", value: "https://s.example/area" }],
  ]),
  articleVisibility: "public",
};

function check(
  channel: ChannelKey,
  body: string,
  subject?: string | null,
  overrides: Partial<CheckContext> = {},
) {
  return checkAnswer(
    channel,
    { body, subject: subject ?? (channel === "email" ? "Oggetto" : undefined) },
    {
      ...context,
      ...overrides,
    },
  );
}

const codes = (issues: AnswerIssue[]) => issues.map((issue) => issue.code);
const only = (issues: AnswerIssue[], code: string) => issues.filter((issue) => issue.code === code);
const words = (count: number) => Array.from({ length: count }, () => "parola").join(" ");

describe("every channel", () => {
  it("accepts a plain short answer", () => {
    for (const channel of ANSWER_CHANNELS) expect(check(channel, "Certo, si può fare."), channel).toEqual([]);
  });

  it("refuses an empty body", () => {
    for (const channel of ANSWER_CHANNELS) {
      const issues = check(channel, "  \n\t ");
      expect(codes(issues), channel).toEqual(["empty_body"]);
      expect(issues[0]).toMatchObject({ severity: "error", field: "body" });
      expect(hasBlockingIssues(issues)).toBe(true);
    }
  });

  it("refuses unknown variables and malformed braces, pointing at them", () => {
    const body = "Ciao {{ cliente.nome }}, {{ foo bar }} e {{}} e {{ aperta";
    const issues = check("chat", body);
    expect(issues.map(({ code, start, end }) => ({ code, text: body.slice(start, end) }))).toEqual([
      { code: "malformed_variable", text: "{{ foo bar }}" },
      { code: "malformed_variable", text: "{{}}" },
      { code: "malformed_variable", text: "{{" },
      { code: "unknown_variable", text: "{{ cliente.nome }}" },
    ]);
    for (const issue of issues) expect(issue).toMatchObject({ severity: "error", field: "body" });
  });

  it("refuses unknown facts everywhere and internal facts in public channels only", () => {
    for (const channel of ANSWER_CHANNELS) {
      const issues = check(
        channel,
        "Numero: {{fact.nope}}, interno {{fact.backoffice_phone}}, pubblico {{fact.support_phone}}.",
      );
      expect(only(issues, "unknown_fact"), channel).toMatchObject([{ severity: "error", start: 8, end: 21 }]);
      const internal = only(issues, "internal_fact");
      if (channel === "social" || channel === "chatbot") {
        expect(internal, channel).toMatchObject([{ severity: "error", start: 31, end: 56 }]);
      } else {
        expect(internal, channel).toEqual([]);
      }
    }
  });

  it("allows each catalogue variable exactly in the channels CHANNELS.md lists", () => {
    for (const variable of VARIABLES) {
      for (const channel of ANSWER_CHANNELS) {
        const issues = check(channel, `Valore: {{${variable.name}}}.`);
        const allowed = variable.channels.includes(channel);
        expect(codes(issues), `${variable.name} in ${channel}`).toEqual(
          allowed ? [] : ["variable_not_allowed"],
        );
        if (!allowed) expect(issues[0]).toMatchObject({ severity: "error", start: 8 });
      }
    }
  });

  it("allows only the customer's first name in social, and public facts", () => {
    const issues = check(
      "social",
      "Grazie {{customer.firstName}} {{customer.lastName}}, {{agent.firstName}}, {{order.id}}, {{ticket.id}}, {{fact.support_phone}}",
    );
    expect(codes(issues)).toEqual(Array(4).fill("variable_not_allowed"));
    expect(issues[0]?.message).toContain("{{customer.firstName}}");
  });

  it("refuses :::internal blocks inside an answer", () => {
    const body = "Testo\n\n:::internal\nsegreto\n:::";
    expect(check("email", body)).toMatchObject([
      { code: "internal_block", severity: "error", start: 7, end: 18 },
    ]);
  });

  it("checks hostile bodies without throwing", () => {
    const bodies = [
      "{{",
      "{{}}",
      "{{ foo bar }}",
      "{{{x}}}",
      "[",
      "](",
      "<",
      "\u0000",
      "\ud800",
      "| a |\n|---|",
      "```",
      "\uE000\uE100",
    ];
    for (const channel of ANSWER_CHANNELS) {
      for (const body of bodies) {
        expect(() => check(channel, body, body), `${channel} ${JSON.stringify(body)}`).not.toThrow();
      }
    }
  });

  it("lists errors before warnings", () => {
    const issues = check("phone", `${words(160)} https://s.example {{nope}}`);
    expect(codes(issues)).toEqual(["unknown_variable", "phone_too_long", "phone_url"]);
  });
});

describe("chatbot", () => {
  it("needs a public article", () => {
    const issues = check("chatbot", "Si può fare.", undefined, { articleVisibility: "internal" });
    expect(issues).toMatchObject([{ code: "article_not_public", severity: "error" }]);
    expect(issues[0]).not.toHaveProperty("field");
    expect(check("chatbot", "Si può fare.")).toEqual([]);
  });

  it("warns over 300 characters", () => {
    expect(codes(check("chatbot", "a".repeat(300)))).toEqual([]);
    expect(check("chatbot", "a".repeat(301))).toMatchObject([
      { code: "chatbot_too_long", severity: "warning" },
    ]);
  });
});

describe("social", () => {
  it("refuses more than 280 characters", () => {
    expect(check("social", "a".repeat(280))).toEqual([]);
    expect(check("social", "a".repeat(281))).toMatchObject([{ code: "social_too_long", severity: "error" }]);
  });

  it("counts the rendered text: markers out, the first name as a typical name", () => {
    expect(check("social", `**${"a".repeat(270)}**`)).toEqual([]);
    // The example first name has 10 characters.
    expect(check("social", `${"a".repeat(270)}{{customer.firstName}}`)).toEqual([]);
    expect(codes(check("social", `${"a".repeat(271)}{{customer.firstName}}`))).toEqual(["social_too_long"]);
  });
});

describe("phone", () => {
  it("warns over 60 seconds at 150 words a minute", () => {
    expect(check("phone", words(150))).toEqual([]);
    expect(check("phone", words(151))).toMatchObject([{ code: "phone_too_long", severity: "warning" }]);
    expect(check("phone", words(151))[0]?.message).toContain("61 secondi");
  });

  it("warns on raw URLs, links, tables, code and emoji, with offsets", () => {
    const body =
      "Vai su https://s.example o [qui](https://s.example).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nUsa `x` 👍🏽 ok";
    const issues = check("phone", body);
    expect(
      issues.map(({ code, severity, start, end }) => ({ code, severity, text: body.slice(start, end) })),
    ).toEqual([
      { code: "phone_url", severity: "warning", text: "https://s.example" },
      { code: "phone_link", severity: "warning", text: "[qui](https://s.example)" },
      { code: "phone_table", severity: "warning", text: "| a | b |\n|---|---|\n| 1 | 2 |" },
      { code: "phone_code", severity: "warning", text: "`x`" },
      { code: "phone_emoji", severity: "warning", text: "👍🏽" },
    ]);
  });

  it("warns on a fact whose value is an address", () => {
    expect(check("phone", "Vai su {{fact.portal_url}}")).toMatchObject([
      { code: "phone_url", start: 7, end: 26 },
    ]);
  });

  it("does not flag e-mail addresses or symbols like ©", () => {
    expect(check("phone", "Scrivi a aiuto@s.example. © Sportello ™")).toEqual([]);
  });
});

describe("IVR", () => {
  it("refuses URLs and Markdown formatting, pointing at them", () => {
    const body = "Premi **uno**. Vai su www.s.example\n\n- due\n\n<b>tre</b>";
    const issues = check("ivr", body);
    expect(
      issues.map(({ code, severity, start, end }) => ({ code, severity, text: body.slice(start, end) })),
    ).toEqual([
      { code: "ivr_formatting", severity: "error", text: "**uno**" },
      { code: "ivr_url", severity: "error", text: "www.s.example" },
      { code: "ivr_formatting", severity: "error", text: "- due" },
      { code: "ivr_formatting", severity: "error", text: "<b>" },
      { code: "ivr_formatting", severity: "error", text: "</b>" },
    ]);
    expect(hasBlockingIssues(issues)).toBe(true);
  });

  it("refuses a fact whose value is an address", () => {
    expect(check("ivr", "Vai su {{fact.portal_url}}")).toMatchObject([
      { code: "ivr_url", severity: "error", start: 7 },
    ]);
  });

  it("warns over 30 seconds", () => {
    expect(check("ivr", words(75))).toEqual([]);
    expect(check("ivr", words(76))).toMatchObject([{ code: "ivr_too_long", severity: "warning" }]);
  });

  it("accepts plain sentences with numbers, dates and a phone fact", () => {
    expect(check("ivr", "Chiama il {{fact.support_phone}} entro il 31/12/2026. Premi 1 o 2.")).toEqual([]);
  });
});

describe("email", () => {
  it("requires a subject", () => {
    for (const subject of [null, "", "   "]) {
      const issues = checkAnswer("email", { body: "Testo", subject }, context);
      expect(issues).toMatchObject([{ code: "email_subject_missing", severity: "error", field: "subject" }]);
    }
  });

  it("warns over 78 characters in the subject", () => {
    expect(check("email", "Testo", "a".repeat(78))).toEqual([]);
    expect(check("email", "Testo", "a".repeat(79))).toMatchObject([
      { code: "email_subject_too_long", severity: "warning", field: "subject" },
    ]);
  });

  it("checks the subject's variables, with offsets into the subject", () => {
    const issues = check("email", "Testo", "Pratica {{ticket.id}} per {{cliente}}");
    expect(issues).toMatchObject([{ code: "unknown_variable", field: "subject", start: 26, end: 37 }]);
  });

  it("allows greeting and signature variables", () => {
    expect(
      check("email", "Gentile {{customer.firstName}} {{customer.lastName}},\n\n…\n\n{{agent.firstName}}"),
    ).toEqual([]);
  });
});

describe("chat", () => {
  it("warns over 1000 characters", () => {
    const paragraphs = (count: number, size: number) =>
      Array.from({ length: count }, () => "a".repeat(size)).join("\n\n");
    expect(check("chat", paragraphs(4, 248))).toEqual([]); // 4 × 248 + 3 × 2 = 998
    expect(codes(check("chat", paragraphs(5, 200)))).toEqual(["chat_too_long"]); // 1008
  });

  it("warns on each paragraph over 300 characters, pointing at it", () => {
    const body = `Breve.\n\n${"b".repeat(301)}\n\n${"c".repeat(300)}`;
    expect(check("chat", body)).toEqual([
      expect.objectContaining({ code: "chat_paragraph_too_long", severity: "warning", start: 8, end: 309 }),
    ]);
  });

  it("measures what the customer sees: a link counts as its text", () => {
    expect(check("chat", `${"a".repeat(290)} [guida](https://s.example/${"x".repeat(50)})`)).toEqual([]);
  });
});

describe("WhatsApp", () => {
  it("refuses more than 4096 characters", () => {
    expect(check("whatsapp", "a".repeat(4096))).toEqual([]);
    expect(check("whatsapp", "a".repeat(4097))).toMatchObject([
      { code: "whatsapp_too_long", severity: "error" },
    ]);
  });

  it("warns on headings, tables and HTML", () => {
    const body = "## Titolo\n\n| a |\n|---|\n| 1 |\n\n<div>x</div>";
    const issues = check("whatsapp", body);
    expect(
      issues.map(({ code, severity, start, end }) => ({ code, severity, text: body.slice(start, end) })),
    ).toEqual([
      { code: "whatsapp_heading", severity: "warning", text: "## Titolo" },
      { code: "whatsapp_table", severity: "warning", text: "| a |\n|---|\n| 1 |" },
      { code: "whatsapp_html", severity: "warning", text: "<div>x</div>" },
    ]);
  });

  it("accepts WhatsApp-friendly Markdown", () => {
    expect(
      check(
        "whatsapp",
        "**Ciao** _{{customer.firstName}}_\n\n- uno\n- due\n\n> nota\n\n[guida](https://s.example)",
      ),
    ).toEqual([]);
  });
});

describe("SMS", () => {
  it("keeps Italian accents in GSM-7 without warnings", () => {
    expect(check("sms", "Però è già così: là, lì, più giù, perché.")).toEqual([]);
  });

  it("points at each character that forces UCS-2", () => {
    const body = "È l’ora “giusta” 👍🏽";
    const issues = check("sms", body);
    expect(
      issues.map(({ code, severity, start, end }) => ({ code, severity, text: body.slice(start, end) })),
    ).toEqual([
      { code: "sms_ucs2_char", severity: "warning", text: "È" },
      { code: "sms_ucs2_char", severity: "warning", text: "’" },
      { code: "sms_ucs2_char", severity: "warning", text: "“" },
      { code: "sms_ucs2_char", severity: "warning", text: "”" },
      { code: "sms_ucs2_char", severity: "warning", text: "👍🏽" },
    ]);
    expect(issues[0]?.message).toContain("E'");
    expect(hasBlockingIssues(issues)).toBe(false);
  });

  it("points into the body through Markdown, escapes and entities", () => {
    const body = "**È** \\*ok\\* [“x”](https://s.example) &rsquo; `È`";
    const issues = check("sms", body);
    expect(issues.map(({ start, end }) => body.slice(start, end))).toEqual(["È", "“", "”", "&rsquo;", "È"]);
  });

  it("points at the token when a fact's value forces UCS-2", () => {
    const body = "Scopri {{fact.quote}}";
    expect(check("sms", body)).toMatchObject([{ code: "sms_ucs2_char", start: 7, end: 21 }]);
    expect(check("sms", body)[0]?.message).toContain("{{fact.quote}}");
  });

  it("warns over two parts", () => {
    expect(check("sms", "a".repeat(306))).toEqual([]);
    expect(check("sms", "a".repeat(307))).toMatchObject([
      { code: "sms_too_many_parts", severity: "warning" },
    ]);
    expect(codes(check("sms", `È${"a".repeat(133)}`))).toEqual(["sms_ucs2_char"]);
    expect(codes(check("sms", `È${"a".repeat(134)}`))).toEqual(["sms_too_many_parts", "sms_ucs2_char"]);
  });

  it("counts facts by their value and extension characters twice", () => {
    // "800 123 456" is 11 characters: 295 + 11 = 306.
    expect(check("sms", `${"a".repeat(295)}{{fact.support_phone}}`)).toEqual([]);
    expect(codes(check("sms", `${"a".repeat(296)}{{fact.support_phone}}`))).toEqual(["sms_too_many_parts"]);
    expect(check("sms", `${"a".repeat(304)}€`)).toEqual([]);
    expect(codes(check("sms", `${"a".repeat(305)}€`))).toEqual(["sms_too_many_parts"]);
  });
});
