import { ANSWER_CHANNELS, type ChannelKey } from "../catalogue";
import {
  type AnswerIssue,
  type CheckContext,
  checkAnswer,
  type FactInfo,
  hasBlockingIssues,
} from "../checks";
import type { EditorFact } from "./insert-variable";

export interface AnswerDraft {
  subject: string;
  body: string;
}

/**
 * The check context of the editor: facts with their values, so lengths are measured on real text. A fact with an
 * empty value is treated as unknown: its `{{fact.KEY}}` stays visible in previews instead of vanishing.
 */
export function createCheckContext(
  facts: readonly EditorFact[],
  articleVisibility: "public" | "internal",
): CheckContext {
  return {
    facts: new Map<string, FactInfo>(
      facts.map((fact) => [
        fact.key,
        { visibility: fact.visibility, value: fact.value === "" ? null : fact.value },
      ]),
    ),
    articleVisibility,
  };
}

/**
 * An answer with an empty body is not sent: SaveArticleInput drops it (lib/articles/input.ts), so it is
 * "no answer for this channel" rather than an empty one, and its checks would only be noise.
 */
export function isAnswerPresent(answer: AnswerDraft | undefined): answer is AnswerDraft {
  return answer !== undefined && answer.body.length > 0;
}

/** checkAnswer for a draft of the editor; an absent answer has no issues. */
export function checkAnswerDraft(
  channel: ChannelKey,
  answer: AnswerDraft | undefined,
  context: CheckContext,
): AnswerIssue[] {
  if (!isAnswerPresent(answer)) return [];
  return checkAnswer(
    channel,
    { body: answer.body, subject: channel === "email" ? answer.subject : null },
    context,
  );
}

export interface IssueCount {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly AnswerIssue[]): IssueCount {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}

/** "2 errori · 1 avviso", "1 errore", "" when there is nothing. */
export function formatIssueCount({ errors, warnings }: IssueCount): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? "errore" : "errori"}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? "avviso" : "avvisi"}`);
  return parts.join(" · ");
}

/** Channels whose answer has an error: publishing is refused until they are fixed (CHANNELS.md). */
export function listPublishBlockingChannels(
  answers: Partial<Record<ChannelKey, AnswerDraft>>,
  facts: readonly EditorFact[],
  articleVisibility: "public" | "internal",
): ChannelKey[] {
  const context = createCheckContext(facts, articleVisibility);
  return ANSWER_CHANNELS.filter((channel) =>
    hasBlockingIssues(checkAnswerDraft(channel, answers[channel], context)),
  );
}

/**
 * Whether "Pubblica" must stay disabled because of the channel answers. Runs every check (up to ~25 ms per long
 * answer): call it from a memo on the answers, not on every render.
 */
export function hasPublishBlockingErrors(
  answers: Partial<Record<ChannelKey, AnswerDraft>>,
  facts: readonly EditorFact[],
  articleVisibility: "public" | "internal",
): boolean {
  return listPublishBlockingChannels(answers, facts, articleVisibility).length > 0;
}
