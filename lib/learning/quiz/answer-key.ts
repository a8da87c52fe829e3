import type { ModuleContent } from "@/lib/learning/module/content-schema";
import type { DrawnItem } from "./draw";
import type { Answers } from "./scoring";

/**
 * Answers to a drawn attempt with exactly `correct` items right (the first
 * ones drawn) and the rest wrong. For the demo seed and tests, which need
 * learners with known scores; never used to answer a request.
 */
export function answersWithCorrect(content: Pick<ModuleContent, "quiz">, draw: DrawnItem[], correct: number): Answers {
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  return Object.fromEntries(
    draw.map(({ itemId }, i) => {
      const options = items.get(itemId)!.options;
      const right = options.filter((o) => o.correct).map((o) => o.id);
      const wrong = options.find((o) => !o.correct)!.id;
      return [itemId, i < correct ? right : [wrong]];
    }),
  );
}
