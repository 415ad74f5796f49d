import { z } from "zod";
import { MAX_QUERY_LENGTH, recordUsageEvent } from "@/lib/analytics";
import { requireRole } from "@/lib/auth";
import { ChannelKeySchema } from "@/lib/channels";
import { withProblems } from "@/lib/http/problems";

export const dynamic = "force-dynamic";

// Long queries are cut, not refused: losing an event over a pasted e-mail would be worse than storing its start.
const Query = z
  .string()
  .max(2000)
  .transform((q) => q.trim().slice(0, MAX_QUERY_LENGTH))
  .nullish();
const ArticleId = z.number().int().positive();
const Position = z.number().int().min(1).max(1000).nullish();

const UsageInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("open"),
    articleId: ArticleId,
    position: Position,
    query: Query,
    channel: ChannelKeySchema.nullish(),
  }),
  z.strictObject({
    kind: z.literal("copy"),
    articleId: ArticleId,
    channel: ChannelKeySchema,
    position: Position,
    query: Query,
  }),
]);

/**
 * The agent console's opens and copies: POST /api/usage {kind, articleId, channel?, position?, query?} → 204.
 * Buffered and written in batches (lib/analytics); an unknown articleId is dropped when the batch is written.
 */
export const POST = withProblems(async (request: Request) => {
  const agent = await requireRole("agent");
  const body: unknown = await request.json().catch(() => null);
  const input = UsageInput.parse(body);
  recordUsageEvent({ ...input, userId: agent.id });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
