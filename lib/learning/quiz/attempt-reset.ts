import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { noControlCharacters } from "@/lib/platform/text";
import { getDb } from "@/db/client";
import { assignmentProgress, quizAttempts, users } from "@/db/schema";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { audit } from "@/lib/audit/record";
import { isUuid } from "@/lib/access/scope";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { quizCounterColumns } from "@/lib/learning/progress/quiz-counters";
import { countedAttemptSql } from "./counted";

export const resetReasonSchema = z
  .string()
  .refine(...noControlCharacters())
  .trim()
  .min(3, "Give a reason: it is kept with the attempts and in the audit log.")
  .max(500, "Keep the reason under 500 characters.");

/**
 * A learner's quiz attempts on one assignment, oldest first (the learner page
 * numbers them 1, 2, 3 in that order), reset ones included (marked): the
 * history an instructor sees before and after a reset.
 */
export async function listLearnerAttempts({ actor, cohortId, progressId }: { actor: Actor; cohortId: string; progressId: string }) {
  await requireCohort(actor, cohortId, "cohort.progress");
  if (!isUuid(progressId)) throw notFound();
  return getDb()
    .select({
      id: quizAttempts.id,
      status: quizAttempts.status,
      score: quizAttempts.score,
      passed: quizAttempts.passed,
      passMark: quizAttempts.passMark,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
      resetAt: quizAttempts.resetAt,
      resetReason: quizAttempts.resetReason,
      resetByName: users.name,
    })
    .from(quizAttempts)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, quizAttempts.progressId))
    .leftJoin(users, eq(users.id, quizAttempts.resetBy))
    .where(and(eq(quizAttempts.progressId, progressId), eq(assignmentProgress.cohortId, cohortId)))
    .orderBy(asc(quizAttempts.startedAt));
}

/**
 * Reset a learner's quiz attempts that count (./counted.ts) on one
 * assignment: each is marked (when, by whom, why) and stays in the history;
 * the progress counters are recomputed from the attempts that still count. Completion is final and is
 * left alone, as is the certificate. One transaction with the audit entry.
 * An attempt in progress is left open: it counts once submitted.
 */
export async function resetQuizAttempts({
  actor,
  cohortId,
  progressId,
  reason,
  ip,
}: {
  actor: Actor;
  cohortId: string;
  progressId: string;
  reason: string;
  ip?: string;
}) {
  const why = resetReasonSchema.safeParse(reason);
  if (!why.success) throw invalid(why.error.issues[0].message, { reason: why.error.issues[0].message });
  if (!isUuid(progressId)) throw notFound();
  return getDb().transaction(async (tx) => {
    await requireCohort(actor, cohortId, "cohort.manage", tx);
    const [progress] = await tx
      .select({ id: assignmentProgress.id, userId: assignmentProgress.userId })
      .from(assignmentProgress)
      .where(and(eq(assignmentProgress.id, progressId), eq(assignmentProgress.cohortId, cohortId)))
      .for("update");
    if (!progress) throw notFound();
    const reset = await tx
      .update(quizAttempts)
      .set({ resetAt: new Date(), resetBy: actor.id, resetReason: why.data })
      .where(and(eq(quizAttempts.progressId, progressId), countedAttemptSql()))
      .returning({ id: quizAttempts.id });
    if (!reset.length) throw conflict("There are no submitted attempts to reset.");
    const [after] = await tx
      .update(assignmentProgress)
      .set(quizCounterColumns(progressId))
      .where(eq(assignmentProgress.id, progressId))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "attempt.reset",
      targetType: "assignment_progress",
      targetId: progressId,
      ip,
      details: { cohortId, learnerId: progress.userId, attemptIds: reset.map((r) => r.id), reason: why.data },
    });
    return { resetCount: reset.length, progress: after };
  });
}
