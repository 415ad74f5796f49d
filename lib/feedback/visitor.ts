import { randomBytes } from "node:crypto";
import { VisitorIdSchema } from "./input";

// A portal visitor is a random id in a cookie, nothing more: no account, no address, no fingerprint. It exists only
// so one browser votes once per article version (docs/decisions/016-helpful-votes.md).

export const VISITOR_COOKIE = "sportello_visitor";
/** One year: long enough that a returning visitor is not asked again for a version they already rated. */
export const VISITOR_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** 128 random bits, base64url: 22 characters. */
export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

/** The id a cookie carries, or null when absent or not one we issued (a new one is issued instead). */
export function parseVisitorId(value: string | undefined | null): string | null {
  return value && VisitorIdSchema.safeParse(value).success ? value : null;
}
