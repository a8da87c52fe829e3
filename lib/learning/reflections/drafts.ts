import { formatCount } from "@/lib/platform/format";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, reflectionReviews, reflections } from "@/db/schema";
import { loadOwnProgress, recordActivity, requireOpen, versionFor, type Learner } from "@/lib/learning/own-progress";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@/lib/platform/text";
import { completeIfDone } from "@/lib/learning/progress/complete";
import { conflict, DomainError, invalid } from "@/lib/platform/errors";
import { countWords } from "./words";

export const MAX_REFLECTION_CHARS = 20_000;

export type ReflectionStatus = (typeof reflections.$inferSelect)["status"];

/** What the browser holds of one reflection; version 0 means nothing saved yet. */
export type ReflectionSnapshot = { body: string; version: number; status: ReflectionStatus; wordCount: number; submittedAt: Date | null };

const editable = (s: ReflectionStatus) => s === "draft" || s === "revision_requested";

const snapshot = (r: typeof reflections.$inferSelect | undefined): ReflectionSnapshot =>
  r
    ? { body: r.body, version: r.version, status: r.status, wordCount: r.wordCount, submittedAt: r.submittedAt }
    : { body: "", version: 0, status: "draft", wordCount: 0, submittedAt: null };

type Edit = { learner: Learner; progressId: string; promptId: string; body: string; baseVersion: number; now?: Date; db?: DbOrTx };

/**
 * The locked, checked start of every edit: own open assignment, a prompt of
 * the pinned version, and the row as it stands. A save must name the version
 * it edits; a stale one is refused with the newer text, so nothing is
 * overwritten silently.
 */
async function beginEdit(tx: DbOrTx, e: Edit, now: Date) {
  if (e.body.length > MAX_REFLECTION_CHARS) throw invalid(`A reflection can be at most ${formatCount(MAX_REFLECTION_CHARS)} characters.`);
  if (hasControlCharacters(e.body, { multiline: true })) throw invalid(CONTROL_CHARACTERS_MESSAGE);
  const row = await loadOwnProgress(tx, e.learner, e.progressId, { lock: true });
  requireOpen(row, now);
  const version = await recordActivity(tx, row, now);
  if (!version.content.reflections.some((p) => p.id === e.promptId)) throw invalid("There is no such reflection prompt.");
  const [current] = await tx
    .select()
    .from(reflections)
    .where(and(eq(reflections.progressId, e.progressId), eq(reflections.promptId, e.promptId)));
  return { row, version, current };
}

/** A save naming an older version: conflict, reason "conflict", with the newer text for the editor to offer. */
function refuseStale(current: ReflectionSnapshot): never {
  throw conflict(
    "This reflection was changed in another tab or device after you opened it. Your text here is kept; choose whether to load the newer text or keep yours.",
    "conflict",
    { current },
  );
}

/** A submitted reflection not open for revision: conflict, reason "locked", with the text as it stands. */
function refuseLocked(current: ReflectionSnapshot): never {
  throw conflict("This reflection has been submitted, so it cannot be edited unless your instructor asks for a revision.", "locked", {
    current,
  });
}

/** Autosave a draft. Answers the new version. */
export async function saveReflectionDraft(e: Edit): Promise<ReflectionSnapshot> {
  const now = e.now ?? new Date();
  return (e.db ?? getDb()).transaction(async (tx) => {
    const { row, version, current } = await beginEdit(tx, e, now);
    const wordCount = countWords(e.body);
    if (!current) {
      if (e.baseVersion !== 0) refuseStale(snapshot(undefined));
      const [created] = await tx
        .insert(reflections)
        .values({
          progressId: e.progressId,
          assignmentId: row.progress.assignmentId,
          userId: e.learner.id,
          moduleVersionId: version.id,
          promptId: e.promptId,
          body: e.body,
          wordCount,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return snapshot(created);
    }
    if (!editable(current.status)) refuseLocked(snapshot(current));
    if (current.version !== e.baseVersion) refuseStale(snapshot(current));
    const [saved] = await tx
      .update(reflections)
      .set({ body: e.body, wordCount, version: current.version + 1, updatedAt: now })
      .where(eq(reflections.id, current.id))
      .returning();
    return snapshot(saved);
  });
}

/**
 * Submit a reflection (saving its final text in the same step), recount the
 * reflections submitted, and complete the assignment if this was the last
 * step. Submitting the same text again (a double click) answers as before.
 */
export async function submitReflection(e: Edit): Promise<ReflectionSnapshot & { completed: boolean; certificateId: string | null }> {
  const now = e.now ?? new Date();
  return (e.db ?? getDb()).transaction(async (tx) => {
    const { row, version, current } = await beginEdit(tx, e, now);
    if (current && current.status === "submitted" && current.body === e.body)
      return { ...snapshot(current), completed: Boolean(row.progress.completedAt), certificateId: null };
    if (current && !editable(current.status)) refuseLocked(snapshot(current));
    if ((current?.version ?? 0) !== e.baseVersion) refuseStale(snapshot(current));
    const wordCount = countWords(e.body);
    const minWords = version.content.minWords;
    if (wordCount < minWords) {
      const missing = minWords - wordCount;
      throw new DomainError(
        "invalid",
        `This reflection has ${wordCount} word${wordCount === 1 ? "" : "s"}. Write at least ${missing} more (${minWords} in all) before you submit. Your draft is saved.`,
        { reason: "too_short", details: { wordCount, minWords } },
      );
    }
    const values = { body: e.body, wordCount, status: "submitted" as const, submittedAt: now, updatedAt: now };
    const [saved] = current
      ? await tx
          .update(reflections)
          .set({ ...values, version: current.version + 1 })
          .where(eq(reflections.id, current.id))
          .returning()
      : await tx
          .insert(reflections)
          .values({
            ...values,
            progressId: e.progressId,
            assignmentId: row.progress.assignmentId,
            userId: e.learner.id,
            moduleVersionId: version.id,
            promptId: e.promptId,
            createdAt: now,
          })
          .returning();
    await tx
      .update(assignmentProgress)
      .set({
        reflectionsSubmitted: sql`(select count(*)::int from ${reflections} where ${reflections.progressId} = ${e.progressId} and ${reflections.submittedAt} is not null)`,
      })
      .where(eq(assignmentProgress.id, e.progressId));
    const done = await completeIfDone(tx, { progressId: e.progressId, promptCount: version.content.reflections.length, now });
    return { ...snapshot(saved), completed: Boolean(done || row.progress.completedAt), certificateId: done?.certificateId ?? null };
  });
}

/** One reflection as it stands (the "load the newer text" of a conflict). */
export async function getReflection({
  learner,
  progressId,
  promptId,
  db = getDb(),
}: {
  learner: Learner;
  progressId: string;
  promptId: string;
  db?: DbOrTx;
}) {
  await loadOwnProgress(db, learner, progressId);
  const [r] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.progressId, progressId), eq(reflections.promptId, promptId)));
  return snapshot(r);
}

/** The three prompts with the learner's text and the latest instructor feedback of each; two queries. */
export async function getReflectionsPage({ learner, progressId, db = getDb() }: { learner: Learner; progressId: string; db?: DbOrTx }) {
  const row = await loadOwnProgress(db, learner, progressId);
  const version = await versionFor(db, row);
  const rows = await db.select().from(reflections).where(eq(reflections.progressId, progressId));
  const reviews = rows.length
    ? await db
        .select({
          reflectionId: reflectionReviews.reflectionId,
          decision: reflectionReviews.decision,
          feedback: reflectionReviews.feedback,
          createdAt: reflectionReviews.createdAt,
        })
        .from(reflectionReviews)
        .where(
          inArray(
            reflectionReviews.reflectionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(reflectionReviews.createdAt))
    : [];
  const byPrompt = new Map(rows.map((r) => [r.promptId, r]));
  return {
    progress: row,
    version,
    minWords: version.content.minWords,
    prompts: version.content.reflections.map((p) => {
      const r = byPrompt.get(p.id);
      return { prompt: p, reflection: snapshot(r), latestReview: r ? (reviews.find((v) => v.reflectionId === r.id) ?? null) : null };
    }),
  };
}
