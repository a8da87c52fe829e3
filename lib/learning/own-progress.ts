import { and, eq, sql, type SQL } from "drizzle-orm";
import { effectiveDueSql } from "@/lib/learning/progress/due";
import type { DbOrTx } from "@/db/client";
import { assignmentProgress, assignments, cohorts, enrolments, quizAttempts } from "@/db/schema";
import type { Role } from "@/lib/access/permissions";
import { getLatestVersion, getModuleVersion, type ModuleVersion } from "@/lib/learning/module/publish";
import { conflict, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { assignmentWindow, windowMessages, type AssignmentWindow } from "./window";

/** A moment as a SQL timestamptz literal parameter (the same on postgres-js and PGlite). */
export const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A learner, as far as their own work is concerned. */
export type Learner = { id: string; role: Role };

/**
 * A learner's own progress row with its assignment and cohort, or a
 * not_found DomainError — for a missing id, someone else's, or a non-learner
 * alike (the "own progress" scope of lib/access/scope.ts).
 * With `lock`, the row is locked for the rest of the transaction: every
 * learner event takes this lock first, so counters never race.
 */
export async function loadOwnProgress(db: DbOrTx, learner: Learner, progressId: string, opts: { lock?: boolean } = {}) {
  if (learner.role !== "learner" || !isUuid(progressId)) throw notFound();
  return ownProgress(db, learner, eq(assignmentProgress.id, progressId), opts);
}

/**
 * The same for the progress row a quiz attempt of the learner belongs to,
 * found and locked in one statement (submitting an attempt starts here).
 */
export async function loadOwnProgressOfAttempt(db: DbOrTx, learner: Learner, attemptId: string, opts: { lock?: boolean } = {}) {
  if (learner.role !== "learner" || !isUuid(attemptId)) throw notFound();
  return ownProgress(
    db,
    learner,
    sql`${assignmentProgress.id} = (select ${quizAttempts.progressId} from ${quizAttempts}
      where ${quizAttempts.id} = ${attemptId} and ${quizAttempts.userId} = ${learner.id})`,
    opts,
  );
}

async function ownProgress(db: DbOrTx, learner: Learner, which: SQL | undefined, opts: { lock?: boolean }) {
  const q = db
    .select({
      progress: assignmentProgress,
      moduleId: assignments.moduleId,
      opensAt: assignments.opensAt,
      /** the learner's own due date (an extension when there is one) */
      dueAt: effectiveDueSql,
      cohortDueAt: assignments.dueAt,
      passMarkOverride: assignments.passMarkOverride,
      maxAttempts: assignments.maxAttempts,
      reflectionsMustBeAccepted: assignments.reflectionsMustBeAccepted,
      showCorrectAnswers: assignments.showCorrectAnswers,
      requireAllSectionsRead: assignments.requireAllSectionsRead,
      cohortName: cohorts.name,
      cohortStatus: cohorts.status,
      enrolmentStatus: enrolments.status,
    })
    .from(assignmentProgress)
    .innerJoin(assignments, eq(assignments.id, assignmentProgress.assignmentId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .leftJoin(enrolments, and(eq(enrolments.cohortId, assignmentProgress.cohortId), eq(enrolments.userId, assignmentProgress.userId)))
    .where(and(which, eq(assignmentProgress.userId, learner.id)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update", { of: assignmentProgress }) : await q;
  if (!row) throw notFound();
  return row;
}

export type OwnProgress = Awaited<ReturnType<typeof loadOwnProgress>>;

export function windowOf(row: OwnProgress, now: Date = new Date()): AssignmentWindow {
  return assignmentWindow(row, now);
}

/** Refuse (conflict, reason "not_open" or "closed") unless the learner may work on the assignment now. */
export function requireOpen(row: OwnProgress, now: Date) {
  const w = windowOf(row, now);
  if (w !== "open") throw conflict(windowMessages[w], w);
}

/** The version the learner works against: the pinned one, or the latest until they start. */
export async function versionFor(db: DbOrTx, row: OwnProgress): Promise<ModuleVersion> {
  const v = row.progress.moduleVersionId
    ? await getModuleVersion(row.progress.moduleVersionId, db)
    : await getLatestVersion(row.moduleId, db);
  if (!v) throw new Error("The module has no published version.");
  return v;
}

/**
 * Record activity on a locked progress row: pin the module version at the
 * first activity, set startedAt once, and move lastActivityAt. Returns the
 * pinned version.
 */
export async function recordActivity(tx: DbOrTx, row: OwnProgress, now: Date): Promise<ModuleVersion> {
  const version = await versionFor(tx, row);
  await tx
    .update(assignmentProgress)
    .set({
      moduleVersionId: sql`coalesce(${assignmentProgress.moduleVersionId}, ${version.id}::uuid)`,
      startedAt: sql`coalesce(${assignmentProgress.startedAt}, ${at(now)})`,
      lastActivityAt: sql`greatest(${assignmentProgress.lastActivityAt}, ${at(now)})`,
    })
    .where(eq(assignmentProgress.id, row.progress.id));
  row.progress.moduleVersionId ??= version.id;
  row.progress.startedAt ??= now;
  return version;
}
