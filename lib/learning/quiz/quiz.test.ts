import { describe, expect, it } from "vitest";
import { boundariesV1 as m } from "@/db/test/v1-content";
import { boundariesModule as v2 } from "@/lib/learning/module/boundaries";
import type { ModuleContent } from "@/lib/learning/module/content-schema";
import { answersWithCorrect } from "./answer-key";
import { drawQuiz, type RandomInt } from "./draw";
import { publicQuestions } from "./public";
import { invalidAnswers, isCorrect, scoreAttempt, unansweredItems } from "./scoring";

/** A repeatable pseudo-random source (mulberry32). */
function seeded(seed: number): RandomInt {
  let a = seed;
  return (n) => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const item = (id: string) => m.quiz.find((q) => q.id === id)!;

// Version 1 (no blueprint) keeps its original draw; version 2's blueprint draw is tested below.
describe("drawQuiz (version 1)", () => {
  it("draws drawCount distinct items of the bank, each with all of its options once", () => {
    for (let s = 1; s <= 200; s++) {
      const draw = drawQuiz(m, seeded(s));
      expect(draw).toHaveLength(10);
      expect(new Set(draw.map((d) => d.itemId)).size).toBe(10);
      for (const d of draw) {
        expect([...d.optionIds].sort()).toEqual(
          item(d.itemId)
            .options.map((o) => o.id)
            .sort(),
        );
      }
    }
  });

  it("covers every idea in every attempt (8 ideas, 10 items)", () => {
    for (let s = 1; s <= 200; s++) {
      const ideas = new Set(drawQuiz(m, seeded(s)).map((d) => item(d.itemId).ideaId));
      expect(ideas.size).toBe(m.ideas.length);
    }
  });

  it("shuffles options (but keeps True before False) and varies the items drawn", () => {
    const orders = new Map<string, Set<string>>();
    const drawnItems = new Set<string>();
    for (let s = 1; s <= 300; s++) {
      for (const d of drawQuiz(m, seeded(s))) {
        drawnItems.add(d.itemId);
        if (!orders.has(d.itemId)) orders.set(d.itemId, new Set());
        orders.get(d.itemId)!.add(d.optionIds.join(","));
      }
    }
    expect(drawnItems.size).toBe(m.quiz.length);
    for (const [id, seen] of orders) {
      if (item(id).kind === "truefalse") expect([...seen]).toEqual(["true,false"]);
      else expect(seen.size, id).toBeGreaterThan(3);
    }
  });

  it("uses the crypto source by default and stops at the bank size", () => {
    const small: Pick<ModuleContent, "quiz" | "drawCount"> = { quiz: m.quiz.slice(0, 4), drawCount: 4 };
    expect(new Set(drawQuiz(small).map((d) => d.itemId))).toEqual(new Set(m.quiz.slice(0, 4).map((q) => q.id)));
  });
});

const v2item = (id: string) => v2.quiz.find((q) => q.id === id)!;
const areaOf = (id: string) => v2item(id).area!;
const countBy = <T>(list: T[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<T, number>());

describe("drawQuiz (version 2 blueprint)", () => {
  it("gives every form the same weight: items per competency area, exactly 2 multi-selects, at most 1 true/false", () => {
    const perArea = new Map(v2.competencyAreas!.map((a) => [a.id, a.itemsPerForm]));
    for (let s = 1; s <= 500; s++) {
      const draw = drawQuiz(v2, seeded(s));
      expect(draw).toHaveLength(v2.drawCount);
      expect(new Set(draw.map((d) => d.itemId)).size).toBe(v2.drawCount);
      expect(countBy(draw.map((d) => areaOf(d.itemId)))).toEqual(perArea);
      const kinds = countBy(draw.map((d) => v2item(d.itemId).kind));
      expect(kinds.get("multiple")).toBe(2);
      expect(kinds.get("truefalse") ?? 0).toBeLessThanOrEqual(1);
      for (const d of draw) {
        expect([...d.optionIds].sort()).toEqual(
          v2item(d.itemId)
            .options.map((o) => o.id)
            .sort(),
        );
        if (v2item(d.itemId).kind === "truefalse") expect(d.optionIds).toEqual(["true", "false"]);
      }
    }
  });

  it("draws every item of the bank over many forms, and is repeatable under a seed", () => {
    const seen = new Set<string>();
    for (let s = 1; s <= 300; s++) for (const d of drawQuiz(v2, seeded(s))) seen.add(d.itemId);
    expect(seen.size).toBe(v2.quiz.length);
    expect(drawQuiz(v2, seeded(42))).toEqual(drawQuiz(v2, seeded(42)));
  });

  it("a retake draws items not shown before while the bank allows, then the least shown", () => {
    for (let s = 1; s <= 50; s++) {
      const rnd = seeded(s);
      const shown: string[] = [];
      // the bank holds three disjoint forms (e.g. roles: 10 items, 3 per form)
      for (let attempt = 1; attempt <= 3; attempt++) {
        const ids = drawQuiz(v2, rnd, shown).map((d) => d.itemId);
        expect(
          ids.filter((id) => shown.includes(id)),
          `seed ${s}, attempt ${attempt}`,
        ).toEqual([]);
        shown.push(...ids);
      }
      // a fourth form must repeat items: it takes the unseen items its areas have room for, less those the
      // kind limits keep out (a form has at most 1 true/false and exactly 2 multi-selects)
      const fourth = drawQuiz(v2, rnd, shown).map((d) => d.itemId);
      const room = v2.competencyAreas!.reduce(
        (n, a) => n + Math.min(a.itemsPerForm, v2.quiz.filter((q) => q.area === a.id && !shown.includes(q.id)).length),
        0,
      );
      const unseenOf = (kind: string) => v2.quiz.filter((q) => q.kind === kind && !shown.includes(q.id)).length;
      const kept = Math.max(0, unseenOf("truefalse") - 1) + Math.max(0, unseenOf("multiple") - 2);
      expect(fourth.filter((id) => !shown.includes(id)).length).toBeGreaterThanOrEqual(room - kept);
      const again = drawQuiz(v2, rnd, [...shown, ...fourth]).map((d) => d.itemId);
      const times = countBy([...shown, ...fourth]);
      expect(Math.max(...again.map((id) => times.get(id) ?? 0))).toBeLessThanOrEqual(2);
    }
  });

  it("refuses a blueprint the bank cannot fill", () => {
    const tooFew: ModuleContent = { ...v2, formKinds: { multiple: { min: 7, max: 7 } } };
    expect(() => drawQuiz(tooFew, seeded(1))).toThrow(/cannot fill a form/);
  });
});

describe("scoring", () => {
  const draw = drawQuiz(m, seeded(7));

  it("scores percent correct and passes at the pass mark", () => {
    for (const k of [0, 5, 7, 8, 10]) {
      const s = scoreAttempt(m, draw, answersWithCorrect(m, draw, k), 80);
      expect(s.correctCount).toBe(k);
      expect(s.score).toBe(k * 10);
      expect(s.passed).toBe(k >= 8);
      expect(s.responses).toHaveLength(10);
    }
    expect(scoreAttempt(m, draw, answersWithCorrect(m, draw, 9), 95).passed).toBe(false);
  });

  it("multiple select is all or nothing", () => {
    const multi = item("warm-and-professional");
    expect(isCorrect(multi, ["reflect-feelings", "goals-with-care"])).toBe(true);
    expect(isCorrect(multi, ["goals-with-care", "reflect-feelings"])).toBe(true);
    expect(isCorrect(multi, ["reflect-feelings"])).toBe(false);
    expect(isCorrect(multi, ["reflect-feelings", "goals-with-care", "blank-face"])).toBe(false);
    expect(isCorrect(multi, [])).toBe(false);
    expect(isCorrect(item("why-trust-matters"), ["open-up"])).toBe(true);
    expect(isCorrect(item("rapport-means-no-limits"), ["true"])).toBe(false);
  });

  it("records each response with its idea and the options chosen, duplicates removed", () => {
    const first = draw[0].itemId;
    const answers = answersWithCorrect(m, draw, 10);
    answers[first] = [...answers[first], ...answers[first]];
    const s = scoreAttempt(m, draw, answers, 80);
    expect(s.responses[0]).toMatchObject({ itemId: first, ideaId: item(first).ideaId, correct: true });
    expect(new Set(s.responses[0].chosenOptionIds).size).toBe(s.responses[0].chosenOptionIds.length);
  });

  it("finds unanswered items in drawn order", () => {
    const answers = answersWithCorrect(m, draw, 10);
    delete answers[draw[2].itemId];
    answers[draw[5].itemId] = [];
    expect(unansweredItems(draw, answers)).toEqual([draw[2].itemId, draw[5].itemId]);
  });

  it("refuses answers to undrawn items, unknown options, and two answers to a one-answer item", () => {
    const notDrawn = m.quiz.find((q) => !draw.some((d) => d.itemId === q.id))!;
    const single = draw.find((d) => item(d.itemId).kind !== "multiple")!;
    const answers = {
      [notDrawn.id]: [notDrawn.options[0].id],
      [draw[0].itemId]: ["no-such-option"],
      [single.itemId]: single.optionIds.slice(0, 2),
    };
    expect(new Set(invalidAnswers(m, draw, answers))).toEqual(new Set([notDrawn.id, draw[0].itemId, single.itemId]));
    expect(invalidAnswers(m, draw, answersWithCorrect(m, draw, 3))).toEqual([]);
  });
});

describe("publicQuestions", () => {
  it("carries prompts and option texts in drawn order, and nothing of the answer key", () => {
    const draw = drawQuiz(m, seeded(3));
    const qs = publicQuestions(m, draw);
    expect(qs.map((q) => q.itemId)).toEqual(draw.map((d) => d.itemId));
    expect(qs[0].options.map((o) => o.id)).toEqual(draw[0].optionIds);
    const text = JSON.stringify(qs);
    expect(text).not.toMatch(/"correct"|"explanation"|"ideaId"/);
    for (const q of m.quiz) for (const o of q.options) expect(text).not.toContain(o.explanation);
    for (const q of qs) expect(Object.keys(q).sort()).toEqual(["itemId", "kind", "options", "prompt", "scenario"]);
  });
});
