import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { enrolments, users } from "@/db/schema";
import { createAccountToken } from "@/lib/accounts/set-password-links";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { audit } from "@/lib/audit/record";
import { isUuid } from "@/lib/access/scope";
import { assertCohortOpen, requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { emailSchema, findUserByEmail, nameSchema } from "@/lib/accounts/users";
import { createProgressForEnrolment } from "@/lib/learning/progress/rows";
import { notifyAssigned } from "@/lib/notifications/events";
import { pinSelection, resolveSelection, type LearnerSelection } from "./learner-selection";
import { offerEnrolment } from "./pending-enrolments";

export type EnrolmentSource = "invite" | "email" | "csv";
export type EnrolOutcome = "enrolled" | "reactivated" | "already";
/** an existing account asked to accept (lib/cohorts/pending-enrolments.ts) */
export type OfferOutcome = "offered" | "already_offered";

/**
 * Put a learner into a cohort (or back into it after removal), with a
 * progress row for every assignment of the cohort and an audit entry, in the
 * caller's transaction. Idempotent: enrolling twice changes nothing.
 */
export async function enrolLearner(
  tx: DbOrTx,
  {
    cohortId,
    userId,
    source,
    actor,
    ip,
  }: { cohortId: string; userId: string; source: EnrolmentSource; actor: { id: string; email: string }; ip?: string },
): Promise<EnrolOutcome> {
  let outcome: EnrolOutcome = "already";
  const created = await tx.insert(enrolments).values({ cohortId, userId, source }).onConflictDoNothing().returning({ id: enrolments.id });
  if (created.length) {
    outcome = "enrolled";
  } else {
    const back = await tx
      .update(enrolments)
      .set({ status: "active", removedAt: null })
      .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId), eq(enrolments.status, "removed")))
      .returning({ id: enrolments.id });
    if (back.length) outcome = "reactivated";
  }
  if (outcome === "already") return outcome;
  await createProgressForEnrolment(tx, cohortId, userId);
  await notifyAssigned(tx, { cohortId, userId });
  await audit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: outcome === "enrolled" ? "enrolment.create" : "enrolment.reactivate",
    targetType: "enrolment",
    targetId: `${cohortId}:${userId}`,
    ip,
    details: { cohortId, userId, source },
  });
  return outcome;
}

/** A learner account made by staff: no password until the learner sets one through the link. */
export async function createLearnerWithoutPassword(
  tx: DbOrTx,
  { name, email, actor, via }: { name: string; email: string; actor: Actor; via: EnrolmentSource },
) {
  const [created] = await tx
    .insert(users)
    .values({ name, email, role: "learner", passwordHash: null, createdBy: actor.id })
    .onConflictDoNothing()
    .returning();
  if (!created) return null; // someone made it a moment ago
  await audit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "user.create",
    targetType: "user",
    targetId: created.id,
    details: { role: "learner", via },
  });
  const link = await createAccountToken(tx, { userId: created.id, purpose: "set_password", createdBy: actor.id });
  return { user: created, link };
}

export type AddByEmailResult =
  | {
      outcome: EnrolOutcome | "created";
      learner: { id: string; name: string; email: string };
      /** only for a new account: the set-password path, shown once */
      setPasswordPath?: string;
    }
  | {
      /** an existing account of someone not (or no longer) in this cohort: they are asked to accept */
      outcome: OfferOutcome;
      /** nothing of the account but the email that was typed, until they accept */
      learner: { email: string };
      /** for the email that tells them (never shown to the instructor) */
      userId: string;
      setPasswordPath?: undefined;
    };

/**
 * Add someone by email. An unknown email gets a learner account without a
 * password, enrolled, and a set-password link for the instructor to send.
 * An existing learner account is never enrolled by someone else's say-so:
 * they are asked to accept (pending-enrolments.ts), and the instructor gets
 * no link and sees nothing of theirs until then. A learner removed from this
 * very cohort comes back at once (they had joined it).
 */
export async function enrolByEmail({
  actor,
  cohortId,
  email,
  name,
  ip,
}: {
  actor: Actor;
  cohortId: string;
  email: string;
  name?: string;
  ip?: string;
}): Promise<AddByEmailResult> {
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) throw invalid(parsedEmail.error.issues[0].message, { email: parsedEmail.error.issues[0].message });
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const existing = await findUserByEmail(parsedEmail.data, tx);
    if (existing) {
      if (existing.role !== "learner") {
        throw invalid("That email belongs to a staff account; only learner accounts can be enrolled.", {
          email: "That email belongs to a staff account; only learner accounts can be enrolled.",
        });
      }
      if (existing.status !== "active") {
        throw invalid("That learner's account is deactivated. Ask an admin to reactivate it first.", {
          email: "That learner's account is deactivated.",
        });
      }
      const [was] = await tx
        .select({ status: enrolments.status })
        .from(enrolments)
        .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, existing.id)))
        .limit(1);
      if (was) {
        const outcome = await enrolLearner(tx, { cohortId, userId: existing.id, source: "email", actor, ip });
        return { outcome, learner: { id: existing.id, name: existing.name, email: existing.email } };
      }
      const offered = await offerEnrolment(tx, { cohortId, userId: existing.id, source: "email", actor, ip });
      return { outcome: offered, learner: { email: parsedEmail.data }, userId: existing.id };
    }
    const parsedName = nameSchema.safeParse(name ?? "");
    if (!parsedName.success) {
      throw invalid("No account has that email yet. Enter the learner's name to create one.", {
        name: "Enter the learner's name: there is no account with this email yet.",
      });
    }
    const made = await createLearnerWithoutPassword(tx, { name: parsedName.data, email: parsedEmail.data, actor, via: "email" });
    if (!made) throw conflict("That account was created a moment ago. Try again.");
    await enrolLearner(tx, { cohortId, userId: made.user.id, source: "email", actor, ip });
    return {
      outcome: "created" as const,
      learner: { id: made.user.id, name: made.user.name, email: made.user.email },
      setPasswordPath: made.link.path,
    };
  });
}

/** Take a learner out of the cohort. Every record stays; adding them again brings it all back. */
export async function removeLearner({
  actor,
  cohortId,
  learnerId,
  ip,
}: {
  actor: Actor;
  cohortId: string;
  learnerId: string;
  ip?: string;
}) {
  if (!isUuid(learnerId)) throw notFound();
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    if (!(await removeInTx(tx, { actor, cohortId, learnerId, ip }))) throw notFound();
  });
}

/** The removal itself, with its audit entry; false when the learner is not (or no longer) active in the cohort. */
async function removeInTx(
  tx: DbOrTx,
  { actor, cohortId, learnerId, ip, bulk }: { actor: Actor; cohortId: string; learnerId: string; ip?: string | null; bulk?: boolean },
) {
  const [removed] = await tx
    .update(enrolments)
    .set({ status: "removed", removedAt: new Date() })
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, learnerId), eq(enrolments.status, "active")))
    .returning({ id: enrolments.id });
  if (!removed) return false;
  await audit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "enrolment.remove",
    targetType: "enrolment",
    targetId: `${cohortId}:${learnerId}`,
    ip,
    details: { cohortId, userId: learnerId, ...(bulk ? { bulk: true } : {}) },
  });
  return true;
}

export type RemovalOutcome = { learnerId: string; name: string; result: "removed" | "already_removed" };

/**
 * Take the selected learners out of the cohort (bulk "Remove from cohort"),
 * one transaction, an audit entry per learner. What removal does is what
 * removeLearner does: records kept, work closed, undone by adding them back.
 */
export async function removeLearners({
  actor,
  cohortId,
  assignmentId,
  selection,
  ip,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  /** the assignment the table shows, for a status filter of "select all matching" */
  assignmentId: string | null;
  selection: LearnerSelection;
  ip?: string | null;
  now?: Date;
}): Promise<{ outcomes: RemovalOutcome[]; missing: number }> {
  if (assignmentId !== null && !isUuid(assignmentId)) throw notFound();
  await requireCohort(actor, cohortId, "cohort.manage");
  const pinned = await pinSelection({ actor, cohortId, assignmentId, selection, now });
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const { learners, missing } = await resolveSelection(tx, { actor, cohortId, assignmentId, selection: pinned, now });
    const outcomes: RemovalOutcome[] = [];
    for (const l of learners) {
      const done = await removeInTx(tx, { actor, cohortId, learnerId: l.id, ip, bulk: true });
      outcomes.push({ learnerId: l.id, name: l.name, result: done ? "removed" : "already_removed" });
    }
    return { outcomes, missing };
  });
}

/** Put a removed learner back (the undo of removeLearner). */
export async function reenrolLearner({
  actor,
  cohortId,
  learnerId,
  ip,
}: {
  actor: Actor;
  cohortId: string;
  learnerId: string;
  ip?: string;
}) {
  if (!isUuid(learnerId)) throw notFound();
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const [was] = await tx
      .select({ source: enrolments.source })
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, learnerId)))
      .limit(1);
    if (!was) throw notFound();
    return enrolLearner(tx, { cohortId, userId: learnerId, source: was.source as EnrolmentSource, actor, ip });
  });
}

export const setPasswordLinkMessages = {
  hadPassword: "This learner has chosen a password already. If they lost it, an admin can email them a password reset.",
  notCreator: "Only the instructor who created this account, or an admin, can make its set-password link.",
  deactivated: "This learner's account is deactivated.",
} as const;

/**
 * A fresh set-password link for a learner of this cohort (earlier links stop
 * working). Only for an account the instructor created themselves that has
 * never had a password: the link sets the first one. Anything else is
 * refused — an instructor must never be able to take over an account (one
 * that joined by itself, or that another instructor added and the learner
 * accepted, or whose owner has set a password and then lost it).
 */
export async function issueSetPasswordLink({
  actor,
  cohortId,
  learnerId,
  ip,
}: {
  actor: Actor;
  cohortId: string;
  learnerId: string;
  ip?: string;
}) {
  if (!isUuid(learnerId)) throw notFound();
  return getDb().transaction(async (tx) => {
    await requireCohort(actor, cohortId, "cohort.manage", tx);
    const [learner] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        status: users.status,
        createdBy: users.createdBy,
        hadPassword: sql<boolean>`(${users.passwordHash} is not null or ${users.passwordSetAt} is not null)`,
      })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(
        and(
          eq(enrolments.cohortId, cohortId),
          eq(enrolments.userId, learnerId),
          eq(enrolments.status, "active"),
          eq(users.role, "learner"),
        ),
      )
      .for("update", { of: users })
      .limit(1);
    if (!learner) throw notFound();
    if (learner.status !== "active") throw conflict(setPasswordLinkMessages.deactivated);
    if (learner.hadPassword) throw conflict(setPasswordLinkMessages.hadPassword);
    if (learner.createdBy !== actor.id) throw conflict(setPasswordLinkMessages.notCreator);
    const link = await createAccountToken(tx, { userId: learner.id, purpose: "set_password", createdBy: actor.id });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "user.set_password_link",
      targetType: "user",
      targetId: learner.id,
      ip,
      details: { cohortId },
    });
    return { learner: { id: learner.id, name: learner.name, email: learner.email }, path: link.path, expiresAt: link.expiresAt };
  });
}

/** Learners taken out of the cohort, so they can be put back. */
export async function listRemovedLearners({ actor, cohortId }: { actor: Actor; cohortId: string }) {
  await requireCohort(actor, cohortId, "cohort.manage");
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, removedAt: enrolments.removedAt })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, "removed")))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

/** An active learner of the cohort (for the learner's page), or 404. */
export async function requireCohortLearner(db: DbOrTx, cohortId: string, learnerId: string) {
  if (!isUuid(learnerId)) throw notFound();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      /** who may send this account a set-password link (issueSetPasswordLink) */
      createdBy: users.createdBy,
      hadPassword: sql<boolean>`(${users.passwordHash} is not null or ${users.passwordSetAt} is not null)`,
      enrolledAt: enrolments.enrolledAt,
      status: enrolments.status,
      source: enrolments.source,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, learnerId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}
