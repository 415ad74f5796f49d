import type { AnalyticsReport } from "./reports";

// CSV export of the analytics reports (issue 7 point 3). Queries are typed by customers: a cell starting with
// = + - @ (or a tab / carriage return) would be run as a formula by a spreadsheet, so it gets a leading quote
// (OWASP "CSV injection"). Numbers we computed are written as they are.

export const ANALYTICS_CSV_REPORTS = [
  "top-searches",
  "zero-results",
  "click-through",
  "copies",
  "daily",
  "never-opened",
  "votes",
  "flags",
] as const;
export type AnalyticsCsvReport = (typeof ANALYTICS_CSV_REPORTS)[number];

type Cell = string | number | null;

/** One cell: formula-looking text defused, then quoted when it holds a quote, separator or line break. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const ratio = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

export function analyticsCsv(report: AnalyticsReport, name: AnalyticsCsvReport): string {
  switch (name) {
    case "top-searches":
    case "zero-results": {
      const rows = name === "top-searches" ? report.topSearches : report.zeroResultSearches;
      return toCsv(
        ["query", "surface", "searches", "zero_results"],
        rows.map((r) => [r.query, r.surface, r.searches, r.zeroResults]),
      );
    }
    case "click-through":
      return toCsv(
        ["surface", "searches", "zero_results", "clicks", "opens", "click_through_rate", "mean_position"],
        report.clickThrough.map((r) => [
          r.surface,
          r.searches,
          r.zeroResults,
          r.clicks,
          r.opens,
          ratio(r.clickThroughRate),
          ratio(r.meanPosition),
        ]),
      );
    case "copies":
      return toCsv(
        ["surface", "channel", "copies"],
        report.copiesByChannel.map((r) => [r.surface, r.channel, r.copies]),
      );
    case "daily":
      return toCsv(
        ["day", "surface", "searches", "opens", "copies"],
        report.daily.map((r) => [r.day, r.surface, r.searches, r.opens, r.copies]),
      );
    case "never-opened":
      return toCsv(
        ["article_id", "slug", "title", "locale", "visibility"],
        report.neverOpened.map((r) => [r.articleId, r.slug, r.title, r.locale, r.visibility]),
      );
    case "votes":
      return toCsv(
        ["yes", "no", "helpful_share"],
        [[report.votes.yes, report.votes.no, ratio(report.votes.helpfulShare)]],
      );
    case "flags":
      return toCsv(
        ["channel", "opened", "resolved"],
        report.flags.map((r) => [r.channel, r.opened, r.resolved]),
      );
  }
}
