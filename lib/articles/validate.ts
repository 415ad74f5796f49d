import { type AnswerIssue, checkAnswer, listVariables } from "@/lib/channels";
import type { Fact, Locale, Visibility } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import { stripInternalBlocks } from "@/lib/markdown";
import type { VersionContentInput } from "./input";

/**
 * Issues that block even a draft save: DESIGN.md makes an unknown variable an error at save time, so nothing that
 * cannot be rendered is ever stored. Every other channel error blocks only publishing (CHANNELS.md).
 */
const SAVE_BLOCKING_CODES = new Set(["unknown_variable", "unknown_fact", "malformed_variable"]);

/** An answer issue from lib/channels, or one of the article-level checks below (body, duplicate channel). */
export type ContentIssue = Omit<AnswerIssue, "code"> & { code: string };

export type ContentCheck = {
  /** field → issues: `body`, `answers.sms`, `answers.email.subject`… */
  issues: Record<string, ContentIssue[]>;
};

/** Checks a version's body and answers against CHANNELS.md. Pure: the caller passes the facts. */
export function checkVersionContent(
  content: Pick<VersionContentInput, "body" | "answers">,
  context: {
    visibility: Visibility;
    facts: ReadonlyMap<string, Pick<Fact, "visibility"> & { values?: Fact["values"] }>;
    /** Lengths are measured with the facts' values in this locale, as the editor's live checks do. */
    locale?: Locale;
  },
): ContentCheck {
  const factInfo = new Map(
    [...context.facts].map(([key, fact]) => [
      key,
      {
        visibility: fact.visibility,
        value: fact.values
          ? ((context.locale === "en" ? fact.values.en : undefined) ?? fact.values.it)
          : undefined,
      },
    ]),
  );
  const issues: Record<string, ContentIssue[]> = {};
  const add = (field: string, issue: ContentIssue) => {
    const list = issues[field] ?? [];
    list.push(issue);
    issues[field] = list;
  };

  for (const variable of listVariables(content.body)) {
    const fullName = variable.name;
    if (!fullName.startsWith("fact.")) {
      add("body", {
        severity: "error",
        code: "variable_not_allowed",
        message: `{{${fullName}}} non può stare nel testo dell'articolo: usalo nelle risposte per canale.`,
        start: variable.start,
        end: variable.end,
      });
    } else if (!context.facts.has(fullName.slice("fact.".length))) {
      add("body", {
        severity: "error",
        code: "unknown_fact",
        message: `Il fatto {{${fullName}}} non esiste.`,
        start: variable.start,
        end: variable.end,
      });
    }
  }
  // `::: internal` (with a space) is not a directive: its text would be published. Refuse it rather than guess.
  const looseInternal = /^[ \t]*(?:>[ \t]*)*:{3,}[ \t]+internal\b/im.exec(content.body);
  if (looseInternal) {
    add("body", {
      severity: "error",
      code: "malformed_internal_block",
      message:
        "Scrivi «:::internal» senza spazio dopo i due punti: così il blocco resterebbe visibile al pubblico.",
      start: looseInternal.index,
      end: looseInternal.index + looseInternal[0].length,
    });
  }
  if (context.visibility === "public") {
    // Internal facts may appear in a public article only inside :::internal blocks, which public output strips.
    for (const variable of listVariables(stripInternalBlocks(content.body))) {
      const fact = context.facts.get(variable.name.slice("fact.".length));
      if (variable.name.startsWith("fact.") && fact?.visibility === "internal") {
        add("body", {
          severity: "error",
          code: "internal_fact",
          message: `Il fatto interno {{${variable.name}}} può stare solo dentro un blocco :::internal in un articolo pubblico.`,
        });
      }
    }
  }

  const seen = new Set<string>();
  for (const answer of content.answers) {
    const field = `answers.${answer.channel}`;
    if (seen.has(answer.channel)) {
      add(field, {
        severity: "error",
        code: "duplicate_channel",
        message: "C'è già una risposta per questo canale.",
      });
      continue;
    }
    seen.add(answer.channel);
    for (const issue of checkAnswer(answer.channel, answer, {
      facts: factInfo,
      articleVisibility: context.visibility,
    })) {
      add(issue.field === "subject" ? `${field}.subject` : field, issue);
    }
  }
  return { issues };
}

/** Throws an InvalidError with field messages when the content may not be saved (or published). */
export function assertVersionContent(check: ContentCheck, mode: "save" | "publish"): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, issues] of Object.entries(check.issues)) {
    const blocking = issues.filter(
      (i) =>
        i.severity === "error" &&
        (mode === "publish" ||
          SAVE_BLOCKING_CODES.has(i.code) ||
          field === "body" ||
          i.code === "duplicate_channel"),
    );
    if (blocking.length > 0) fieldErrors[field] = blocking.map((i) => i.message);
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new InvalidError(
      mode === "publish" ? "article_not_publishable" : "article_invalid",
      mode === "publish"
        ? "L'articolo ha errori da correggere prima della pubblicazione."
        : "L'articolo contiene errori da correggere prima di salvare.",
      fieldErrors,
    );
  }
}
