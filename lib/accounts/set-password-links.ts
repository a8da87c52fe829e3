import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { hashPassword, passwordProblem } from "@/lib/accounts/password";
import { endAllSessions } from "@/lib/accounts/sessions";
import { DomainError, invalid } from "@/lib/platform/errors";
import { forgetDevices } from "@/lib/accounts/sign-in-devices";
import { refund, takeAttempt } from "@/lib/accounts/throttle";

/** Tokens are shown once, as a link; only their SHA-256 is stored. */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export const SET_PASSWORD_DAYS = 7;

/**
 * A set-password link for a user (staff invite, an account an instructor
 * made, a lost password). Who may ask for one is decided by the callers
 * (lib/cohorts/enrolment.ts, lib/accounts/admin.ts, staff-invites.ts); this
 * records what the account was when the link was made — its role and whether
 * it had a password — and redeeming refuses the link once either changed.
 * Earlier open links of the same user stop working.
 */
export async function createAccountToken(
  db: DbOrTx,
  input: { userId: string; purpose: "invite" | "set_password"; createdBy: string | null; days?: number },
) {
  const [account] = await db
    .select({ role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, input.userId))
    .for("update");
  if (!account) throw new Error("createAccountToken: no such user");
  await revokeOpenLinks(db, input.userId);
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + (input.days ?? SET_PASSWORD_DAYS) * 86400_000);
  const [row] = await db
    .insert(accountTokens)
    .values({
      tokenHash,
      userId: input.userId,
      purpose: input.purpose,
      issuedRole: account.role,
      issuedWithPassword: account.hasPassword,
      expiresAt,
      createdBy: input.createdBy,
    })
    .returning({ id: accountTokens.id });
  return { id: row.id, token, path: `/set-password/${token}`, expiresAt };
}

/**
 * Every open link of the account stops working: on a role change,
 * deactivation, erasure and whenever a password is set. Returns how many.
 */
export async function revokeOpenLinks(db: DbOrTx, userId: string): Promise<number> {
  const revoked = await db
    .update(accountTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
    .returning({ id: accountTokens.id });
  return revoked.length;
}

export async function revokeAccountToken(db: DbOrTx, tokenId: string) {
  await db.update(accountTokens).set({ revokedAt: new Date() }).where(eq(accountTokens.id, tokenId));
}

export type TokenLookup =
  | { ok: true; tokenId: string; user: { id: string; name: string; email: string; role: string }; purpose: "invite" | "set_password" }
  | { ok: false; reason: "unknown" | "expired" | "used" | "revoked" | "throttled" };

/**
 * What a link leads to, or why it does not work. A link whose account has
 * since been deactivated, changed role, or got (or lost) a password counts
 * as withdrawn. `lock` holds the token and user rows for the redeeming
 * transaction.
 */
export async function lookupAccountToken(token: string, db: DbOrTx = getDb(), lock = false): Promise<TokenLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const query = db
    .select({
      t: accountTokens,
      u: { id: users.id, name: users.name, email: users.email, role: users.role, status: users.status },
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashToken(token)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return { ok: false, reason: "unknown" };
  if (row.t.usedAt) return { ok: false, reason: "used" };
  if (row.t.revokedAt) return { ok: false, reason: "revoked" };
  if (row.t.expiresAt <= new Date()) return { ok: false, reason: "expired" };
  if (row.u.status !== "active" || row.u.role !== row.t.issuedRole || row.hasPassword !== row.t.issuedWithPassword) {
    return { ok: false, reason: "revoked" };
  }
  const { id, name, email, role } = row.u;
  return { ok: true, tokenId: row.t.id, user: { id, name, email, role }, purpose: row.t.purpose };
}

export const tokenProblemMessages = {
  unknown: "This link is not valid. Ask your instructor or program coordinator for a new one.",
  expired: "This link has expired. Ask your instructor or program coordinator for a new one.",
  used: "This link has already been used. Sign in with the password you chose.",
  revoked: "This link was withdrawn. Ask your instructor or program coordinator for a new one.",
  throttled: "Too many links that do not work were tried from your network. Wait a few minutes and try again.",
} as const;

/** A link that no longer works: a conflict, shown next to the password field. */
const linkProblem = (message: string) => new DomainError("conflict", message, { fieldErrors: { password: message } });

/**
 * Set the password through a link: one use, in one transaction. The link is
 * looked up (and counted against the caller's IP when it does not work)
 * before the new password is hashed, so invented links cost no CPU; the
 * transaction then locks the rows and checks everything again.
 */
export async function setPasswordWithToken(token: string, password: string, ip = "unknown") {
  const problem = passwordProblem(password);
  if (problem) throw invalid(problem, { password: problem });
  const attempt = await takeAttempt("linkIp", ip);
  if (attempt.blockedUntil)
    throw new DomainError("rate_limited", tokenProblemMessages.throttled, { fieldErrors: { password: tokenProblemMessages.throttled } });
  const first = await lookupAccountToken(token);
  if (!first.ok) throw linkProblem(tokenProblemMessages[first.reason]);
  await refund(attempt);
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const found = await lookupAccountToken(token, tx, true);
    if (!found.ok) throw linkProblem(tokenProblemMessages[found.reason]);
    const [claimed] = await tx
      .update(accountTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(accountTokens.id, found.tokenId),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
          gt(accountTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: accountTokens.id });
    if (!claimed) throw linkProblem(tokenProblemMessages.used);
    await tx.update(users).set({ passwordHash, passwordSetAt: new Date() }).where(eq(users.id, found.user.id));
    await revokeOpenLinks(tx, found.user.id);
    // a new password ends sessions opened with the old one, and browsers trusted with it
    await endAllSessions(tx, found.user.id);
    await forgetDevices(found.user.id, tx);
    await audit(tx, {
      action: "user.set_password",
      actorId: found.user.id,
      actorEmail: found.user.email,
      ip,
      details: { purpose: found.purpose },
    });
    return found.user;
  });
}
