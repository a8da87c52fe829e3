import type { ModuleContent, QuizKind } from "@/lib/learning/module/content-schema";
import type { DrawnItem } from "./draw";

/**
 * What the browser may see of an open attempt: prompts and option texts in
 * the drawn order. Built field by field (never by spreading an item) so the
 * answer key and explanations cannot ride along.
 */
export type PublicQuestion = {
  itemId: string;
  kind: QuizKind;
  prompt: string;
  scenario: string | null;
  options: { id: string; text: string }[];
};

export function publicQuestions(content: Pick<ModuleContent, "quiz">, draw: DrawnItem[]): PublicQuestion[] {
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  return draw.map(({ itemId, optionIds }) => {
    const item = items.get(itemId)!;
    const text = new Map(item.options.map((o) => [o.id, o.text]));
    return {
      itemId,
      kind: item.kind,
      prompt: item.prompt,
      scenario: item.scenario ?? null,
      options: optionIds.map((id) => ({ id, text: text.get(id)! })),
    };
  });
}
