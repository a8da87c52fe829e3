import { randomInt } from "node:crypto";
import type { ModuleContent } from "@/lib/learning/module/content-schema";

/** One drawn item and the order its options are shown in; stored on the attempt. */
export type DrawnItem = { itemId: string; optionIds: string[] };

/** A uniform integer in [0, n). Injected in tests to make draws repeatable. */
export type RandomInt = (n: number) => number;

const cryptoInt: RandomInt = (n) => randomInt(n);

function shuffle<T>(list: readonly T[], rnd: RandomInt): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draw `drawCount` distinct items for one attempt. Every idea gets at least
 * one item while there is room (so no attempt skips a misconception), the
 * rest are drawn at random from what is left, and the whole set is shuffled.
 * Options are shuffled too, except true/false, which always reads True, False.
 */
export function drawQuiz(content: Pick<ModuleContent, "quiz" | "drawCount">, rnd: RandomInt = cryptoInt): DrawnItem[] {
  const byIdea = new Map<string, string[]>();
  for (const item of content.quiz) byIdea.set(item.ideaId, [...(byIdea.get(item.ideaId) ?? []), item.id]);

  const picked = new Set<string>();
  for (const ideaItems of shuffle([...byIdea.values()], rnd)) {
    if (picked.size >= content.drawCount) break;
    picked.add(ideaItems[rnd(ideaItems.length)]);
  }
  const rest = shuffle(
    content.quiz.filter((q) => !picked.has(q.id)).map((q) => q.id),
    rnd,
  );
  for (const id of rest) {
    if (picked.size >= content.drawCount) break;
    picked.add(id);
  }

  const items = new Map(content.quiz.map((q) => [q.id, q]));
  return shuffle([...picked], rnd).map((itemId) => {
    const item = items.get(itemId)!;
    const ids = item.options.map((o) => o.id);
    return {
      itemId,
      optionIds: item.kind === "truefalse" ? ["true", "false"] : shuffle(ids, rnd),
    };
  });
}
