import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, certificates, quizAttempts, quizResponses } from "@/db/schema";
import {
  at,
  loadOwnProgress,
  loadOwnProgressOfAttempt,
  recordActivity,
  requireOpen,
  type Learner,
  type OwnProgress,
} from "@/lib/learning/own-progress";
import { effectivePassMark } from "@/lib/learning/pass-mark";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { completeIfDone } from "@/lib/learning/progress/complete";
import { quizCounterColumns } from "@/lib/learning/progress/quiz-counters";
import { conflict, DomainError, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { countedAttemptSql } from "./counted";
import { drawQuiz, type RandomInt } from "./draw";
import { requireLessonRead } from "./reading-gate";
import { publicQuestions, type PublicQuestion } from "./public";
import { invalidAnswers, scoreAttempt, unansweredItems, type Answers } from "./scoring";

export type OpenAttempt = { attemptId: string; progressId: string; passMark: number; questions: PublicQuestion[] };

export type AttemptResult = {
  attemptId: string;
  progressId: string;
  score: number;
  correctCount: number;
  total: number;
  passMark: number;
  passed: boolean;
  /** the assignment is complete (now or earlier) */
  completed: boolean;
  certificateId: string | null;
};

async function countedAttempts(tx: DbOrTx, progressId: string) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.progressId, progressId), countedAttemptSql()));
  return n;
}

/** Refuse (conflict, reason "attempts_used") when the attempt limit is reached; counted only when there is a limit. */
async function requireAttemptsLeft(tx: DbOrTx, row: OwnProgress) {
  if (row.maxAttempts === null) return;
  if ((await countedAttempts(tx, row.progress.id)) >= row.maxAttempts) {
    throw conflict(
      `You have used all ${row.maxAttempts} quiz attempts for this assignment. Your instructor can reset an attempt if you need another try.`,
      "attempts_used",
    );
  }
}

async function openAttemptOf(tx: DbOrTx, progressId: string) {
  const [a] = await tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.progressId, progressId), eq(quizAttempts.status, "in_progress")))
    .limit(1);
  return a ?? null;
}

async function toOpenAttempt(tx: DbOrTx, a: typeof quizAttempts.$inferSelect): Promise<OpenAttempt> {
  const version = await getModuleVersion(a.moduleVersionId, tx);
  return { attemptId: a.id, progressId: a.progressId, passMark: a.passMark, questions: publicQuestions(version!.content, a.draw) };
}

/** Item ids shown in this progress row's earlier attempts (reset ones too: the learner saw them), one entry per showing. */
async function drawnBefore(tx: DbOrTx, progressId: string): Promise<string[]> {
  const rows = await tx.select({ draw: quizAttempts.draw }).from(quizAttempts).where(eq(quizAttempts.progressId, progressId));
  return rows.flatMap((r) => r.draw.map((d) => d.itemId));
}

/**
 * Start an attempt, or hand back the open one (two tabs, a double click and
 * a retry all land on the same attempt). Draws the items and option order
 * now and stores them, with the pass mark in force; a retake avoids the
 * items of earlier attempts where the bank allows. When the assignment
 * requires it, a new attempt waits until every lesson section is read.
 */
export async function startAttempt({
  learner,
  progressId,
  now = new Date(),
  rnd,
  db = getDb(),
}: {
  learner: Learner;
  progressId: string;
  now?: Date;
  rnd?: RandomInt;
  db?: DbOrTx;
}): Promise<OpenAttempt & { created: boolean }> {
  return db.transaction(async (tx) => {
    const row = await loadOwnProgress(tx, learner, progressId, { lock: true });
    requireOpen(row, now);
    const open = await openAttemptOf(tx, progressId);
    if (open) return { ...(await toOpenAttempt(tx, open)), created: false };
    await requireAttemptsLeft(tx, row);
    const version = await recordActivity(tx, row, now);
    await requireLessonRead(tx, row, version.content); // a refusal rolls back the activity recorded above
    const [a] = await tx
      .insert(quizAttempts)
      .values({
        progressId,
        assignmentId: row.progress.assignmentId,
        userId: learner.id,
        moduleVersionId: version.id,
        draw: drawQuiz(version.content, rnd, await drawnBefore(tx, progressId)),
        passMark: effectivePassMark(row, version),
        startedAt: now,
      })
      .returning();
    return { ...(await toOpenAttempt(tx, a)), created: true };
  });
}

/** The learner's open attempt on this assignment, as the browser may see it. */
export async function getOpenAttempt({ learner, progressId, db = getDb() }: { learner: Learner; progressId: string; db?: DbOrTx }) {
  await loadOwnProgress(db, learner, progressId);
  const open = await openAttemptOf(db, progressId);
  return open ? toOpenAttempt(db, open) : null;
}

async function storedResult(tx: DbOrTx, a: typeof quizAttempts.$inferSelect): Promise<AttemptResult> {
  const [p] = await tx
    .select({ completedAt: assignmentProgress.completedAt, certificateId: certificates.id })
    .from(assignmentProgress)
    .leftJoin(certificates, eq(certificates.progressId, assignmentProgress.id))
    .where(eq(assignmentProgress.id, a.progressId));
  return {
    attemptId: a.id,
    progressId: a.progressId,
    score: a.score!,
    correctCount: a.correctCount!,
    total: a.draw.length,
    passMark: a.passMark,
    passed: a.passed!,
    completed: Boolean(p?.completedAt),
    certificateId: p?.certificateId ?? null,
  };
}

/**
 * Score and record an attempt in one transaction: the attempt, its
 * responses, the progress counters and (when this completes the
 * assignment) completion and the certificate. Submitting an attempt again —
 * a double click, a second tab, a retry, two requests at once — changes
 * nothing and answers with the result already recorded.
 */
export async function submitAttempt({
  learner,
  attemptId,
  answers,
  now = new Date(),
  db = getDb(),
}: {
  learner: Learner;
  attemptId: string;
  answers: Answers;
  now?: Date;
  db?: DbOrTx;
}): Promise<AttemptResult & { alreadySubmitted: boolean }> {
  if (!isUuid(attemptId)) throw notFound();
  return db.transaction(async (tx) => {
    // progress row first (found through the learner's own attempt), then the attempt: the lock order of every learner event
    const row = await loadOwnProgressOfAttempt(tx, learner, attemptId, { lock: true });
    const [attempt] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).for("update");
    if (attempt.status === "submitted") return { ...(await storedResult(tx, attempt)), alreadySubmitted: true };

    requireOpen(row, now);
    await requireAttemptsLeft(tx, row);
    const version = await getModuleVersion(attempt.moduleVersionId, tx);
    if (!version) throw new Error("An attempt points at a missing module version.");
    const invalid = invalidAnswers(version.content, attempt.draw, answers);
    if (invalid.length)
      throw new DomainError("invalid", "Some answers do not belong to this quiz. Reload the page and try again.", {
        details: { items: invalid },
      });
    const missing = unansweredItems(attempt.draw, answers);
    if (missing.length) {
      const numbers = missing.map((id) => attempt.draw.findIndex((d) => d.itemId === id) + 1);
      throw new DomainError(
        "invalid",
        `Answer every question before you submit. Still to answer: question${numbers.length > 1 ? "s" : ""} ${numbers.join(", ")}.`,
        { reason: "unanswered", details: { missing } },
      );
    }

    const s = scoreAttempt(version.content, attempt.draw, answers, attempt.passMark);
    const pid = row.progress.id;
    // The writes are sent together (pipelined on PostgreSQL: one round trip instead of four while
    // the locks are held) and run in this order; if any fails, the transaction rolls back.
    const savedQ = tx
      .update(quizAttempts)
      .set({ status: "submitted", submittedAt: now, score: s.score, correctCount: s.correctCount, passed: s.passed })
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, "in_progress")))
      .returning()
      .execute();
    const responsesQ = tx
      .insert(quizResponses)
      .values(s.responses.map((r) => ({ attemptId, ...r })))
      .execute();
    const countersQ = tx
      .update(assignmentProgress)
      .set({
        ...quizCounterColumns(pid),
        startedAt: sql`coalesce(${assignmentProgress.startedAt}, ${at(now)})`,
        lastActivityAt: sql`greatest(${assignmentProgress.lastActivityAt}, ${at(now)})`,
      })
      .where(eq(assignmentProgress.id, pid))
      .execute();
    const doneQ = completeIfDone(tx, { progressId: pid, promptCount: version.content.reflections.length, now });
    const [[saved], , , done] = await Promise.all([savedQ, responsesQ, countersQ, doneQ]);
    if (!saved) throw new Error("The attempt changed while locked.");
    if (row.progress.completedAt) return { ...(await storedResult(tx, saved)), alreadySubmitted: false };
    return {
      attemptId,
      progressId: pid,
      score: s.score,
      correctCount: s.correctCount,
      total: s.total,
      passMark: attempt.passMark,
      passed: s.passed,
      completed: Boolean(done),
      certificateId: done?.certificateId ?? null,
      alreadySubmitted: false,
    };
  });
}

/** The learner's attempts on one assignment, oldest first. */
export async function listAttempts({ learner, progressId, db = getDb() }: { learner: Learner; progressId: string; db?: DbOrTx }) {
  await loadOwnProgress(db, learner, progressId);
  return db
    .select({
      id: quizAttempts.id,
      status: quizAttempts.status,
      score: quizAttempts.score,
      passed: quizAttempts.passed,
      passMark: quizAttempts.passMark,
      startedAt: quizAttempts.startedAt,
      submittedAt: quizAttempts.submittedAt,
      resetAt: quizAttempts.resetAt,
    })
    .from(quizAttempts)
    .where(eq(quizAttempts.progressId, progressId))
    .orderBy(asc(quizAttempts.startedAt), asc(quizAttempts.id));
}
