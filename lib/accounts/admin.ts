import { and, asc, count, desc, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { accountTokens, auditLog, authSessions, users } from "@/db/schema";
import { createAccountToken, revokeOpenLinks } from "@/lib/accounts/set-password-links";
import { forgetDevices } from "@/lib/accounts/sign-in-devices";
import { mailConfigured, sendMail } from "@/lib/platform/mail";
import { audit } from "@/lib/audit/record";
import { endAllSessions } from "@/lib/accounts/sessions";
import { isUuid, requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import type { Role } from "@/lib/access/permissions";
import { conflict, invalid, notFound } from "@/lib/platform/errors";

export const PAGE_SIZE = 25;

type Actor = Pick<CurrentUser, "id" | "role" | "email">;

export type PeopleFilter = { q?: string; role?: Role; status?: "active" | "deactivated" };

/** The People list's search and filters as one condition (the list and its "select all matching" share it). */
export function peopleFilterSql({ q, role, status }: PeopleFilter): SQL | undefined {
  const where: SQL[] = [];
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (role) where.push(eq(users.role, role));
  if (status) where.push(eq(users.status, status));
  return where.length ? and(...where) : undefined;
}

/** People for the admin's list, searched and filtered in SQL. */
export async function listUsers({
  actor,
  q,
  role,
  status,
  page = 1,
}: {
  actor: Pick<CurrentUser, "id" | "role">;
  q?: string;
  role?: Role;
  status?: "active" | "deactivated";
  page?: number;
}) {
  requirePermission(actor, "users.manage");
  const filter = peopleFilterSql({ q, role, status });
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        status: users.status,
        lastSignInAt: users.lastSignInAt,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      })
      .from(users)
      .where(filter)
      .orderBy(asc(users.name), asc(users.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(users).where(filter),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * The rules of account management, in words the admin reads next to the
 * form. A missing account is not_found; acting on oneself is invalid; the
 * last admin and a deactivated account are conflicts with the current state.
 */
export const accountMessages = {
  selfDeactivate: "You cannot deactivate your own account. Ask another admin to do it.",
  selfRole: "You cannot change your own role. Ask another admin to do it.",
  lastAdminDeactivate: "This is the last active admin; make another admin first.",
  lastAdminDemote: "This is the last active admin; make another admin before changing this role.",
  missing: "No such account.",
  deactivatedLink: "This account is deactivated. Reactivate it before creating a set-password link.",
  hasPasswordLink:
    "This account has a password, so no one may make a link that replaces it. Email the person a password reset instead: the link goes only to them.",
  noPasswordReset: "This account has no password yet: create a set-password link instead.",
  noMail: "Email is not configured (SMTP_URL), so Cohort cannot send a password reset. Configure email, then try again.",
  mailFailed: "The reset email could not be sent, so the link was withdrawn. Try again later.",
} as const;

/**
 * Lock the target for a change. Active admins are locked first, in id order,
 * so two admins changing each other at once are serialised (and the
 * last-admin count below cannot race).
 */
async function lockTarget(tx: DbOrTx, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(asc(users.id))
    .for("update");
  const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!target) throw notFound(accountMessages.missing);
  const otherActiveAdmins = admins.filter((a) => a.id !== userId).length;
  return { target, otherActiveAdmins };
}

/** Deactivate or reactivate; their sessions end at their next request. */
export async function setUserStatus(actor: Actor, userId: string, status: "active" | "deactivated", ip?: string) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  if (userId === actor.id && status === "deactivated") throw invalid(accountMessages.selfDeactivate);
  await getDb().transaction(async (tx) => {
    const { target, otherActiveAdmins } = await lockTarget(tx, userId);
    if (target.status === status) return;
    if (status === "deactivated" && target.role === "admin" && otherActiveAdmins === 0) {
      throw conflict(accountMessages.lastAdminDeactivate);
    }
    await tx.update(users).set({ status }).where(eq(users.id, userId));
    // links made before stop working, so reactivating does not bring them back
    const linksRevoked = await revokeOpenLinks(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: status === "deactivated" ? "user.deactivate" : "user.reactivate",
      targetType: "user",
      targetId: userId,
      ip,
      details: linksRevoked ? { linksRevoked } : {},
    });
    if (status === "deactivated") {
      await endAllSessions(tx, userId);
      await forgetDevices(userId, tx);
    }
  });
}

/** Change someone's role; their sessions end so the new role applies at once. */
export async function changeUserRole(actor: Actor, userId: string, role: Role, ip?: string) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  if (userId === actor.id) throw invalid(accountMessages.selfRole);
  return getDb().transaction(async (tx) => {
    const { target, otherActiveAdmins } = await lockTarget(tx, userId);
    if (target.role === role) return { changed: false };
    if (target.role === "admin" && target.status === "active" && otherActiveAdmins === 0) {
      throw conflict(accountMessages.lastAdminDemote);
    }
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    // a link made for the old role must not open the new one
    const linksRevoked = await revokeOpenLinks(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.role_change",
      targetType: "user",
      targetId: userId,
      ip,
      details: { from: target.role, to: role, ...(linksRevoked ? { linksRevoked } : {}) },
    });
    await endAllSessions(tx, userId);
    return { changed: true };
  });
}

/** End every open session of a user (a lost phone, a shared computer). */
export async function signOutUserEverywhere(actor: Actor, userId: string, ip?: string) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  await getDb().transaction(async (tx) => {
    await lockTarget(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.sign_out_everywhere",
      targetType: "user",
      targetId: userId,
      ip,
    });
    await endAllSessions(tx, userId);
    await forgetDevices(userId, tx);
  });
}

/**
 * A one-time set-password link, shown to the admin, for an account that has
 * no password yet (a staff invite or an account an instructor made that was
 * never set up). An account with a password is refused: a link the admin
 * holds would let them replace it and sign in as that person (an instructor's
 * account opens reflection text admins may not read). Use sendPasswordReset.
 */
export async function createPasswordLink(actor: Actor, userId: string, ip?: string) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  return getDb().transaction(async (tx) => {
    const { target } = await lockTarget(tx, userId);
    if (target.status !== "active") throw conflict(accountMessages.deactivatedLink);
    if (target.passwordHash) throw conflict(accountMessages.hasPasswordLink);
    const link = await createAccountToken(tx, { userId, purpose: "set_password", createdBy: actor.id });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.password_link",
      targetType: "user",
      targetId: userId,
      ip,
      details: { expiresAt: link.expiresAt.toISOString() },
    });
    return { path: link.path, expiresAt: link.expiresAt };
  });
}

export const RESET_DAYS = 1;

/**
 * Lost password, for an account that has one: a reset link emailed to the
 * account's own address — the admin never sees it — audited. The owner's
 * current password keeps working until they use the link.
 */
export async function sendPasswordReset(actor: Actor & { name?: string }, userId: string, { origin, ip }: { origin: string; ip?: string }) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  if (!mailConfigured()) throw conflict(accountMessages.noMail);
  const made = await getDb().transaction(async (tx) => {
    const { target } = await lockTarget(tx, userId);
    if (target.status !== "active") throw conflict(accountMessages.deactivatedLink);
    if (!target.passwordHash) throw conflict(accountMessages.noPasswordReset);
    const link = await createAccountToken(tx, { userId, purpose: "set_password", createdBy: actor.id, days: RESET_DAYS });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.password_reset_sent",
      targetType: "user",
      targetId: userId,
      ip,
      details: { expiresAt: link.expiresAt.toISOString() },
    });
    return { target, link };
  });
  try {
    await sendMail({
      to: made.target.email,
      subject: "Reset your Cohort password",
      text: [
        `Hello ${made.target.name},`,
        "",
        "An administrator of your Cohort training program started a password reset for your account.",
        "If you asked for it, choose a new password with this link (it works once, for 24 hours):",
        `${origin}${made.link.path}`,
        "",
        "If you did not ask for it, ignore this email: your current password keeps working.",
      ].join("\n"),
    });
  } catch {
    await getDb().transaction(async (tx) => {
      await revokeOpenLinks(tx, userId);
      await audit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "user.password_reset_failed",
        targetType: "user",
        targetId: userId,
        ip,
      });
    });
    throw conflict(accountMessages.mailFailed);
  }
  return { email: made.target.email, expiresAt: made.link.expiresAt };
}

/** One person for the admin's account page: no password hash, ever. Unknown ids are not_found. */
export async function getUserForAdmin({ actor, userId }: { actor: Pick<CurrentUser, "id" | "role">; userId: string }) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(accountMessages.missing);
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw notFound(accountMessages.missing);
  const [[{ openSessions }], links, activity] = await Promise.all([
    db
      .select({ openSessions: count() })
      .from(authSessions)
      .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql`now()`))),
    db
      .select({
        id: accountTokens.id,
        purpose: accountTokens.purpose,
        createdAt: accountTokens.createdAt,
        expiresAt: accountTokens.expiresAt,
      })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.userId, userId),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
          gt(accountTokens.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(accountTokens.createdAt)),
    db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, ip: auditLog.ip })
      .from(auditLog)
      .where(or(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)), eq(auditLog.actorId, userId)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(10),
  ]);
  return { ...user, openSessions, links, activity };
}
