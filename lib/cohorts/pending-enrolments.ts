import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { cohorts, pendingEnrolments, users } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { audit } from "@/lib/audit/record";
import { isUuid } from "@/lib/access/scope";
import { conflict } from "@/lib/platform/errors";
import { notifyEnrolmentOffered } from "@/lib/notifications/events";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { enrolLearner, type EnrolmentSource } from "./enrolment";

/**
 * An instructor who adds an account that already exists (by email or in a
 * roster) does not enrol it: the learner is asked — a card on /learn, and an
 * email when mail is configured — and only their "Accept" enrols them. Until
 * then the instructor sees nothing of theirs, and can never get a link to
 * their account (see issueSetPasswordLink). Adding them again after a
 * "Decline" asks again.
 */
export async function offerEnrolment(
  tx: DbOrTx,
  { cohortId, userId, source, actor, ip }: { cohortId: string; userId: string; source: EnrolmentSource; actor: Actor; ip?: string },
): Promise<"offered" | "already_offered"> {
  const [row] = await tx
    .insert(pendingEnrolments)
    .values({ cohortId, userId, source, invitedBy: actor.id })
    .onConflictDoUpdate({
      target: [pendingEnrolments.cohortId, pendingEnrolments.userId],
      set: { declinedAt: null, invitedBy: actor.id, createdAt: sql`now()` },
      setWhere: sql`${pendingEnrolments.declinedAt} is not null`,
    })
    .returning({ id: pendingEnrolments.id });
  if (!row) return "already_offered";
  await notifyEnrolmentOffered(tx, { userId, pendingId: row.id });
  await audit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "enrolment.offer",
    targetType: "enrolment",
    targetId: `${cohortId}:${userId}`,
    ip,
    details: { cohortId, userId, source },
  });
  return "offered";
}

export type PendingEnrolment = { id: string; cohortId: string; cohortName: string; invitedByName: string | null; createdAt: Date };

/** The offers a learner has not answered yet, oldest first (cohorts still open). */
export async function listPendingEnrolments({ learner }: { learner: { id: string; role: string } }): Promise<PendingEnrolment[]> {
  if (learner.role !== "learner") return [];
  const inviter = alias(users, "inviter");
  return getDb()
    .select({
      id: pendingEnrolments.id,
      cohortId: pendingEnrolments.cohortId,
      cohortName: cohorts.name,
      invitedByName: inviter.name,
      createdAt: pendingEnrolments.createdAt,
    })
    .from(pendingEnrolments)
    .innerJoin(cohorts, eq(cohorts.id, pendingEnrolments.cohortId))
    .leftJoin(inviter, eq(inviter.id, pendingEnrolments.invitedBy))
    .where(and(eq(pendingEnrolments.userId, learner.id), isNull(pendingEnrolments.declinedAt), eq(cohorts.status, "active")))
    .orderBy(asc(pendingEnrolments.createdAt), asc(pendingEnrolments.id));
}

const gone = () => conflict("This invitation is no longer open.");

/** The learner's "Accept": enrolled (with their earlier work, if any), in one transaction. */
export async function acceptPendingEnrolment({ learner, pendingId, ip }: { learner: Actor; pendingId: string; ip?: string }) {
  if (learner.role !== "learner" || !isUuid(pendingId)) throw gone();
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ p: pendingEnrolments, cohortStatus: cohorts.status, cohortName: cohorts.name })
      .from(pendingEnrolments)
      .innerJoin(cohorts, eq(cohorts.id, pendingEnrolments.cohortId))
      .where(and(eq(pendingEnrolments.id, pendingId), eq(pendingEnrolments.userId, learner.id), isNull(pendingEnrolments.declinedAt)))
      .for("update", { of: pendingEnrolments });
    if (!row) throw gone();
    if (row.cohortStatus !== "active") throw conflict("This cohort is closed and no longer takes new learners.");
    await tx.delete(pendingEnrolments).where(eq(pendingEnrolments.id, pendingId));
    await audit(tx, {
      actorId: learner.id,
      actorEmail: learner.email,
      action: "enrolment.accept",
      targetType: "enrolment",
      targetId: `${row.p.cohortId}:${learner.id}`,
      ip,
      details: { cohortId: row.p.cohortId, invitedBy: row.p.invitedBy },
    });
    await enrolLearner(tx, { cohortId: row.p.cohortId, userId: learner.id, source: row.p.source as EnrolmentSource, actor: learner, ip });
    return { cohortId: row.p.cohortId, cohortName: row.cohortName };
  });
}

/** The learner's "Decline": nothing is shared; the instructor sees "declined". */
export async function declinePendingEnrolment({ learner, pendingId, ip }: { learner: Actor; pendingId: string; ip?: string }) {
  if (learner.role !== "learner" || !isUuid(pendingId)) throw gone();
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(pendingEnrolments)
      .set({ declinedAt: new Date() })
      .where(and(eq(pendingEnrolments.id, pendingId), eq(pendingEnrolments.userId, learner.id), isNull(pendingEnrolments.declinedAt)))
      .returning({ cohortId: pendingEnrolments.cohortId });
    if (!row) throw gone();
    await audit(tx, {
      actorId: learner.id,
      actorEmail: learner.email,
      action: "enrolment.decline",
      targetType: "enrolment",
      targetId: `${row.cohortId}:${learner.id}`,
      ip,
      details: { cohortId: row.cohortId },
    });
  });
}

/**
 * The cohort's open and declined offers, for its instructors: only the email
 * they typed and the state — no name or anything else of the account's until
 * the learner accepts.
 */
export async function listCohortPendingEnrolments({ actor, cohortId }: { actor: Actor; cohortId: string }) {
  await requireCohort(actor, cohortId, "cohort.manage");
  return getDb()
    .select({
      id: pendingEnrolments.id,
      email: users.email,
      createdAt: pendingEnrolments.createdAt,
      declinedAt: pendingEnrolments.declinedAt,
    })
    .from(pendingEnrolments)
    .innerJoin(users, eq(users.id, pendingEnrolments.userId))
    .where(eq(pendingEnrolments.cohortId, cohortId))
    .orderBy(asc(pendingEnrolments.createdAt), asc(pendingEnrolments.id));
}
