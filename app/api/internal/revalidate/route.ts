import { revalidatePath } from "next/cache";
import { problem } from "@/lib/http/problems";
import { isRevalidateSecret, REVALIDATE_SECRET_HEADER } from "@/lib/portal/revalidate";

// Called by this process's search outbox worker only (lib/portal/revalidate.ts); the secret never leaves memory.
export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get(REVALIDATE_SECRET_HEADER))) {
    return problem(403, "forbidden", "Non consentito");
  }
  // Every page under the root: portal pages are few per change and regenerate lazily on their next visit.
  revalidatePath("/", "layout");
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
