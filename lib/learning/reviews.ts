import { notifyReviewed } from "@/lib/notifications/events";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { noControlCharacters } from "@/lib/platform/text";
import { getDb } from "@/db/client";
import { assignmentProgress, assignments, cohorts, enrolments, reflectionReviews, reflections, users } from "@/db/schema";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { audit } from "@/lib/audit/record";
import { isUuid, requirePermission, teachesSql } from "@/lib/access/scope";
import type { Actor } from "@/lib/cohorts/cohorts";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { completeIfDone } from "@/lib/learning/progress/complete";
import { checkRubricScores, type RubricScores } from "@/lib/learning/reflections/rubric";

export const REVIEW_QUEUE_PAGE = 50;

/** The queue's filters (query params): one cohort, one learner; anything else is ignored. */
export type ReviewFilter = { cohortId?: string; learnerId?: string };

export function reviewFilterOf(params: Record<string, string | undefined>): ReviewFilter {
  return {
    cohortId: isUuid(params.cohort) ? params.cohort : undefined,
    learnerId: isUuid(params.learner) ? params.learner : undefined,
  };
}

/** The filter as a query string (for links that keep it). */
export function reviewFilterQuery(f: ReviewFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    ...(f.cohortId ? { cohort: f.cohortId } : {}),
    ...(f.learnerId ? { learner: f.learnerId } : {}),
    ...extra,
  });
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** Waiting reflections the instructor may review, in the filter: the one condition the queue, its count and "next" share. */
function waitingSql(actor: Actor, f: ReviewFilter) {
  return and(
    eq(reflections.status, "submitted"),
    teachesSql(actor.id, assignmentProgress.cohortId),
    f.cohortId ? eq(assignmentProgress.cohortId, f.cohortId) : undefined,
    f.learnerId ? eq(reflections.userId, f.learnerId) : undefined,
  );
}

const activeEnrolmentJoin = and(
  eq(enrolments.cohortId, assignmentProgress.cohortId),
  eq(enrolments.userId, reflections.userId),
  eq(enrolments.status, "active"),
);

/**
 * The next reflection waiting in the filter (oldest submission first),
 * other than the one just reviewed; null when none is left.
 */
export async function nextReflectionToReview({ actor, filter, exclude }: { actor: Actor; filter: ReviewFilter; exclude?: string }) {
  requirePermission(actor, "reflection.review");
  const [row] = await getDb()
    .select({ id: reflections.id })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(enrolments, activeEnrolmentJoin)
    .where(and(waitingSql(actor, filter), exclude && isUuid(exclude) ? sql`${reflections.id} <> ${exclude}` : undefined))
    .orderBy(asc(reflections.submittedAt), asc(reflections.id))
    .limit(1);
  return row?.id ?? null;
}

/** How many reflections wait in the filter (the count shown next to the queue link). */
export async function countReviewWaiting({ actor, filter }: { actor: Actor; filter: ReviewFilter }) {
  requirePermission(actor, "reflection.review");
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(enrolments, activeEnrolmentJoin)
    .where(waitingSql(actor, filter));
  return row.n;
}

/**
 * What the queue can be filtered by: the cohorts the instructor teaches, and
 * the learners with something waiting (in the chosen cohort), each with
 * their waiting count.
 */
export async function listReviewFilterOptions({ actor, cohortId }: { actor: Actor; cohortId?: string }) {
  requirePermission(actor, "reflection.review");
  const db = getDb();
  const waitingIn = sql<number>`(select count(*)::int from ${reflections} r
    join ${assignmentProgress} p on p.id = r.progress_id
    join ${enrolments} e on e.cohort_id = p.cohort_id and e.user_id = r.user_id and e.status = 'active'
    where r.status = 'submitted' and p.cohort_id = ${cohorts}.id)`;
  const [cohortRows, learnerRows] = await Promise.all([
    db
      .select({ id: cohorts.id, name: cohorts.name, waiting: waitingIn })
      .from(cohorts)
      .where(teachesSql(actor.id, cohorts.id))
      .orderBy(asc(cohorts.name), asc(cohorts.id)),
    db
      .select({ id: users.id, name: users.name, waiting: sql<number>`count(*)::int` })
      .from(reflections)
      .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
      .innerJoin(enrolments, activeEnrolmentJoin)
      .innerJoin(users, eq(users.id, reflections.userId))
      .where(waitingSql(actor, { cohortId }))
      .groupBy(users.id, users.name)
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { cohorts: cohortRows, learners: learnerRows };
}

/**
 * Submitted reflections waiting for a review, across every cohort the
 * instructor teaches (or the one cohort / learner of the filter), oldest
 * submission first. Learners removed from the cohort drop out of the queue.
 */
export async function listReviewQueue({ actor, page = 1, filter = {} }: { actor: Actor; page?: number; filter?: ReviewFilter }) {
  requirePermission(actor, "reflection.review");
  const rows = await getDb()
    .select({
      reflectionId: reflections.id,
      promptId: reflections.promptId,
      moduleVersionId: reflections.moduleVersionId,
      submittedAt: reflections.submittedAt,
      wordCount: reflections.wordCount,
      learnerName: users.name,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      previousReviews: sql<number>`(select count(*)::int from ${reflectionReviews} where ${reflectionReviews.reflectionId} = ${reflections.id})`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .innerJoin(enrolments, activeEnrolmentJoin)
    .innerJoin(users, eq(users.id, reflections.userId))
    .where(waitingSql(actor, filter))
    .orderBy(asc(reflections.submittedAt), asc(reflections.id))
    .limit(REVIEW_QUEUE_PAGE)
    .offset((page - 1) * REVIEW_QUEUE_PAGE);
  const withPrompts = await Promise.all(
    rows.map(async ({ total: _t, moduleVersionId, ...r }) => {
      const version = await getModuleVersion(moduleVersionId);
      const prompt = version?.content.reflections.find((p) => p.id === r.promptId);
      return {
        ...r,
        promptNumber: version ? version.content.reflections.findIndex((p) => p.id === r.promptId) + 1 : 0,
        prompt: prompt?.prompt ?? r.promptId,
      };
    }),
  );
  const total = rows[0]?.total ?? 0;
  return { rows: withPrompts, total, page, pageCount: Math.max(1, Math.ceil(total / REVIEW_QUEUE_PAGE)) };
}

/**
 * One reflection for its reviewer: the text, the prompt, the learner, the
 * cohort and earlier reviews. Only an instructor who teaches the cohort
 * reaches it, and only once it has been submitted (drafts stay private).
 */
export async function getReflectionForReview({ actor, reflectionId }: { actor: Actor; reflectionId: string }) {
  requirePermission(actor, "reflection.review");
  if (!isUuid(reflectionId)) throw notFound();
  const db = getDb();
  const [row] = await db
    .select({
      id: reflections.id,
      body: reflections.body,
      wordCount: reflections.wordCount,
      status: reflections.status,
      version: reflections.version,
      promptId: reflections.promptId,
      moduleVersionId: reflections.moduleVersionId,
      submittedAt: reflections.submittedAt,
      learner: { id: users.id, name: users.name, email: users.email },
      cohort: { id: cohorts.id, name: cohorts.name },
      reflectionsMustBeAccepted: assignments.reflectionsMustBeAccepted,
    })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(assignments, eq(assignments.id, assignmentProgress.assignmentId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .innerJoin(users, eq(users.id, reflections.userId))
    .where(and(eq(reflections.id, reflectionId), isNotNull(reflections.submittedAt), teachesSql(actor.id, assignmentProgress.cohortId)))
    .limit(1);
  if (!row) throw notFound();
  const version = await getModuleVersion(row.moduleVersionId);
  const prompt = version?.content.reflections.find((p) => p.id === row.promptId);
  const history = await db
    .select({
      id: reflectionReviews.id,
      decision: reflectionReviews.decision,
      feedback: reflectionReviews.feedback,
      scores: reflectionReviews.scores,
      createdAt: reflectionReviews.createdAt,
      reviewerName: users.name,
    })
    .from(reflectionReviews)
    .leftJoin(users, eq(users.id, reflectionReviews.reviewerId))
    .where(eq(reflectionReviews.reflectionId, reflectionId))
    .orderBy(desc(reflectionReviews.createdAt));
  return {
    ...row,
    prompt: prompt?.prompt ?? row.promptId,
    minWords: version?.content.minWords ?? null,
    rubric: version?.content.reflectionRubric ?? null,
    promptCount: version?.content.reflections.length ?? 0,
    history,
  };
}

export const reviewSchema = z
  .object({
    decision: z.enum(["accepted", "revision_requested"], { message: "Choose accept or request a revision." }),
    feedback: z
      .string()
      .refine(...noControlCharacters({ multiline: true }))
      .trim()
      .max(5000, "Keep feedback under 5,000 characters.")
      .default(""),
    version: z.coerce.number().int().min(1),
  })
  .refine((r) => r.decision === "accepted" || r.feedback.length > 0, {
    path: ["feedback"],
    message: "Say what to revise: the learner sees this feedback.",
  });

/**
 * Accept a submitted reflection or ask for a revision: the status change,
 * the review row (who, when, feedback, rubric scores) and the audit entry in
 * one transaction. The reviewer names the version they read; if the
 * reflection was reviewed or resubmitted meanwhile, nothing changes and they
 * are told. When the module version has a rubric, an acceptance must score
 * every criterion and meet its rule. An acceptance that completes the
 * assignment (reflections must be accepted, all accepted, quiz passed)
 * completes it and issues the certificate in this same transaction.
 */
export async function reviewReflection({
  actor,
  reflectionId,
  decision,
  feedback = "",
  version,
  scores,
  ip,
  now = new Date(),
}: {
  actor: Actor;
  reflectionId: string;
  decision: "accepted" | "revision_requested";
  feedback?: string;
  version: number;
  scores?: RubricScores | null;
  ip?: string;
  now?: Date;
}) {
  const parsed = reviewSchema.safeParse({ decision, feedback, version });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue.message, { [String(issue.path[0] ?? "feedback")]: issue.message });
  }
  const target = await getReflectionForReview({ actor, reflectionId });
  const checkedScores = checkRubricScores(target.rubric ?? undefined, scores, parsed.data.decision);
  return getDb().transaction(async (tx) => {
    // the progress row first, as a submission does: two acceptances of the last two
    // reflections then run one after the other, and the second one completes
    await tx.execute(
      sql`select 1 from ${assignmentProgress} where ${assignmentProgress.id} = (select ${reflections.progressId} from ${reflections} where ${reflections.id} = ${reflectionId}) for update`,
    );
    const [changed] = await tx
      .update(reflections)
      .set({ status: parsed.data.decision })
      .where(and(eq(reflections.id, reflectionId), eq(reflections.status, "submitted"), eq(reflections.version, parsed.data.version)))
      .returning({ id: reflections.id, userId: reflections.userId, progressId: reflections.progressId });
    if (!changed) {
      throw conflict(
        "This reflection changed after you opened it: it was reviewed by someone else or resubmitted by the learner. Nothing was saved. Reload to see it as it is now.",
      );
    }
    await notifyReviewed(tx, {
      learnerId: changed.userId,
      progressId: changed.progressId,
      reflectionId,
      decision: parsed.data.decision,
      feedback: parsed.data.feedback,
    });
    const [review] = await tx
      .insert(reflectionReviews)
      .values({
        reflectionId,
        reviewerId: actor.id,
        decision: parsed.data.decision,
        feedback: parsed.data.feedback,
        scores: checkedScores,
        createdAt: now,
      })
      .returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "reflection.review",
      targetType: "reflection",
      targetId: reflectionId,
      ip,
      // the decision only: never the reflection or the feedback text
      details: { decision: parsed.data.decision, learnerId: changed.userId, progressId: changed.progressId, scores: checkedScores },
    });
    const done =
      parsed.data.decision === "accepted"
        ? await completeIfDone(tx, { progressId: changed.progressId, promptCount: target.promptCount, now })
        : null;
    return { ...review, completed: done !== null, certificateId: done?.certificateId ?? null };
  });
}
