import "server-only";
import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Role } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { authOptions } from "./options";
import { getActiveUserById, type PublicUser, roleAtLeast } from "./users";

export type SessionUser = PublicUser;

/** The signed-in, still active user, with the role as it is in the database now; null for strangers. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return getActiveUserById(id);
}

/** For route handlers and server actions: throws 401/403 domain errors. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  if (!roleAtLeast(user.role, role)) throw new ForbiddenError();
  return user;
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
