import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { quizAttempts, quizResponses } from "@/db/schema";
import { loadOwnProgress, type Learner } from "@/lib/learning/own-progress";
import { notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { getModuleVersion } from "@/lib/learning/module/publish";
import type { QuizKind } from "@/lib/learning/module/content-schema";

export type ReviewedItem = {
  itemId: string;
  kind: QuizKind;
  prompt: string;
  scenario: string | null;
  correct: boolean;
  options: { id: string; text: string; correct: boolean; chosen: boolean; explanation: string }[];
};

/**
 * A submitted attempt with every item's options, which were chosen, which
 * are right, and why — against the module version the attempt was made on.
 * Only once submitted: an open attempt answers not_found here.
 */
export async function getAttemptReview({
  learner,
  progressId,
  attemptId,
  db = getDb(),
}: {
  learner: Learner;
  progressId: string;
  attemptId: string;
  db?: DbOrTx;
}) {
  const row = await loadOwnProgress(db, learner, progressId);
  if (!isUuid(attemptId)) throw notFound();
  const [attempt] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.progressId, progressId), eq(quizAttempts.userId, learner.id)));
  if (!attempt || attempt.status !== "submitted") throw notFound();
  const [version, responses] = await Promise.all([
    getModuleVersion(attempt.moduleVersionId, db),
    db.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId)),
  ]);
  const chosenBy = new Map(responses.map((r) => [r.itemId, r]));
  const items = new Map(version!.content.quiz.map((q) => [q.id, q]));
  const reviewed: ReviewedItem[] = attempt.draw.map(({ itemId, optionIds }) => {
    const item = items.get(itemId)!;
    const response = chosenBy.get(itemId);
    const chosen = new Set(response?.chosenOptionIds ?? []);
    const byId = new Map(item.options.map((o) => [o.id, o]));
    return {
      itemId,
      kind: item.kind,
      prompt: item.prompt,
      scenario: item.scenario ?? null,
      correct: response?.correct ?? false,
      options: optionIds.map((id) => {
        const o = byId.get(id)!;
        return { id, text: o.text, correct: o.correct, chosen: chosen.has(id), explanation: o.explanation };
      }),
    };
  });
  return { progress: row, attempt, moduleTitle: version!.title, items: reviewed };
}
