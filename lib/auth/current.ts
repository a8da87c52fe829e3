import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { resolveSession, type CurrentUser } from "./sessions";
import type { Role } from "./permissions";

export type { CurrentUser };

/** The signed-in user of this request, checked against the database; deduped per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user) return null;
  const { id, sid, sv } = session.user;
  return resolveSession({ uid: id, sid, sv });
});

/** Signed in, or sent to sign in (then back here). */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return user;
}

/** Signed in with one of these roles; any other signed-in user gets 404. */
export async function requireRole(roles: Role | Role[], returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  const allowed = Array.isArray(roles) ? roles : [roles];
  if (!allowed.includes(user.role)) notFound();
  return user;
}
