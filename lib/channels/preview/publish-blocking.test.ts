import { describe, expect, it } from "vitest";
import type { EditorFact } from "./insert-variable";
import {
  countIssues,
  createCheckContext,
  formatIssueCount,
  hasPublishBlockingErrors,
  listPublishBlockingChannels,
} from "./publish-blocking";

const facts: EditorFact[] = [
  { key: "support_phone", visibility: "public", value: "800 123 456" },
  { key: "escalation_queue", visibility: "internal", value: "Q-42" },
];

describe("hasPublishBlockingErrors", () => {
  it("passes clean answers and ignores absent ones", () => {
    expect(
      hasPublishBlockingErrors(
        { sms: { subject: "", body: "Chiama il {{fact.support_phone}}." }, phone: { subject: "", body: "" } },
        facts,
        "public",
      ),
    ).toBe(false);
    expect(hasPublishBlockingErrors({}, facts, "public")).toBe(false);
  });

  it("blocks on an error and names the channel", () => {
    const answers = {
      sms: { subject: "", body: "Ciao {{customer.nickname}}" },
      social: { subject: "", body: "Coda {{fact.escalation_queue}}" },
      email: { subject: "", body: "Gentile cliente" },
    };
    expect(hasPublishBlockingErrors(answers, facts, "public")).toBe(true);
    expect(listPublishBlockingChannels(answers, facts, "public")).toEqual(["email", "sms", "social"]);
  });

  it("does not block on warnings", () => {
    const long = "parola ".repeat(200);
    expect(hasPublishBlockingErrors({ phone: { subject: "", body: long } }, facts, "public")).toBe(false);
  });

  it("blocks a chatbot answer of an internal article", () => {
    expect(hasPublishBlockingErrors({ chatbot: { subject: "", body: "Ciao" } }, facts, "internal")).toBe(
      true,
    );
  });

  it("measures lengths with the facts' real values", () => {
    const value = "x".repeat(300);
    const withLongFact: EditorFact[] = [{ key: "note", visibility: "public", value }];
    expect(
      hasPublishBlockingErrors({ social: { subject: "", body: "{{fact.note}}" } }, withLongFact, "public"),
    ).toBe(true);
  });
});

describe("createCheckContext", () => {
  it("keeps fact values and treats an empty one as unknown", () => {
    const context = createCheckContext(
      [...facts, { key: "empty", visibility: "public", value: "" }],
      "internal",
    );
    expect(context.articleVisibility).toBe("internal");
    expect(context.facts.get("support_phone")).toEqual({ visibility: "public", value: "800 123 456" });
    expect(context.facts.get("empty")).toEqual({ visibility: "public", value: null });
  });
});

describe("formatIssueCount", () => {
  it("says errors and warnings in Italian", () => {
    expect(formatIssueCount({ errors: 2, warnings: 1 })).toBe("2 errori · 1 avviso");
    expect(formatIssueCount({ errors: 1, warnings: 0 })).toBe("1 errore");
    expect(formatIssueCount({ errors: 0, warnings: 3 })).toBe("3 avvisi");
    expect(formatIssueCount({ errors: 0, warnings: 0 })).toBe("");
  });

  it("counts by severity", () => {
    expect(
      countIssues([
        { severity: "error", code: "a", message: "" },
        { severity: "warning", code: "b", message: "" },
        { severity: "warning", code: "c", message: "" },
      ]),
    ).toEqual({ errors: 1, warnings: 2 });
  });
});
