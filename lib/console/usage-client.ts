// Reports what the agent opened and copied to POST /api/usage (lib/analytics buffers it off the request path and
// feeds the popularity ranking — docs/decisions/012-usage-events-and-popularity.md).

import type { ChannelKey } from "@/lib/channels";

export interface UsageEvent {
  kind: "open" | "copy";
  articleId: number;
  /** The channel shown when the article was opened, or the one copied. */
  channel: ChannelKey | null;
  /** 1-based position in the results the article was opened from; null when not opened from a result list. */
  position: number | null;
  /** The search that led to it ("" when none). */
  query: string;
}

/** Fire-and-forget: keepalive lets the request finish when opening an article navigates away. */
export function recordUsage(event: UsageEvent): void {
  try {
    void fetch("/api/usage", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      keepalive: true,
      body: JSON.stringify({
        kind: event.kind,
        articleId: event.articleId,
        channel: event.channel,
        position: event.position,
        query: event.query || null,
      }),
    }).catch(() => {
      // Usage events are best effort: never bother the agent.
    });
  } catch {
    // Same: an old browser without keepalive must not break copying.
  }
}
