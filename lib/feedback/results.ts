import { z } from "zod";
import { DomainError } from "@/lib/errors";

// What a visitor is told after a vote or comment: the JSON answers carry it as `result`, the form posts land on
// /feedback?result=… (app/(portal)/[lang]/feedback/page.tsx). One list, so the widget and the page say the same.
export const FEEDBACK_RESULTS = ["thanks", "commented", "already", "stale", "limited", "invalid"] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];

export function isFeedbackResult(value: unknown): value is FeedbackResult {
  return FEEDBACK_RESULTS.includes(value as FeedbackResult);
}

/** The result a refused vote or comment shows. Anything unexpected reads as "invalid": try again, nothing stored. */
export function feedbackResultOf(error: unknown): FeedbackResult {
  if (error instanceof z.ZodError) return "invalid";
  if (!(error instanceof DomainError)) return "invalid";
  switch (error.code) {
    case "already_voted":
    case "comment_already_added":
      return "already";
    case "article_changed":
      return "stale";
    case "rate_limited":
      return "limited";
    default:
      return "invalid";
  }
}
