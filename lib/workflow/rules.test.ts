import { describe, expect, it } from "vitest";
import {
  AUTHOR_CANNOT_APPROVE,
  directPublishBlockedReason,
  mayApprove,
  maySubmit,
  statusAfterUnarchive,
} from "./rules";

const editor = { id: 1, role: "editor" as const };
const admin = { id: 2, role: "admin" as const };
const on = { requireDistinctApprover: true };
const off = { requireDistinctApprover: false };

describe("workflow rules", () => {
  it("lets the author approve only while the rule is off, admins included", () => {
    const mine = { status: "in_review" as const, authorId: editor.id };
    expect(mayApprove(editor, mine, off)).toEqual({ allowed: true });
    expect(mayApprove(editor, mine, on)).toEqual({ allowed: false, reason: AUTHOR_CANNOT_APPROVE });
    expect(mayApprove(admin, { ...mine, authorId: admin.id }, on).allowed).toBe(false);
    expect(mayApprove(admin, mine, on)).toEqual({ allowed: true });
    // Unknown author (imported content): nobody is the author.
    expect(mayApprove(editor, { ...mine, authorId: null }, on)).toEqual({ allowed: true });
  });

  it("submits only drafts", () => {
    expect(maySubmit(editor, { status: "draft", authorId: null })).toEqual({ allowed: true });
    for (const status of ["in_review", "published", "archived"] as const) {
      expect(maySubmit(editor, { status, authorId: null }).allowed).toBe(false);
    }
  });

  it("keeps direct publishing for admins while the rule is on", () => {
    expect(directPublishBlockedReason(editor, editor.id, off)).toBeNull();
    expect(directPublishBlockedReason(editor, editor.id, on)).toContain("Invia in revisione");
    expect(directPublishBlockedReason(admin, admin.id, on)).toBeNull();
    expect(directPublishBlockedReason({ id: 3, role: "agent" }, 3, off)).not.toBeNull();
  });

  it("brings an archived article back as published only when its working copy is the published one", () => {
    expect(statusAfterUnarchive(5, 5)).toBe("published");
    expect(statusAfterUnarchive(6, 5)).toBe("draft");
    expect(statusAfterUnarchive(5, null)).toBe("draft");
  });
});
