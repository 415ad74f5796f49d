// Runs once when the Next server starts: the search outbox worker lives in the web process, so a publish wakes it
// immediately (lib/db/outbox.ts). Any number of app servers may each run one; rows are idempotent. On SIGTERM Next
// exits; a batch cut short is simply applied again (docs/decisions/003-versions-and-outbox.md).
// The popularity job refreshes the ranking signal from usage events (docs/decisions/012-usage-events-and-popularity.md).
// It also hands the direct routes (lib/http/direct-routes.ts) to scripts/server.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerDirectRoutes } = await import("@/lib/http/direct-routes");
  registerDirectRoutes();
  if (process.env.SPORTELLO_SYNC_WORKER === "0") return;
  const { startPopularityJob, startSearchSyncWorker } = await import("@/lib/search");
  const { requestPortalRevalidation } = await import("@/lib/portal/revalidate");
  const { onSearchSyncEnqueued } = await import("@/lib/db");
  // Published content changed: cached portal pages are refreshed (docs/decisions/017-portal-caching.md). At once for
  // a change made in this process (a studio publish), and when the worker finds a change written by another process
  // (an import, a script), before indexing it: the pages read SQLite, not Meilisearch.
  const refreshPortal = () =>
    requestPortalRevalidation((message) => console.error(`[portal-cache] ${message}`));
  onSearchSyncEnqueued(refreshPortal);
  startSearchSyncWorker({
    onError: (message) => console.error(`[search-sync] ${message}`),
    onNewRows: refreshPortal,
  });
  startPopularityJob({ onError: (message) => console.error(`[popularity] ${message}`) });
  // Raw usage events older than the retention setting become per-day counts (docs/decisions/020-analytics-and-content-health.md).
  const { startUsageRollupJob } = await import("@/lib/analytics");
  startUsageRollupJob({ onError: (message) => console.error(`[usage-rollup] ${message}`) });
}
