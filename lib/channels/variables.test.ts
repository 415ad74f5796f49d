import { describe, expect, it } from "vitest";
import {
  ANSWER_CHANNELS,
  type ChannelKey,
  createPreviewValues,
  fillTemplate,
  listChannelVariables,
  listVariables,
  scanVariables,
  VARIABLES,
} from "./index";

describe("listVariables", () => {
  it("finds every token with its offsets, tolerating inner spaces", () => {
    const text = "Ciao {{ customer.firstName }}, chiama il {{fact.support_phone}}.";
    expect(listVariables(text)).toEqual([
      { name: "customer.firstName", start: 5, end: 29 },
      { name: "fact.support_phone", start: 41, end: 63 },
    ]);
    expect(text.slice(5, 29)).toBe("{{ customer.firstName }}");
  });

  it("lists unknown but well-formed names too", () => {
    expect(listVariables("{{foo}} {{order.id}}").map((token) => token.name)).toEqual(["foo", "order.id"]);
  });

  it("reports malformed braces without throwing", () => {
    const text = "a {{ b {{}} c {{ foo bar }} d {{x\n}} e {{{y}}} f {{ok}}";
    const { tokens, malformed } = scanVariables(text);
    expect(tokens.map((token) => token.name)).toEqual(["ok"]);
    expect(malformed.map((token) => token.raw)).toEqual(["{{", "{{}}", "{{ foo bar }}", "{{", "{{{y}}"]);
    for (const token of malformed) expect(text.slice(token.start, token.end)).toBe(token.raw);
  });

  it("handles a trailing opening and an empty text", () => {
    expect(scanVariables("fine {{").malformed).toEqual([{ raw: "{{", start: 5, end: 7 }]);
    expect(scanVariables("")).toEqual({ tokens: [], malformed: [] });
  });
});

describe("fillTemplate", () => {
  it("replaces provided values and leaves the others normalised, each missing name once", () => {
    const result = fillTemplate(
      "Ciao {{ customer.firstName }} {{customer.lastName}}, ordine {{ order.id }} ({{order.id}})",
      {
        "customer.firstName": "Anna",
      },
    );
    expect(result.text).toBe("Ciao Anna {{customer.lastName}}, ordine {{order.id}} ({{order.id}})");
    expect(result.missing).toEqual(["customer.lastName", "order.id"]);
  });

  it("inserts values literally, even when they look like tokens or use $ patterns", () => {
    const result = fillTemplate("{{a}} {{b}}", { a: "{{b}}", b: "$& $1 $$" });
    expect(result.text).toBe("{{b}} $& $1 $$");
    expect(result.missing).toEqual([]);
  });

  it("leaves malformed braces untouched", () => {
    expect(fillTemplate("{{ foo bar }} e {{", {}).text).toBe("{{ foo bar }} e {{");
  });

  it("never reads values from Object.prototype", () => {
    const result = fillTemplate("{{constructor}} {{toString}} {{__proto__}}", {});
    expect(result.text).toBe("{{constructor}} {{toString}} {{__proto__}}");
    expect(result.missing).toEqual(["constructor", "toString", "__proto__"]);
  });

  it("accepts an empty value as a value", () => {
    expect(fillTemplate("a{{x}}b", { x: "" })).toEqual({ text: "ab", missing: [] });
  });
});

describe("variable catalogue", () => {
  const allowed = (channel: ChannelKey) => listChannelVariables(channel).map((variable) => variable.name);

  it("allows what CHANNELS.md allows, with only the first name in social", () => {
    expect(allowed("social")).toEqual(["customer.firstName"]);
    expect(allowed("chatbot")).toEqual(["customer.firstName", "customer.lastName"]);
    expect(allowed("ivr")).toEqual(["customer.firstName", "customer.lastName", "order.id", "ticket.id"]);
    for (const channel of ["phone", "email", "chat", "whatsapp", "sms"] as const) {
      expect(allowed(channel)).toEqual(VARIABLES.map((variable) => variable.name));
    }
    for (const channel of ANSWER_CHANNELS) expect(allowed(channel)).toContain("customer.firstName");
  });

  it("builds preview values from the examples and the known fact values", () => {
    const values = createPreviewValues(
      new Map([
        ["support_phone", { value: "800 123 456" }],
        ["price", {}],
      ]),
    );
    expect(values["customer.firstName"]).toBe("Alessandra");
    expect(values["fact.support_phone"]).toBe("800 123 456");
    expect(values).not.toHaveProperty("fact.price");
  });
});
