import { describe, expect, it } from "vitest";
import { type EditorFact, insertAtSelection, listPickerOptions } from "./insert-variable";

describe("insertAtSelection", () => {
  it("inserts at the caret and puts the caret after the token", () => {
    expect(insertAtSelection("Ciao ,", 5, 5, "{{customer.firstName}}")).toEqual({
      value: "Ciao {{customer.firstName}},",
      caret: 27,
    });
  });

  it("replaces the selected text", () => {
    expect(insertAtSelection("Ciao NOME!", 5, 9, "{{x}}")).toEqual({ value: "Ciao {{x}}!", caret: 10 });
    expect(insertAtSelection("Ciao NOME!", 9, 5, "{{x}}")).toEqual({ value: "Ciao {{x}}!", caret: 10 });
  });

  it("clamps stale offsets to the text", () => {
    expect(insertAtSelection("abc", 10, 12, "X")).toEqual({ value: "abcX", caret: 4 });
    expect(insertAtSelection("abc", -3, 0, "X")).toEqual({ value: "Xabc", caret: 1 });
    expect(insertAtSelection("abc", Number.NaN, Number.NaN, "X")).toEqual({ value: "abcX", caret: 4 });
  });
});

describe("listPickerOptions", () => {
  const facts: EditorFact[] = [
    { key: "support_phone", visibility: "public", value: "800 123 456" },
    { key: "escalation_queue", visibility: "internal", value: "Q-42" },
  ];

  it("offers the variables of the channel and every fact in private channels", () => {
    const sms = listPickerOptions("sms", facts);
    expect(sms.variables.map((v) => v.token)).toContain("{{order.id}}");
    expect(sms.facts.map((f) => f.token)).toEqual(["{{fact.escalation_queue}}", "{{fact.support_phone}}"]);
  });

  it("offers only the first name and public facts on social", () => {
    const social = listPickerOptions("social", facts);
    expect(social.variables.map((v) => v.name)).toEqual(["customer.firstName"]);
    expect(social.facts.map((f) => f.name)).toEqual(["fact.support_phone"]);
  });

  it("leaves internal facts out of chatbot answers", () => {
    expect(listPickerOptions("chatbot", facts).facts.map((f) => f.visibility)).toEqual(["public"]);
  });
});
