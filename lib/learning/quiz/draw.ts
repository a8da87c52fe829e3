import { randomInt } from "node:crypto";
import type { ModuleContent, QuizItem, QuizKind } from "@/lib/learning/module/content-schema";

/** One drawn item and the order its options are shown in; stored on the attempt. */
export type DrawnItem = { itemId: string; optionIds: string[] };

/** A uniform integer in [0, n). Injected in tests to make draws repeatable. */
export type RandomInt = (n: number) => number;

export type DrawContent = Pick<ModuleContent, "quiz" | "drawCount" | "competencyAreas" | "formKinds">;

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
 * Draw one attempt's items and option order.
 *
 * Content with a blueprint (competency areas, version 2 on) gets a form of
 * fixed weight: exactly `itemsPerForm` items from each area and a number of
 * items of each kind within `formKinds` (e.g. exactly 2 multi-selects, at
 * most 1 true/false). Items the learner was shown in earlier attempts
 * (`drawnBefore`, one entry per showing) are drawn again only where the bank
 * leaves no other choice, least-shown first.
 *
 * Content without one (version 1) keeps the original draw: every idea gets
 * at least one item while there is room, the rest at random.
 *
 * The items are shown in random order; options too, except true/false,
 * which always reads True, False.
 */
export function drawQuiz(content: DrawContent, rnd: RandomInt = cryptoInt, drawnBefore: readonly string[] = []): DrawnItem[] {
  const picked = content.competencyAreas?.length ? blueprintItems(content, rnd, drawnBefore) : ideaCoverageItems(content, rnd);
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  return shuffle(picked, rnd).map((itemId) => {
    const item = items.get(itemId)!;
    const ids = item.options.map((o) => o.id);
    return {
      itemId,
      optionIds: item.kind === "truefalse" ? ["true", "false"] : shuffle(ids, rnd),
    };
  });
}

/** Version 1: one item per idea while there is room (ideas in random order), then random items. */
function ideaCoverageItems(content: DrawContent, rnd: RandomInt): string[] {
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
  return [...picked];
}

/** Nodes a retake's search may visit before it settles for the best form found (a first attempt needs about ten). */
const SEARCH_LIMIT = 20_000;

/**
 * A form that meets the blueprint and shows as few earlier-shown items as
 * the bank allows: a depth-first search over the areas (in random order),
 * each area's items ordered least-shown first (random among equals), taking
 * combinations in that order, pruned on the kind limits and on the best
 * form found so far. A first attempt's first form is always optimal.
 */
function blueprintItems(content: DrawContent, rnd: RandomInt, drawnBefore: readonly string[]): string[] {
  const shown = new Map<string, number>();
  for (const id of drawnBefore) shown.set(id, (shown.get(id) ?? 0) + 1);
  const cost = (q: QuizItem) => shown.get(q.id) ?? 0;

  const pools = shuffle(content.competencyAreas ?? [], rnd).map((area) => {
    // a stable sort keeps the shuffled order among items shown equally often
    const items = shuffle(
      content.quiz.filter((q) => q.area === area.id),
      rnd,
    ).sort((a, b) => cost(a) - cost(b));
    const floor = items.slice(0, area.itemsPerForm).reduce((s, q) => s + cost(q), 0);
    return { area: area.id, count: area.itemsPerForm, items, floor };
  });
  const limits = Object.entries(content.formKinds ?? {}) as [QuizKind, { min: number; max: number }][];
  // the most items of a kind pools i.. can still add
  const room = (kind: QuizKind, from: number) =>
    pools.slice(from).reduce((s, p) => s + Math.min(p.count, p.items.filter((q) => q.kind === kind).length), 0);
  const roomAfter = pools.map((_, i) => new Map(limits.map(([kind]) => [kind, room(kind, i + 1)])));
  const floorAfter = pools.map((_, i) => pools.slice(i + 1).reduce((s, p) => s + p.floor, 0));
  const bestPossible = pools.reduce((s, p) => s + p.floor, 0);

  let best: { cost: number; items: QuizItem[] } | null = null;
  let nodes = 0;
  const kinds = new Map<QuizKind, number>();
  const chosen: QuizItem[] = [];

  function visitPool(i: number, spent: number): boolean {
    if (i === pools.length) {
      if (!best || spent < best.cost) best = { cost: spent, items: [...chosen] };
      return best.cost === bestPossible;
    }
    return combine(i, 0, pools[i].count, spent);
  }

  /** Choose `left` more items of pool i from index `from` on; true when an optimal form is found. */
  function combine(i: number, from: number, left: number, spent: number): boolean {
    if (++nodes > SEARCH_LIMIT && best) return true;
    if (best && spent + floorAfter[i] >= best.cost) return false;
    if (left === 0) {
      for (const [kind, { min, max }] of limits) {
        const n = kinds.get(kind) ?? 0;
        if (n > max || n + roomAfter[i].get(kind)! < min) return false;
      }
      return visitPool(i + 1, spent);
    }
    const { items } = pools[i];
    for (let k = from; k <= items.length - left; k++) {
      const q = items[k];
      const limit = limits.find(([kind]) => kind === q.kind)?.[1];
      const n = kinds.get(q.kind) ?? 0;
      if (limit && n + 1 > limit.max) continue;
      kinds.set(q.kind, n + 1);
      chosen.push(q);
      const done = combine(i, k + 1, left - 1, spent + cost(q));
      chosen.pop();
      kinds.set(q.kind, n);
      if (done) return true;
    }
    return false;
  }

  visitPool(0, 0);
  if (!best) throw new Error("The item bank cannot fill a form of this blueprint (competency areas and kinds of items).");
  return (best as { items: QuizItem[] }).items.map((q) => q.id);
}
