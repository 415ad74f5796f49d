// Cross-site form posts to the public endpoints (helpful votes): a page elsewhere could make a visitor's browser
// vote or spend their rate limit. Browsers send Origin on every POST, ours included, and the attacker cannot forge
// it; so a present Origin must name this site. A request without Origin is let through: current browsers send one
// with every POST, so it comes from a client that could as well send any Origin it liked. No imports: unit-tested.

/**
 * True when the request's Origin header names another host than the one the request was sent to (Host), or than
 * one of `alsoAllowed` (the configured public address, for a proxy that rewrites Host). `Origin: null` (sandboxed
 * frames, privacy redirects) counts as another site.
 */
export function isCrossSite(headers: Headers, alsoAllowed: readonly string[] = []): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const allowed = [headers.get("host"), ...alsoAllowed].filter((h): h is string => Boolean(h));
  return !allowed.some((host) => host.toLowerCase() === originHost);
}
