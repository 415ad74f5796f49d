import { randomBytes, timingSafeEqual } from "node:crypto";

// Portal pages are cached (ISR) and refreshed on change (issue 6 point 6). Next can only revalidate inside a request
// (revalidatePath throws elsewhere), and the search outbox worker, which learns of every change to published
// content (a publish in the studio, an import script, a fact or category edit), runs outside any request. So the
// worker asks its own server, over loopback, at POST /api/internal/revalidate, with a secret that exists only in
// this process's memory: no one outside the process can purge the cache.

const SECRET_KEY = "__sportelloRevalidateSecret";
export const REVALIDATE_SECRET_HEADER = "x-sportello-revalidate";
const DEBOUNCE_MS = 100;

/** One secret per process, shared by Next's separately bundled instrumentation and route modules via globalThis. */
function processSecret(): string {
  const root = globalThis as Record<string, unknown>;
  if (typeof root[SECRET_KEY] !== "string") root[SECRET_KEY] = randomBytes(32).toString("base64url");
  return root[SECRET_KEY] as string;
}

export function isRevalidateSecret(candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(processSecret());
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let scheduled: NodeJS.Timeout | null = null;

/**
 * Asks this server to drop every cached portal page; calls within DEBOUNCE_MS become one (a bulk import applies
 * thousands of rows). `baseUrl` is the server's own loopback address, set by scripts/server.ts.
 */
export function requestPortalRevalidation(onError: (message: string) => void): void {
  if (scheduled) return;
  scheduled = setTimeout(() => {
    scheduled = null;
    const base = process.env.SPORTELLO_INTERNAL_URL;
    // Under `next dev` alone or a test with no server there is no cache to refresh.
    if (!base) return;
    fetch(`${base}/api/internal/revalidate`, {
      method: "POST",
      headers: { [REVALIDATE_SECRET_HEADER]: processSecret() },
    })
      .then((res) => {
        if (!res.ok) onError(`portal revalidation answered ${res.status}`);
      })
      .catch((error: unknown) => onError(`portal revalidation failed: ${String(error)}`));
  }, DEBOUNCE_MS);
  scheduled.unref();
}
