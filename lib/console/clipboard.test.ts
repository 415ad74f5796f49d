import { describe, expect, it } from "vitest";
import { renderAnswer } from "@/lib/channels";
import { answerTexts, buildClipboardPayload } from "./clipboard";

describe("buildClipboardPayload", () => {
  it("copies an SMS as plain text with the customer's name", () => {
    const sms = renderAnswer(
      "sms",
      { body: "Levante: {{customer.firstName}}, SIM bloccata." },
      { values: {} },
    );
    expect(buildClipboardPayload(sms, { "customer.firstName": "Anna" })).toEqual({
      text: "Levante: Anna, SIM bloccata.",
      html: null,
      missing: [],
    });
  });

  it("keeps unfilled tokens visible and lists them", () => {
    const chat = renderAnswer("chat", { body: "Pratica {{ticket.id}}" }, { values: {} });
    expect(buildClipboardPayload(chat, {})).toEqual({
      text: "Pratica {{ticket.id}}",
      html: null,
      missing: ["ticket.id"],
    });
  });

  it("gives email a subject line in the text and an escaped rich HTML body", () => {
    const email = renderAnswer(
      "email",
      {
        body: "Gentile **{{customer.firstName}}**,\n\n{{agent.firstName}}",
        subject: "Pratica {{ticket.id}}",
      },
      { values: {} },
    );
    const payload = buildClipboardPayload(email, {
      "customer.firstName": "Anna <b>",
      "agent.firstName": "Luca",
    });
    expect(payload.text).toBe("Oggetto: Pratica {{ticket.id}}\n\nGentile Anna <b>,\n\nLuca");
    expect(payload.html).toContain("<strong>Anna &lt;b&gt;</strong>");
    expect(payload.html).toContain("<p>Luca</p>");
    expect(payload.missing).toEqual(["ticket.id"]);
    expect(answerTexts(email)).toEqual(["Pratica {{ticket.id}}", email.text]);
  });
});
