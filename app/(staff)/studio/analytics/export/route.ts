import { z } from "zod";
import {
  ANALYTICS_CSV_REPORTS,
  AnalyticsFilterInput,
  analyticsCsv,
  getAnalyticsReport,
} from "@/lib/analytics";
import { requireRole } from "@/lib/auth";
import { withProblems } from "@/lib/http/problems";

// CSV of one report of /studio/analytics, for the same range and filters as the page (ADR 020).

const ExportInput = z.object({ report: z.enum(ANALYTICS_CSV_REPORTS) });

export const GET = withProblems(async (request: Request) => {
  await requireRole("editor");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { report } = ExportInput.parse(params);
  const filter = AnalyticsFilterInput.parse(params);
  const csv = analyticsCsv(getAnalyticsReport(filter), report);
  const name = `sportello-${report}-${filter.from}-${filter.to}${filter.surface ? `-${filter.surface}` : ""}.csv`;
  // A BOM so spreadsheet programs read the file as UTF-8 (accented queries such as «città»).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
