import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { quizAttempts, quizResponses } from "@/db/schema";
import { loadOwnProgress, type Learner } from "@/lib/learning/own-progress";
import { notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { getModuleVersion } from "@/lib/learning/module/publish";
import type { QuizKind } from "@/lib/learning/module/content-schema";
import { attemptAllowance } from "./counted";
import { keyShown } from "./review-policy";

/** An option as a result page shows it with the key: which are right, and why each option is right or wrong. */
export type KeyedOption = { id: string; text: string; chosen: boolean; correct: boolean; explanation: string };

/**
 * An option without the key: whether the learner chose it and, only for a
 * chosen option that is wrong, why it is wrong. Nothing says which option is right.
 */
export type UnkeyedOption = { id: string; text: string; chosen: boolean; wrongBecause?: string };

type ItemBase = { itemId: string; kind: QuizKind; prompt: string; scenario: string | null; correct: boolean; ideaId: string };
export type KeyedItem = ItemBase & { options: KeyedOption[] };
export type UnkeyedItem = ItemBase & { options: UnkeyedOption[] };

/** An idea the learner missed (an item of it answered wrongly) and the lesson sections that teach it. */
export type MissedIdea = { ideaId: string; label: string; sections: { id: string; title: string }[] };

type Common = {
  progress: Awaited<ReturnType<typeof loadOwnProgress>>;
  attempt: typeof quizAttempts.$inferSelect;
  moduleTitle: string;
  missedIdeas: MissedIdea[];
};

/**
 * A submitted attempt reviewed: with the key (`keyShown: true`) every
 * option says whether it is right and why, or without it (`keyShown: false`)
 * only the chosen wrong options carry their explanation, and the key is not
 * in the returned object at all, so no page can send it to the browser.
 * Whether the key is shown is the assignment's "Show correct answers"
 * setting (see review-policy.ts). Only once submitted: an open attempt
 * answers not_found here.
 */
export type AttemptReview = Common & ({ keyShown: true; items: KeyedItem[] } | { keyShown: false; items: UnkeyedItem[] });

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
}): Promise<AttemptReview> {
  const row = await loadOwnProgress(db, learner, progressId);
  if (!isUuid(attemptId)) throw notFound();
  const [attempt] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.progressId, progressId), eq(quizAttempts.userId, learner.id)));
  if (!attempt || attempt.status !== "submitted") throw notFound();
  const [version, responses, attempts] = await Promise.all([
    getModuleVersion(attempt.moduleVersionId, db),
    db.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId)),
    db
      .select({ status: quizAttempts.status, resetAt: quizAttempts.resetAt })
      .from(quizAttempts)
      .where(eq(quizAttempts.progressId, progressId)),
  ]);
  const content = version!.content;
  const withKey = keyShown(row.showCorrectAnswers, {
    quizPassed: row.progress.quizPassedAt !== null,
    attemptsLeft: attemptAllowance(row.maxAttempts, attempts).left,
  });
  const chosenBy = new Map(responses.map((r) => [r.itemId, r]));
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  const keyed: KeyedItem[] = attempt.draw.map(({ itemId, optionIds }) => {
    const item = items.get(itemId)!;
    const response = chosenBy.get(itemId);
    const chosen = new Set(response?.chosenOptionIds ?? []);
    const byId = new Map(item.options.map((o) => [o.id, o]));
    return {
      itemId,
      kind: item.kind,
      prompt: item.prompt,
      scenario: item.scenario ?? null,
      ideaId: item.ideaId,
      correct: response?.correct ?? false,
      options: optionIds.map((id) => {
        const o = byId.get(id)!;
        return { id, text: o.text, correct: o.correct, chosen: chosen.has(id), explanation: o.explanation };
      }),
    };
  });

  const missedIdeaIds = [...new Set(keyed.filter((i) => !i.correct).map((i) => i.ideaId))];
  const missedIdeas: MissedIdea[] = missedIdeaIds.map((ideaId) => ({
    ideaId,
    label: content.ideas.find((i) => i.id === ideaId)?.label ?? ideaId,
    sections: content.sections.filter((s) => s.ideaIds.includes(ideaId)).map((s) => ({ id: s.id, title: s.title })),
  }));
  const common = { progress: row, attempt, moduleTitle: version!.title, missedIdeas };
  if (withKey) return { ...common, keyShown: true, items: keyed };
  return { ...common, keyShown: false, items: keyed.map(withoutKey) };
}

/** An item as a learner may see it before the key is shown: built field by field, so nothing of the key slips through. */
function withoutKey(item: KeyedItem): UnkeyedItem {
  return {
    itemId: item.itemId,
    kind: item.kind,
    prompt: item.prompt,
    scenario: item.scenario,
    ideaId: item.ideaId,
    correct: item.correct,
    options: item.options.map((o) =>
      o.chosen && !o.correct
        ? { id: o.id, text: o.text, chosen: true, wrongBecause: o.explanation }
        : { id: o.id, text: o.text, chosen: o.chosen },
    ),
  };
}
