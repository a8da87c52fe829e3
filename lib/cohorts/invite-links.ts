import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { cohortInvites, cohorts, enrolments, users } from "@/db/schema";
import { hashToken, newToken } from "@/lib/accounts/set-password-links";
import { DomainError, invalid, notFound } from "@/lib/platform/errors";
import { audit } from "@/lib/audit/record";
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from "@/lib/accounts/password";
import { blockedUntil, keyFor, refund, takeAttempt } from "@/lib/accounts/throttle";
import { mailConfigured, sendMail } from "@/lib/platform/mail";
import { isUuid } from "@/lib/access/scope";
import { assertCohortOpen, requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { emailSchema, findUserByEmail, nameSchema } from "@/lib/accounts/users";
import { enrolLearner } from "./enrolment";

export const inviteSettingsSchema = z.object({
  days: z.coerce.number().int("Enter a whole number of days.").min(1, "At least 1 day.").max(90, "At most 90 days."),
  maxUses: z.coerce.number().int("Enter a whole number.").min(1, "At least 1 use.").max(1000, "At most 1,000 uses."),
});

/** A new invite link for the cohort. The token is returned once; only its hash is kept. */
export async function createCohortInvite({
  actor,
  cohortId,
  days,
  maxUses,
}: {
  actor: Actor;
  cohortId: string;
  days: number;
  maxUses: number;
}) {
  const settings = inviteSettingsSchema.parse({ days, maxUses });
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const { token, tokenHash } = newToken();
    const expiresAt = new Date(Date.now() + settings.days * 86400_000);
    const [invite] = await tx
      .insert(cohortInvites)
      .values({ cohortId, tokenHash, expiresAt, maxUses: settings.maxUses, createdBy: actor.id })
      .returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "invite.create",
      targetType: "cohort_invite",
      targetId: invite.id,
      details: { cohortId, expiresAt: expiresAt.toISOString(), maxUses: settings.maxUses },
    });
    return { invite, token, path: `/join/${token}` };
  });
}

export type InviteState = "open" | "expired" | "revoked" | "used_up";

export function inviteState(i: { expiresAt: Date; revokedAt: Date | null; uses: number; maxUses: number }, now = new Date()): InviteState {
  if (i.revokedAt) return "revoked";
  if (i.uses >= i.maxUses) return "used_up";
  if (i.expiresAt <= now) return "expired";
  return "open";
}

export async function listCohortInvites({ actor, cohortId }: { actor: Actor; cohortId: string }) {
  await requireCohort(actor, cohortId, "cohort.manage");
  const rows = await getDb()
    .select({
      id: cohortInvites.id,
      createdAt: cohortInvites.createdAt,
      expiresAt: cohortInvites.expiresAt,
      maxUses: cohortInvites.maxUses,
      uses: cohortInvites.uses,
      revokedAt: cohortInvites.revokedAt,
      createdByName: users.name,
    })
    .from(cohortInvites)
    .leftJoin(users, eq(users.id, cohortInvites.createdBy))
    .where(eq(cohortInvites.cohortId, cohortId))
    .orderBy(desc(cohortInvites.createdAt));
  return rows.map((r) => ({ ...r, state: inviteState(r) }));
}

export async function revokeCohortInvite({ actor, cohortId, inviteId }: { actor: Actor; cohortId: string; inviteId: string }) {
  if (!isUuid(inviteId)) throw notFound();
  return getDb().transaction(async (tx) => {
    await requireCohort(actor, cohortId, "cohort.manage", tx);
    const [invite] = await tx
      .select()
      .from(cohortInvites)
      .where(and(eq(cohortInvites.id, inviteId), eq(cohortInvites.cohortId, cohortId)))
      .limit(1);
    if (!invite) throw notFound();
    if (invite.revokedAt) return;
    await tx
      .update(cohortInvites)
      .set({ revokedAt: new Date() })
      .where(and(eq(cohortInvites.id, inviteId), isNull(cohortInvites.revokedAt)));
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "invite.revoke",
      targetType: "cohort_invite",
      targetId: inviteId,
      details: { cohortId },
    });
  });
}

export type InviteProblem = "unknown" | "expired" | "revoked" | "used_up" | "closed" | "throttled";

export const inviteProblemMessages: Record<InviteProblem, string> = {
  unknown: "This invite link is not valid. Check that you copied all of it, or ask your instructor for a new one.",
  expired: "This invite link has expired. Ask your instructor for a new one.",
  revoked: "This invite link was withdrawn by the instructor. Ask them for a new one.",
  used_up: "This invite link has been used as many times as it allows. Ask your instructor for a new one.",
  closed: "This cohort is closed and no longer takes new learners. Ask your instructor what to do.",
  throttled: "Too many invite links that do not work were tried from your network. Wait a few minutes and try again.",
};
export const INVITE_THROTTLED = inviteProblemMessages.throttled;

export type InviteLookup =
  { ok: true; inviteId: string; cohort: { id: string; name: string; description: string } } | { ok: false; reason: InviteProblem };

/** What a /join link leads to, or why it does not work. Needs no sign-in. */
export async function lookupCohortInvite(token: string, db: DbOrTx = getDb(), lock = false): Promise<InviteLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const query = db
    .select({
      invite: cohortInvites,
      cohort: { id: cohorts.id, name: cohorts.name, description: cohorts.description, status: cohorts.status },
    })
    .from(cohortInvites)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvites.cohortId))
    .where(eq(cohortInvites.tokenHash, hashToken(token)))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: cohortInvites }) : await query;
  if (!row) return { ok: false, reason: "unknown" };
  const state = inviteState(row.invite);
  if (state !== "open") return { ok: false, reason: state };
  if (row.cohort.status !== "active") return { ok: false, reason: "closed" };
  return { ok: true, inviteId: row.invite.id, cohort: { id: row.cohort.id, name: row.cohort.name, description: row.cohort.description } };
}

/** Is this learner already an active member of the cohort? (The join page says so instead of offering a button.) */
async function isActiveMember(cohortId: string, userId: string) {
  const [row] = await getDb()
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId), eq(enrolments.status, "active")))
    .limit(1);
  return Boolean(row);
}

/** Only learner accounts join cohorts; staff are told to use a learner account. */
const joinsAsLearner = (user: Pick<Actor, "role">) => user.role === "learner";

type InviteCohort = Extract<InviteLookup, { ok: true }>["cohort"];

/**
 * What the public end of an invite link offers this visitor: why the link
 * does not work, or — for the cohort it leads to — a note for staff, "you
 * are already in", a one-click join (a signed-in learner) or the sign-up form
 * (signed out).
 */
export type JoinOffer =
  { kind: "problem"; reason: InviteProblem } | { kind: "staff" | "member" | "join" | "sign_up"; cohort: InviteCohort };

export async function joinOfferFor(token: string, user: Pick<Actor, "id" | "role"> | null, ip = "unknown"): Promise<JoinOffer> {
  // an address that tried too many bad links learns nothing more, here either (read only: a GET changes nothing)
  if (await blockedUntil([keyFor("inviteIp", ip)])) return { kind: "problem", reason: "throttled" };
  const found = await lookupCohortInvite(token);
  if (!found.ok) return { kind: "problem", reason: found.reason };
  const { cohort } = found;
  if (!user) return { kind: "sign_up", cohort };
  if (!joinsAsLearner(user)) return { kind: "staff", cohort };
  return { kind: (await isActiveMember(cohort.id, user.id)) ? "member" : "join", cohort };
}

async function claimInvite(tx: DbOrTx, token: string) {
  // the row lock makes concurrent joins take turns, so maxUses holds
  const found = await lookupCohortInvite(token, tx, true);
  if (!found.ok) throw invalid(inviteProblemMessages[found.reason]);
  return found;
}

async function countUse(tx: DbOrTx, inviteId: string) {
  await tx
    .update(cohortInvites)
    .set({ uses: sql`${cohortInvites.uses} + 1` })
    .where(eq(cohortInvites.id, inviteId));
}

/** A signed-in learner joins with one click. Joining again uses nothing up. */
export async function joinCohortWithInvite({ user, token, ip = "unknown" }: { user: Actor; token: string; ip?: string }) {
  if (!joinsAsLearner(user)) throw invalid("Staff accounts cannot join a cohort as a learner. Sign in with a learner account.");
  const attempt = await takeAttempt("inviteIp", ip);
  if (attempt.blockedUntil) throw new DomainError("rate_limited", INVITE_THROTTLED);
  const result = await getDb().transaction(async (tx) => {
    const found = await claimInvite(tx, token);
    const outcome = await enrolLearner(tx, { cohortId: found.cohort.id, userId: user.id, source: "invite", actor: user, ip });
    if (outcome !== "already") await countUse(tx, found.inviteId);
    return { cohort: found.cohort, outcome };
  });
  await refund(attempt);
  return result;
}

export type SignUpResult = { email: string; cohort: { id: string; name: string } };

/**
 * Someone without an account creates one through the link and is enrolled,
 * in one transaction.
 *
 * The invite is looked up (and a bad one counted against the caller's IP)
 * before any password is hashed. An email that already has an account is not
 * revealed: if the password typed is that account's own, it is its owner and
 * they join with it; otherwise the answer is the same as for a new account,
 * the attempt counts against the IP, nothing changes, and the owner is told
 * by email when mail is configured. (The browser then signs in with what was
 * typed, which fails with the sign-in page's usual message.)
 */
export async function signUpWithInvite({
  token,
  name,
  email,
  password,
  ip = "unknown",
}: {
  token: string;
  name: string;
  email: string;
  password: string;
  ip?: string;
}): Promise<SignUpResult> {
  const fieldErrors: Record<string, string> = {};
  const parsedName = nameSchema.safeParse(name);
  if (!parsedName.success) fieldErrors.name = parsedName.error.issues[0].message;
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) fieldErrors.email = parsedEmail.error.issues[0].message;
  const problem = passwordProblem(password);
  if (problem) fieldErrors.password = problem;
  if (Object.keys(fieldErrors).length || !parsedName.success || !parsedEmail.success) {
    throw invalid("Please correct the highlighted fields.", fieldErrors);
  }
  const attempt = await takeAttempt("inviteIp", ip);
  if (attempt.blockedUntil) throw new DomainError("rate_limited", INVITE_THROTTLED);
  const invite = await lookupCohortInvite(token);
  if (!invite.ok) throw invalid(inviteProblemMessages[invite.reason]);

  const existing = await findUserByEmail(parsedEmail.data);
  if (existing) {
    // one argon2 operation on every path, as hashing a new account's password costs
    const candidate = existing.role === "learner" && existing.status === "active" ? existing.passwordHash : null;
    const matches = await verifyPassword(candidate ?? (await dummyHash()), password);
    const owner = candidate !== null && matches;
    if (owner) {
      await joinCohortWithInvite({ user: { id: existing.id, role: existing.role, email: existing.email }, token, ip });
      await refund(attempt);
      return { email: parsedEmail.data, cohort: { id: invite.cohort.id, name: invite.cohort.name } };
    }
    await audit(getDb(), {
      action: "invite.signup_existing_email",
      actorEmail: parsedEmail.data,
      targetType: "cohort_invite",
      targetId: invite.inviteId,
      ip,
    });
    await tellOwnerOfSignUpAttempt(existing, invite.cohort.name);
    return { email: parsedEmail.data, cohort: { id: invite.cohort.id, name: invite.cohort.name } };
  }

  const passwordHash = await hashPassword(password);
  const made = await getDb().transaction(async (tx) => {
    const found = await claimInvite(tx, token);
    const [user] = await tx
      .insert(users)
      .values({ name: parsedName.data, email: parsedEmail.data, role: "learner", passwordHash, passwordSetAt: new Date() })
      .onConflictDoNothing()
      .returning();
    if (!user) return null; // made a moment ago by someone else: answered like any existing email
    await audit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      ip,
      details: { role: "learner", via: "invite" },
    });
    await enrolLearner(tx, { cohortId: found.cohort.id, userId: user.id, source: "invite", actor: user, ip });
    await countUse(tx, found.inviteId);
    return { email: user.email, cohort: { id: found.cohort.id, name: found.cohort.name } };
  });
  if (made) await refund(attempt);
  return made ?? { email: parsedEmail.data, cohort: { id: invite.cohort.id, name: invite.cohort.name } };
}

async function tellOwnerOfSignUpAttempt(owner: { email: string; name: string }, cohortName: string) {
  if (!mailConfigured()) return;
  try {
    await sendMail({
      to: owner.email,
      subject: "Someone used your email on a Cohort invite",
      text: [
        `Hello ${owner.name},`,
        "",
        `Someone tried to create a Cohort account with your email address through an invite link to "${cohortName}".`,
        "You already have an account, so nothing was created or changed.",
        "If it was you: sign in with your existing password, then open the invite link again to join.",
        "If it was not you, you can ignore this email.",
      ].join("\n"),
    });
  } catch (e) {
    console.error(`sign-up notice not sent: ${(e as Error).message}`);
  }
}
