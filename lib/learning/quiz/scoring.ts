import type { ModuleContent, QuizItem } from "@/lib/learning/module/content-schema";
import type { DrawnItem } from "./draw";

/** What the learner sent: the chosen option ids of each drawn item. */
export type Answers = Record<string, string[]>;

export type ItemResponse = { itemId: string; ideaId: string; chosenOptionIds: string[]; correct: boolean };

export type Score = {
  responses: ItemResponse[];
  correctCount: number;
  total: number;
  /** whole percent, rounded */
  score: number;
  passed: boolean;
};

/** Drawn items the learner has not answered yet, in the order shown. */
export function unansweredItems(draw: DrawnItem[], answers: Answers): string[] {
  return draw.filter((d) => !(answers[d.itemId]?.length > 0)).map((d) => d.itemId);
}

/**
 * Answers that name an item not in the draw, an option not of its item, or
 * several options of a one-answer item. Such a request is refused as a whole.
 */
export function invalidAnswers(content: Pick<ModuleContent, "quiz">, draw: DrawnItem[], answers: Answers): string[] {
  const drawn = new Map(draw.map((d) => [d.itemId, new Set(d.optionIds)]));
  const kinds = new Map(content.quiz.map((q) => [q.id, q.kind]));
  const bad: string[] = [];
  for (const [itemId, chosen] of Object.entries(answers)) {
    const options = drawn.get(itemId);
    if (!options || !Array.isArray(chosen) || chosen.some((c) => !options.has(c))) bad.push(itemId);
    else if (kinds.get(itemId) !== "multiple" && chosen.length > 1) bad.push(itemId);
  }
  return bad;
}

/** Multiple select is all-or-nothing: exactly the correct options, no more, no fewer. */
export function isCorrect(item: QuizItem, chosen: readonly string[]): boolean {
  const want = new Set(item.options.filter((o) => o.correct).map((o) => o.id));
  const got = new Set(chosen);
  return got.size === want.size && [...want].every((id) => got.has(id));
}

/** Score an attempt against the content it was drawn from. Server only: needs the answer key. */
export function scoreAttempt(content: Pick<ModuleContent, "quiz">, draw: DrawnItem[], answers: Answers, passMark: number): Score {
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  const responses = draw.map(({ itemId }) => {
    const item = items.get(itemId);
    if (!item) throw new Error(`Drawn item ${itemId} is not in the module version.`);
    const chosenOptionIds = [...new Set(answers[itemId] ?? [])];
    return { itemId, ideaId: item.ideaId, chosenOptionIds, correct: isCorrect(item, chosenOptionIds) };
  });
  const correctCount = responses.filter((r) => r.correct).length;
  const total = draw.length;
  const score = total === 0 ? 0 : Math.round((100 * correctCount) / total);
  return { responses, correctCount, total, score, passed: score >= passMark };
}
