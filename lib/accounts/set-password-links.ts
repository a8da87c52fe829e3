import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { hashPassword, passwordProblem } from "@/lib/accounts/password";
import { endAllSessions } from "@/lib/accounts/sessions";
import { DomainError, invalid } from "@/lib/platform/errors";

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
 * A set-password link for a user (staff invite, imported learner, lost
 * password). Earlier open links of the same user stop working.
 */
export async function createAccountToken(
  db: DbOrTx,
  input: { userId: string; purpose: "invite" | "set_password"; createdBy: string | null; days?: number },
) {
  await db
    .update(accountTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(accountTokens.userId, input.userId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)));
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + (input.days ?? SET_PASSWORD_DAYS) * 86400_000);
  const [row] = await db
    .insert(accountTokens)
    .values({ tokenHash, userId: input.userId, purpose: input.purpose, expiresAt, createdBy: input.createdBy })
    .returning({ id: accountTokens.id });
  return { id: row.id, token, path: `/set-password/${token}`, expiresAt };
}

export async function revokeAccountToken(db: DbOrTx, tokenId: string) {
  await db.update(accountTokens).set({ revokedAt: new Date() }).where(eq(accountTokens.id, tokenId));
}

export type TokenLookup =
  | { ok: true; tokenId: string; user: { id: string; name: string; email: string; role: string }; purpose: "invite" | "set_password" }
  | { ok: false; reason: "unknown" | "expired" | "used" | "revoked" };

export async function lookupAccountToken(token: string, db: DbOrTx = getDb()): Promise<TokenLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const [row] = await db
    .select({ t: accountTokens, u: { id: users.id, name: users.name, email: users.email, role: users.role } })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.t.usedAt) return { ok: false, reason: "used" };
  if (row.t.revokedAt) return { ok: false, reason: "revoked" };
  if (row.t.expiresAt <= new Date()) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: row.t.id, user: row.u, purpose: row.t.purpose };
}

export const tokenProblemMessages = {
  unknown: "This link is not valid. Ask your instructor or programme coordinator for a new one.",
  expired: "This link has expired. Ask your instructor or programme coordinator for a new one.",
  used: "This link has already been used. Sign in with the password you chose.",
  revoked: "This link was withdrawn. Ask your instructor or programme coordinator for a new one.",
} as const;

/** A link that no longer works: a conflict, shown next to the password field. */
const linkProblem = (message: string) => new DomainError("conflict", message, { fieldErrors: { password: message } });

/**
 * Set the password through a link: one use, in one transaction. A weak
 * password is invalid; a link that does not work (any more) a conflict.
 */
export async function setPasswordWithToken(token: string, password: string, ip?: string) {
  const problem = passwordProblem(password);
  if (problem) throw invalid(problem, { password: problem });
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const found = await lookupAccountToken(token, tx);
    if (!found.ok) throw linkProblem(tokenProblemMessages[found.reason]);
    const [claimed] = await tx
      .update(accountTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(accountTokens.id, found.tokenId), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
      .returning({ id: accountTokens.id });
    if (!claimed) throw linkProblem(tokenProblemMessages.used);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, found.user.id));
    // a new password ends sessions opened with the old one
    await endAllSessions(tx, found.user.id);
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
