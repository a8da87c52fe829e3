/**
 * Quiz draws and answers made from the module's real content: item ids,
 * option ids and idea ids all exist, and "correct" is computed from the
 * content, never assumed. Used by the scale seed and by the benchmark.
 */
import type { ModuleContent, QuizItem } from "@/lib/learning/module/content-schema";
import type { Rng } from "./random";

export type DrawnItem = { itemId: string; optionIds: string[] };
export type Response = { itemId: string; ideaId: string; chosenOptionIds: string[]; correct: boolean };

export function correctOptionIds(item: QuizItem): string[] {
  return item.options.filter((o) => o.correct).map((o) => o.id);
}

/** Right only when exactly the correct options were chosen. */
export function isCorrectChoice(item: QuizItem, chosen: readonly string[]): boolean {
  const right = new Set(correctOptionIds(item));
  const picked = new Set(chosen);
  return picked.size === right.size && [...picked].every((id) => right.has(id));
}

/** drawCount items of the bank, each with its options shuffled. */
export function drawItems(content: ModuleContent, rng: Rng): DrawnItem[] {
  return rng
    .sample(content.quiz, content.drawCount)
    .map((item) => ({ itemId: item.id, optionIds: rng.shuffle(item.options.map((o) => o.id)) }));
}

// The first wrong option of an item is the "popular" mistake, so item analysis
// has a clear most-chosen wrong answer, as real cohorts do.
function wrongChoice(item: QuizItem, rng: Rng): string[] {
  const right = correctOptionIds(item);
  const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
  const popular = () => wrong[rng.weighted(wrong.map((_, i) => (i === 0 ? 5 : 2 / (i + 1))))];
  if (item.kind !== "multiple") return [popular()];
  const shape = rng.next();
  if (shape < 0.5) return rng.sample(right, right.length - 1); // missed one
  if (shape < 0.85) return [...right, popular()]; // one too many
  return [popular()];
}

/**
 * Answers to a draw with exactly `correctCount` items right. Misconception
 * items are the likelier ones to be missed.
 */
const lookups = new WeakMap<ModuleContent, { item: Map<string, QuizItem>; misconception: Set<string> }>();
function lookupsOf(content: ModuleContent) {
  let l = lookups.get(content);
  if (!l) {
    l = {
      item: new Map(content.quiz.map((q) => [q.id, q])),
      misconception: new Set(content.ideas.filter((i) => i.kind === "misconception").map((i) => i.id)),
    };
    lookups.set(content, l);
  }
  return l;
}

export function answerDraw(content: ModuleContent, draw: DrawnItem[], rng: Rng, correctCount: number): Response[] {
  const { item: byId, misconception } = lookupsOf(content);
  const items = draw.map((d) => byId.get(d.itemId)!);
  const missed = new Set<string>();
  const pool = items.slice();
  while (missed.size < items.length - correctCount) {
    const i = rng.weighted(pool.map((it) => (misconception.has(it.ideaId) ? 2.5 : 1)));
    missed.add(pool[i].id);
    pool.splice(i, 1);
  }
  return items.map((item) => {
    const chosen = missed.has(item.id) ? wrongChoice(item, rng) : correctOptionIds(item);
    return { itemId: item.id, ideaId: item.ideaId, chosenOptionIds: chosen, correct: isCorrectChoice(item, chosen) };
  });
}

/** Score as a whole percentage of drawn items answered right. */
export function scoreOf(responses: Response[]): number {
  return Math.round((100 * responses.filter((r) => r.correct).length) / responses.length);
}

/** The fewest right answers out of `drawCount` that reach the pass mark. */
export function passingCount(drawCount: number, passMark: number): number {
  for (let n = 0; n <= drawCount; n++) if (Math.round((100 * n) / drawCount) >= passMark) return n;
  return drawCount;
}
