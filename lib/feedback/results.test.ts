import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { feedbackResultOf, isFeedbackResult } from "./results";

describe("feedbackResultOf", () => {
  it("names what the visitor is told for each refusal", () => {
    expect(feedbackResultOf(new ConflictError("already_voted", "x"))).toBe("already");
    expect(feedbackResultOf(new ConflictError("comment_already_added", "x"))).toBe("already");
    expect(feedbackResultOf(new ConflictError("article_changed", "x"))).toBe("stale");
    expect(feedbackResultOf(new RateLimitedError("x", 30))).toBe("limited");
    expect(feedbackResultOf(new NotFoundError("article_not_found"))).toBe("invalid");
    expect(feedbackResultOf(z.string().safeParse(1).error)).toBe("invalid");
    expect(feedbackResultOf(new Error("disk full"))).toBe("invalid");
  });

  it("accepts only known results from a query string", () => {
    expect(isFeedbackResult("stale")).toBe(true);
    expect(isFeedbackResult("<script>")).toBe(false);
    expect(isFeedbackResult(undefined)).toBe(false);
  });
});
