import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatIsoDay, todayIso } from "./dates";
import { parseParityFilter } from "./input";
import { articleProblems, countByKind, type ParityArticleInput, shapeParity } from "./shape";

const TODAY = "2026-11-24";

function article(overrides: Partial<ParityArticleInput> = {}): ParityArticleInput {
  return {
    id: 7,
    slug: "linea-assente",
    title: "Linea assente",
    locale: "it",
    productSlug: "fibra",
    productName: "Fibra",
    requiredChannels: ["phone", "sms"],
    reviewBy: null,
    version: { id: 70, number: 3, bodyChangedInVersion: 2, published: true },
    answers: [
      { channel: "phone", writtenInVersion: 2 },
      { channel: "sms", writtenInVersion: 3 },
    ],
    flags: [],
    ...overrides,
  };
}

const flag = (id: number, channel: string | null) => ({
  id,
  channel,
  reason: `motivo ${id}`,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  createdByName: "Operatore",
});

describe("articleProblems", () => {
  it("finds nothing when every required channel has an answer written since the body changed", () => {
    expect(articleProblems(article(), TODAY)).toEqual([]);
  });

  it("reports a required channel without an answer as missing, linked to its answer field", () => {
    const problems = articleProblems(article({ requiredChannels: ["phone", "sms", "email"] }), TODAY);
    expect(problems).toEqual([
      { kind: "missing", channel: "email", href: "/studio/articles/7#answer-email" },
    ]);
  });

  it("reports an answer written before the body last changed as stale, and not one written in that version", () => {
    const problems = articleProblems(
      article({
        version: { id: 70, number: 5, bodyChangedInVersion: 4, published: true },
        answers: [
          { channel: "phone", writtenInVersion: 3 },
          { channel: "sms", writtenInVersion: 4 },
        ],
      }),
      TODAY,
    );
    expect(problems).toEqual([
      {
        kind: "stale",
        channel: "phone",
        href: "/studio/articles/7#answer-phone",
        answerVersion: 3,
        bodyVersion: 4,
      },
    ]);
  });

  it("judges answers on channels the product does not require too, but never asks for them", () => {
    const problems = articleProblems(
      article({
        requiredChannels: [],
        answers: [
          { channel: "chat", writtenInVersion: 1 },
          { channel: "sms", writtenInVersion: 2 },
        ],
      }),
      TODAY,
    );
    expect(problems.map((p) => [p.kind, p.channel])).toEqual([["stale", "chat"]]);
  });

  it("never asks for a portal answer: the portal shows the body", () => {
    expect(articleProblems(article({ requiredChannels: ["phone", "sms", "portal"] }), TODAY)).toEqual([]);
  });

  it("reports a review date before today as overdue, and not one that is today or later", () => {
    expect(articleProblems(article({ reviewBy: "2026-11-23" }), TODAY)).toEqual([
      { kind: "review_overdue", channel: null, href: "/studio/articles/7#meta", reviewBy: "2026-11-23" },
    ]);
    expect(articleProblems(article({ reviewBy: TODAY }), TODAY)).toEqual([]);
    expect(articleProblems(article({ reviewBy: "2027-01-01" }), TODAY)).toEqual([]);
  });

  it("reports each open flag, article-wide ones first and linked to the metadata", () => {
    const problems = articleProblems(
      article({ flags: [flag(3, "sms"), flag(4, null), flag(2, "phone")] }),
      TODAY,
    );
    expect(problems.map((p) => [p.kind, p.channel, p.href, p.flag?.id])).toEqual([
      ["flagged", null, "/studio/articles/7#meta", 4],
      ["flagged", "phone", "/studio/articles/7#answer-phone", 2],
      ["flagged", "sms", "/studio/articles/7#answer-sms", 3],
    ]);
  });

  it("lists channel problems in catalogue order, then review, then flags", () => {
    const problems = articleProblems(
      article({
        requiredChannels: ["sms", "email", "phone", "chat"],
        answers: [{ channel: "sms", writtenInVersion: 1 }],
        reviewBy: "2026-01-01",
        flags: [flag(1, "sms")],
      }),
      TODAY,
    );
    expect(problems.map((p) => `${p.kind}:${p.channel}`)).toEqual([
      "missing:phone",
      "missing:email",
      "missing:chat",
      "stale:sms",
      "review_overdue:null",
      "flagged:sms",
    ]);
  });
});

describe("shapeParity", () => {
  const inParity = article({ id: 1 });
  const missing = article({ id: 2, requiredChannels: ["phone", "sms", "email"] });
  const overdue = article({ id: 3, reviewBy: "2026-01-01", flags: [flag(9, null)] });

  it("keeps only articles with problems, in input order, with their version", () => {
    const report = shapeParity([inParity, missing, overdue], { today: TODAY });
    expect(report.map((a) => a.articleId)).toEqual([2, 3]);
    expect(report[0]).toMatchObject({ slug: "linea-assente", versionNumber: 3, versionPublished: true });
    expect(countByKind(report)).toEqual({ missing: 1, stale: 0, review_overdue: 1, flagged: 1 });
  });

  it("filters by kind and drops articles left without problems", () => {
    const report = shapeParity([inParity, missing, overdue], { today: TODAY, kind: "flagged" });
    expect(report.map((a) => a.articleId)).toEqual([3]);
    expect(report[0]?.problems.map((p) => p.kind)).toEqual(["flagged"]);
  });
});

describe("dates", () => {
  it("adds days across month and year ends and counts days between", () => {
    expect(addDays("2026-11-24", 60)).toBe("2027-01-23");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-24", "2026-11-20")).toBe(-4);
    expect(daysBetween("2026-11-24", "2027-01-23")).toBe(60);
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
    expect(formatIsoDay("2026-01-05")).toBe("05/01/2026");
  });
});

describe("parseParityFilter", () => {
  it("reads product, kind and article, and ignores what it does not know", () => {
    expect(parseParityFilter({ product: "fibra", kind: "stale", article: "12" })).toEqual({
      productSlug: "fibra",
      kind: "stale",
      articleId: 12,
    });
    expect(parseParityFilter({ product: "Fibra!", kind: "old", article: ["x", "3"], other: "1" })).toEqual({
      productSlug: undefined,
      kind: undefined,
      articleId: undefined,
    });
    expect(parseParityFilter({ product: "", kind: "" })).toEqual({
      productSlug: undefined,
      kind: undefined,
      articleId: undefined,
    });
  });
});
