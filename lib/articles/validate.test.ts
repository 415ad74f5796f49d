import { describe, expect, it } from "vitest";
import { type ChannelKey, countCharacters } from "@/lib/channels";
import { InvalidError } from "@/lib/errors";
import { assertVersionContent, type ContentCheck, checkVersionContent } from "./validate";

const facts = new Map([
  ["support_phone", { visibility: "public" as const }],
  ["escalation_queue", { visibility: "internal" as const }],
]);

type Answer = { channel: ChannelKey; subject: string | null; body: string };

function check(body: string, answers: Answer[] = [], visibility: "public" | "internal" = "public") {
  return checkVersionContent({ body, answers }, { visibility, facts });
}

const codes = (result: ContentCheck, field: string) => (result.issues[field] ?? []).map((i) => i.code);

/** The InvalidError assertVersionContent throws, or null when it lets the content through. */
function refusal(result: ContentCheck, mode: "save" | "publish"): InvalidError | null {
  try {
    assertVersionContent(result, mode);
    return null;
  } catch (error) {
    if (error instanceof InvalidError) return error;
    throw error;
  }
}

describe("checkVersionContent: the article body", () => {
  it("finds nothing wrong in a plain body with a public fact", () => {
    expect(check("Chiama il {{fact.support_phone}}.").issues).toEqual({});
  });

  it("refuses customer variables in the body, pointing at the token", () => {
    const body = "Ciao {{customer.firstName}}, ecco come fare.";
    const result = check(body);
    expect(codes(result, "body")).toEqual(["variable_not_allowed"]);
    const issue = result.issues.body?.[0];
    expect(issue?.severity).toBe("error");
    expect(body.slice(issue?.start, issue?.end)).toBe("{{customer.firstName}}");
  });

  it("refuses a fact that does not exist", () => {
    const result = check("Chiama il {{fact.numero_inventato}}.");
    expect(codes(result, "body")).toEqual(["unknown_fact"]);
    expect(result.issues.body?.[0]?.message).toContain("fact.numero_inventato");
  });

  it("refuses an internal fact in a public body outside :::internal", () => {
    const result = check("Apri un ticket su {{fact.escalation_queue}}.");
    expect(codes(result, "body")).toEqual(["internal_fact"]);
    expect(result.issues.body?.[0]?.severity).toBe("error");
  });

  it("accepts an internal fact inside an :::internal block of a public article", () => {
    const result = check("Testo pubblico.\n\n:::internal\nApri un ticket su {{fact.escalation_queue}}.\n:::");
    expect(result.issues).toEqual({});
  });

  it("still refuses the internal fact when it also appears outside the block", () => {
    const result = check(
      "Coda {{fact.escalation_queue}}.\n\n:::internal\nApri un ticket su {{fact.escalation_queue}}.\n:::",
    );
    expect(codes(result, "body")).toEqual(["internal_fact"]);
  });

  it("lets an internal article use internal facts anywhere in its body", () => {
    expect(check("Apri un ticket su {{fact.escalation_queue}}.", [], "internal").issues).toEqual({});
  });

  it("refuses `::: internal` with a space, which would be published", () => {
    const body = "Testo.\n\n::: internal\nSegreto.\n:::";
    const result = check(body);
    expect(codes(result, "body")).toEqual(["malformed_internal_block"]);
    const issue = result.issues.body?.[0];
    expect(body.slice(issue?.start, issue?.end)).toBe("::: internal");
  });

  it("accepts a well-formed :::internal block", () => {
    expect(check("Testo.\n\n:::internal\nSegreto.\n:::").issues).toEqual({});
  });
});

describe("checkVersionContent: answers", () => {
  it("files answer issues under answers.<channel> and subject issues under answers.<channel>.subject", () => {
    const result = check("Testo.", [
      { channel: "sms", subject: null, body: "Ciao {{customer.nickname}}." },
      { channel: "email", subject: "Pratica {{pratica.numero}}", body: "Gentile cliente." },
    ]);
    expect(Object.keys(result.issues).sort()).toEqual(["answers.email.subject", "answers.sms"]);
    expect(codes(result, "answers.sms")).toEqual(["unknown_variable"]);
    expect(codes(result, "answers.email.subject")).toEqual(["unknown_variable"]);
  });

  it("reports a second answer for the same channel", () => {
    const result = check("Testo.", [
      { channel: "chat", subject: null, body: "Uno." },
      { channel: "chat", subject: null, body: "Due." },
    ]);
    expect(codes(result, "answers.chat")).toEqual(["duplicate_channel"]);
  });
});

describe("assertVersionContent", () => {
  it("lets clean content through for both a draft save and publishing", () => {
    const result = check("Chiama il {{fact.support_phone}}.", [
      { channel: "sms", subject: null, body: "Chiama il {{fact.support_phone}}." },
    ]);
    expect(refusal(result, "save")).toBeNull();
    expect(refusal(result, "publish")).toBeNull();
  });

  it("blocks even a draft save when an answer uses an unknown variable", () => {
    const result = check("Testo.", [{ channel: "sms", subject: null, body: "Ciao {{customer.nickname}}." }]);
    const error = refusal(result, "save");
    expect(error?.code).toBe("article_invalid");
    expect(error?.status).toBe(422);
    expect(Object.keys(error?.fieldErrors ?? {})).toEqual(["answers.sms"]);
    expect(error?.fieldErrors?.["answers.sms"]?.[0]).toContain("{{customer.nickname}}");
    expect(refusal(result, "publish")?.code).toBe("article_not_publishable");
  });

  it("blocks a draft save for any body error", () => {
    for (const body of ["Ciao {{customer.firstName}}.", "::: internal\nx\n:::", "{{fact.nope}}"]) {
      const error = refusal(check(body), "save");
      expect(error?.code, body).toBe("article_invalid");
      expect(Object.keys(error?.fieldErrors ?? {}), body).toEqual(["body"]);
    }
  });

  it("blocks a draft save for a duplicate channel", () => {
    const result = check("Testo.", [
      { channel: "chat", subject: null, body: "Uno." },
      { channel: "chat", subject: null, body: "Due." },
    ]);
    expect(refusal(result, "save")?.fieldErrors?.["answers.chat"]).toHaveLength(1);
  });

  it("keys subject errors as answers.email.subject", () => {
    const result = check("Testo.", [{ channel: "email", subject: "  ", body: "Gentile cliente." }]);
    expect(codes(result, "answers.email.subject")).toEqual(["email_subject_missing"]);
    // A missing subject blocks publishing, not a draft.
    expect(refusal(result, "save")).toBeNull();
    expect(Object.keys(refusal(result, "publish")?.fieldErrors ?? {})).toEqual(["answers.email.subject"]);
  });

  it("never blocks on a warning: an SMS of more than two parts can be saved and published", () => {
    const body = Array.from({ length: 60 }, () => "parola").join(" ");
    expect(countCharacters(body)).toBeGreaterThan(2 * 153);
    const result = check("Testo.", [{ channel: "sms", subject: null, body }]);
    const issues = result.issues["answers.sms"] ?? [];
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["sms_too_many_parts", "warning"]]);
    expect(refusal(result, "save")).toBeNull();
    expect(refusal(result, "publish")).toBeNull();
  });

  it("lets a social answer over 280 characters be saved as a draft but not published", () => {
    const body = `${"a".repeat(150)} ${"b".repeat(150)}`;
    expect(countCharacters(body)).toBeGreaterThan(280);
    const result = check("Testo.", [{ channel: "social", subject: null, body }]);
    expect(result.issues["answers.social"]?.map((i) => [i.code, i.severity])).toEqual([
      ["social_too_long", "error"],
    ]);
    expect(refusal(result, "save")).toBeNull();
    const error = refusal(result, "publish");
    expect(error?.code).toBe("article_not_publishable");
    expect(Object.keys(error?.fieldErrors ?? {})).toEqual(["answers.social"]);
    expect(error?.fieldErrors?.["answers.social"]?.[0]).toContain("280");
  });

  it("collects the messages of every blocking field at once", () => {
    const result = check("Ciao {{customer.firstName}}.", [
      { channel: "sms", subject: null, body: "{{customer.nickname}}" },
      { channel: "social", subject: null, body: "x".repeat(300) },
    ]);
    expect(Object.keys(refusal(result, "save")?.fieldErrors ?? {}).sort()).toEqual(["answers.sms", "body"]);
    expect(Object.keys(refusal(result, "publish")?.fieldErrors ?? {}).sort()).toEqual([
      "answers.sms",
      "answers.social",
      "body",
    ]);
  });
});
