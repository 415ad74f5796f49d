import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import type { Role } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { getActiveUserById, type PublicUser, roleAtLeast } from "./users";

export type SessionUser = PublicUser;

/** A request's cookies, as Next's cookies() lists them or as parseCookieHeader reads a raw header. */
export type CookieList = readonly { name: string; value: string }[];

/** The signed-in, still active user, with the role as it is in the database now; null for strangers. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return sessionUserFromCookies((await cookies()).getAll());
}

/**
 * getSessionUser for a request Next does not see: the direct routes of the production server
 * (lib/http/direct-routes.ts) pass the cookies they parsed themselves.
 */
export async function sessionUserFromCookies(all: CookieList): Promise<SessionUser | null> {
  const id = Number((await sessionToken(all))?.sub);
  if (!Number.isInteger(id) || id <= 0) return null;
  return getActiveUserById(id);
}

/** A Cookie header's pairs; a value that is not valid percent-encoding is kept as sent. */
export function parseCookieHeader(header: string | undefined): CookieList {
  if (!header) return [];
  return header.split(";").flatMap((part) => {
    const eq = part.indexOf("=");
    if (eq <= 0) return [];
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // not percent-encoded: keep it
    }
    return name ? [{ name, value }] : [];
  });
}

// Decrypted session cookies, keyed by the exact cookie value: an agent's console sends the same cookie with every
// keystroke, and decrypting it (HKDF + JWE) was ~0.5 ms of CPU per search (issue 5 benchmark). The user and role
// are still re-read from SQLite on every request, so deactivation still applies at once.
const tokenCache = new Map<string, { sub?: string; exp: number }>();
const TOKEN_CACHE_SIZE = 1000;

async function sessionToken(all: CookieList): Promise<{ sub?: string } | null> {
  const secureCookie = all.some((c) => c.name.startsWith("__Secure-next-auth.session-token"));
  const name = secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const raw = all.find((c) => c.name === name)?.value;
  const cached = raw ? tokenCache.get(raw) : undefined;
  if (cached && cached.exp * 1000 > Date.now()) return cached;
  // getToken, not getServerSession: that runs next-auth's whole session route (options, callbacks, a re-encrypted
  // token for a cookie a route handler cannot even set). getToken only decrypts and checks the expiry.
  const token = await getToken({
    req: { cookies: Object.fromEntries(all.map((c) => [c.name, c.value])), headers: {} } as never,
    secureCookie,
    secret: getEnv().AUTH_SECRET,
  });
  if (raw && token && typeof token.exp === "number") {
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value as string);
    tokenCache.set(raw, { sub: token.sub, exp: token.exp });
  }
  return token;
}

/** The user if they hold at least `role`; else the 401 or 403 domain error. */
export function assertRole(user: SessionUser | null, role: Role): SessionUser {
  if (!user) throw new UnauthenticatedError();
  if (!roleAtLeast(user.role, role)) throw new ForbiddenError();
  return user;
}

/** For route handlers and server actions: throws 401/403 domain errors. */
export async function requireRole(role: Role): Promise<SessionUser> {
  return assertRole(await getSessionUser(), role);
}

/**
 * For pages: strangers go to the sign-in page and come back; a signed-in user without the role gets a 404, so
 * the page's existence is not confirmed (STYLE.md "hidden content gets 404").
 */
export async function requirePageRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleAtLeast(user.role, role)) notFound();
  return user;
}
