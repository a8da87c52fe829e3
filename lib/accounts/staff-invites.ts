import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accountTokens, users } from "@/db/schema";
import { createAccountToken } from "@/lib/accounts/set-password-links";
import { audit } from "@/lib/audit/record";
import { isUuid, requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { conflict } from "@/lib/platform/errors";
import { mailConfigured, sendMail } from "@/lib/platform/mail";
import { createUser } from "@/lib/accounts/users";

type Actor = Pick<CurrentUser, "id" | "role" | "email" | "name">;

export const INVITE_DAYS = 14;
const LINK_NOT_OPEN = "This link is no longer open.";

/**
 * Invite an instructor or admin: an account without a password and a link to
 * set one (only the link's hash is stored). Sent by email when SMTP is
 * configured; the link is also handed back once, to share by hand.
 */
export async function inviteStaff(
  actor: Actor,
  input: { name: string; email: string; role: "instructor" | "admin" },
  { origin, ip }: { origin: string; ip?: string },
) {
  requirePermission(actor, "users.manage");
  const invite = await getDb().transaction(async (tx) => {
    const user = await createUser({ ...input, password: null, createdBy: actor.id }, tx);
    const link = await createAccountToken(tx, { userId: user.id, purpose: "invite", createdBy: actor.id, days: INVITE_DAYS });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.invite",
      targetType: "user",
      targetId: user.id,
      ip,
      details: { role: user.role, expiresAt: link.expiresAt.toISOString() },
    });
    return { user, url: `${origin}${link.path}`, expiresAt: link.expiresAt };
  });
  let emailed = false;
  let emailProblem: string | undefined;
  if (mailConfigured()) {
    try {
      await sendMail({
        to: invite.user.email,
        subject: "You are invited to Cohort",
        text: [
          `Hello ${invite.user.name},`,
          "",
          `${actor.name} invited you to Cohort as ${invite.user.role === "admin" ? "an admin" : "an instructor"}.`,
          "Choose your password with this link (it works once, for 14 days):",
          invite.url,
        ].join("\n"),
      });
      emailed = true;
    } catch {
      // the invite stands; the admin shares the link by hand
      emailProblem = "The email could not be sent. Share the link yourself.";
    }
  }
  return { ...invite, emailed, emailProblem };
}

/** Open invites (not used, revoked or expired), newest last. */
export async function listOpenInvites({ actor }: { actor: Pick<CurrentUser, "id" | "role"> }) {
  requirePermission(actor, "users.manage");
  const creator = alias(users, "creator");
  return getDb()
    .select({
      id: accountTokens.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      invitedBy: creator.email,
      createdAt: accountTokens.createdAt,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .leftJoin(creator, eq(creator.id, accountTokens.createdBy))
    .where(
      and(
        eq(accountTokens.purpose, "invite"),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(accountTokens.createdAt));
}

/** Withdraw an open invite or set-password link; it stops working at once. One already used, withdrawn or unknown is a conflict. */
export async function revokeAccountLink(actor: Pick<CurrentUser, "id" | "role" | "email">, tokenId: string, ip?: string) {
  requirePermission(actor, "users.manage");
  if (!isUuid(tokenId)) throw conflict(LINK_NOT_OPEN);
  await getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(accountTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
      .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose });
    if (!revoked) throw conflict(LINK_NOT_OPEN);
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: revoked.purpose === "invite" ? "user.invite_revoke" : "user.password_link_revoke",
      targetType: "user",
      targetId: revoked.userId,
      ip,
    });
  });
}
