// Who is asking, for per-client limits (public search, helpful votes, sign-in). scripts/server.ts sets
// CLIENT_IP_HEADER on every request from the socket's address — or, behind a reverse proxy the operator declared
// with SPORTELLO_TRUST_PROXY=1, from the address that proxy appended to X-Forwarded-For — after deleting whatever
// the client sent under that name. So the value cannot be chosen by the client, unlike X-Forwarded-For itself.
// No imports: scripts/server.ts loads this file outside Next's bundle.

export const CLIENT_IP_HEADER = "x-sportello-client-ip";

type HeaderValue = string | string[] | undefined;

/** The client's address as scripts/server.ts should record it. */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: HeaderValue,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const list = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    // The proxy appends the address it saw last; anything before it came from the client and may be forged.
    const appended = list.at(-1);
    if (appended) return normalizeIp(appended);
  }
  return normalizeIp(socketAddress ?? "unknown");
}

/** IPv4 clients on a dual-stack socket appear as ::ffff:1.2.3.4. */
function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

/** Reads the address set by scripts/server.ts from a Headers object or Node's header record. */
export function clientIpOf(headers: Headers | Record<string, HeaderValue> | undefined): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip || null;
}
