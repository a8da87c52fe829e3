/**
 * Measures of a module's item bank and time load, for the content tests
 * (lib/learning/module/boundaries.test.ts) and for authors
 * (`npx tsx scripts/content-report.ts`). Pure functions over the content;
 * the pass-rate simulation uses the real draw and scoring code.
 */
import { drawQuiz, type DrawnItem, type RandomInt } from "@/lib/learning/quiz/draw";
import { scoreAttempt, type Answers } from "@/lib/learning/quiz/scoring";
import type { ModuleContent, QuizItem } from "./content-schema";

/** A repeatable pseudo-random source (mulberry32). */
export function seeded(seed: number): RandomInt {
  let a = seed;
  return (n) => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const length = (text: string) => text.trim().length;

/** The longest option (by characters) is a correct one; a tie counts when any of the tied options is correct. */
export function keyIsLongest(item: QuizItem): boolean {
  const longest = Math.max(...item.options.map((o) => length(o.text)));
  return item.options.some((o) => o.correct && length(o.text) === longest);
}

/** Longest option over shortest option, in characters. */
export function lengthRatio(item: QuizItem): number {
  const lengths = item.options.map((o) => length(o.text));
  return Math.max(...lengths) / Math.min(...lengths);
}

/** Words that test-wise learners read as a sign of a wrong (or, once noticed, a right) option. */
export const ABSOLUTES = /\b(always|never|only|no risk)\b/i;

/**
 * Share of correct and of wrong options that use an absolute, over the items
 * with written options (true/false options are just "True" and "False").
 */
export function absoluteRates(content: Pick<ModuleContent, "quiz">) {
  const options = content.quiz.filter((q) => q.kind !== "truefalse").flatMap((q) => q.options);
  const rate = (list: typeof options) => ({ with: list.filter((o) => ABSOLUTES.test(o.text)).length, of: list.length });
  const correct = rate(options.filter((o) => o.correct));
  const wrong = rate(options.filter((o) => !o.correct));
  return { correct: { ...correct, rate: correct.with / correct.of }, wrong: { ...wrong, rate: wrong.with / wrong.of } };
}

/** How a simulated learner answers one drawn item, given the options in the order shown. */
export type Strategy = (item: QuizItem, shown: DrawnItem, rnd: RandomInt) => string[];

/** Test-wise: the longest option (first shown on a tie), "False" for true/false, every option of a multi-select. */
export const testWiseBot: Strategy = (item, shown) => {
  if (item.kind === "truefalse") return ["false"];
  if (item.kind === "multiple") return [...shown.optionIds];
  const text = new Map(item.options.map((o) => [o.id, length(o.text)]));
  return [shown.optionIds.reduce((best, id) => (text.get(id)! > text.get(best)! ? id : best))];
};

/** Random: one option at random; for a multi-select, each option with even odds (at least one). */
export const randomGuesser: Strategy = (item, shown, rnd) => {
  if (item.kind !== "multiple") return [shown.optionIds[rnd(shown.optionIds.length)]];
  for (;;) {
    const picked = shown.optionIds.filter(() => rnd(2) === 1);
    if (picked.length > 0) return picked;
  }
};

/** Share of `forms` attempts (drawn with the real draw, scored with the real scoring at the module's pass mark) that pass. */
export function passRate(content: ModuleContent, strategy: Strategy, forms = 10_000, seed = 1) {
  const rnd = seeded(seed);
  const items = new Map(content.quiz.map((q) => [q.id, q]));
  let passed = 0;
  for (let f = 0; f < forms; f++) {
    const draw = drawQuiz(content, rnd);
    const answers: Answers = Object.fromEntries(draw.map((d) => [d.itemId, strategy(items.get(d.itemId)!, d, rnd)]));
    if (scoreAttempt(content, draw, answers, content.passMark).passed) passed++;
  }
  return { passed, forms, rate: passed / forms };
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
const words = (...texts: (string | undefined)[]) => texts.reduce((n, t) => n + (t ? wordCount(t) : 0), 0);

/** Assumptions behind estimateMinutes, in one place so the test and the report say the same. */
export const TIME = {
  /** adult reading speed for plain instructional text */
  readingWordsPerMinute: 200,
  /** choosing an answer, once the question is read */
  minutesPerQuestion: 0.5,
  /** composing a reflection (typing while thinking) */
  writingWordsPerMinute: 20,
  /** planning and rereading one reflection */
  minutesPerReflection: 2,
} as const;

/** Words a learner reads in the lesson: objectives, definitions, decision aid, and every section with its scenario, debrief and knowledge check (with the feedback on the right option). */
export function lessonWords(content: ModuleContent): number {
  let n = words(...(content.objectives ?? []));
  for (const d of content.definitions ?? []) n += words(d.term, d.definition);
  if (content.decisionAid)
    n += words(content.decisionAid.title, content.decisionAid.intro, ...content.decisionAid.questions.flatMap((q) => [q.question, q.why]));
  for (const s of content.sections) {
    n += words(s.title, ...s.paragraphs, ...s.keyPoints, s.scenario.title, s.scenario.text, s.scenario.question, s.scenario.debrief);
    for (const c of s.knowledgeCheck ?? [])
      n += words(c.prompt, ...c.options.map((o) => o.text), c.options.find((o) => o.correct)?.feedback);
  }
  return n;
}

/** Minutes the module takes, by part: reading the lesson, its knowledge checks, one quiz attempt, the reflections. */
export function estimateMinutes(content: ModuleContent) {
  const reading = lessonWords(content) / TIME.readingWordsPerMinute;
  const checks = content.sections.reduce((n, s) => n + (s.knowledgeCheck?.length ?? 0), 0) * TIME.minutesPerQuestion;
  const itemWords =
    content.quiz.reduce((n, q) => n + words(q.scenario, q.prompt, ...q.options.map((o) => o.text)), 0) / content.quiz.length;
  const quiz = content.drawCount * (itemWords / TIME.readingWordsPerMinute + TIME.minutesPerQuestion);
  const reflections = content.reflections.reduce(
    (n, r) =>
      n + words(r.prompt, r.hint) / TIME.readingWordsPerMinute + content.minWords / TIME.writingWordsPerMinute + TIME.minutesPerReflection,
    0,
  );
  return { reading, checks, quiz, reflections, total: reading + checks + quiz + reflections };
}

/** The idea-to-item map as a Markdown table (kept in content/README.md; a test checks the copy is current). */
export function ideaItemMap(content: ModuleContent): string {
  const kind = (k: string) => (k === "truefalse" ? "true/false" : k);
  const rows = content.ideas.map((idea) => {
    const sections = content.sections.filter((s) => s.ideaIds.includes(idea.id)).map((s) => s.id);
    const prompts = content.reflections.filter((r) => r.ideaIds?.includes(idea.id)).map((r) => r.id);
    const items = content.quiz.filter((q) => q.ideaId === idea.id).map((q) => `${q.id} (${kind(q.kind)}, ${q.area ?? "–"})`);
    const name = idea.kind === "misconception" ? `${idea.id} (misconception)` : idea.id;
    return `| ${name} | ${sections.join(", ")} | ${prompts.join(", ") || "–"} | ${items.join("; ")} |`;
  });
  return ["| idea | section | reflection prompt | quiz items (kind, area) |", "|---|---|---|---|", ...rows].join("\n");
}
