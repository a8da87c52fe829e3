/**
 * What an author needs to know about the boundaries module's content:
 * the idea-to-item map, the bank's kinds and option lengths, how often a
 * test-wise bot and a random guesser pass (10,000 drawn forms), the
 * Flesch–Kincaid grade per section and the time estimate.
 *
 *   npx tsx scripts/content-report.ts
 */
import { boundariesModule as m } from "../lib/learning/module/boundaries";
import {
  absoluteRates,
  estimateMinutes,
  ideaItemMap,
  keyIsLongest,
  lengthRatio,
  passRate,
  randomGuesser,
  testWiseBot,
} from "../lib/learning/module/bank-stats";
import { fleschKincaidGrade, sectionText } from "../lib/learning/module/readability";

console.log(`## Idea-to-item map\n\n${ideaItemMap(m)}`);

console.log("\n## Bank\n");
const kinds = new Map<string, number>();
for (const q of m.quiz) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
console.log(`items: ${m.quiz.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`);
for (const a of m.competencyAreas ?? []) {
  console.log(`area ${a.id}: ${m.quiz.filter((q) => q.area === a.id).length} items, ${a.itemsPerForm} per form`);
}
const longest = m.quiz.filter(keyIsLongest);
console.log(
  `key is the longest option: ${longest.length} of ${m.quiz.length} (${((100 * longest.length) / m.quiz.length).toFixed(1)} %): ${longest.map((q) => q.id).join(", ")}`,
);
const ratios = m.quiz.map(lengthRatio);
console.log(
  `longest/shortest option: max ${Math.max(...ratios).toFixed(2)}, mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(2)}`,
);
const tf = m.quiz.filter((q) => q.kind === "truefalse");
console.log(`true/false keys: ${tf.map((q) => `${q.id}=${q.options.find((o) => o.correct)!.id}`).join(", ")}`);
const abs = absoluteRates(m);
console.log(
  `absolutes (always/never/only/no risk): correct options ${abs.correct.with}/${abs.correct.of} (${(100 * abs.correct.rate).toFixed(1)} %), wrong options ${abs.wrong.with}/${abs.wrong.of} (${(100 * abs.wrong.rate).toFixed(1)} %)`,
);
for (const [name, s] of [
  ["test-wise bot", testWiseBot],
  ["random guesser", randomGuesser],
] as const) {
  const r = passRate(m, s, 10_000);
  console.log(`${name}: passes ${r.passed} of ${r.forms} forms (${(100 * r.rate).toFixed(2)} %)`);
}

console.log("\n## Reading level (Flesch–Kincaid grade)\n");
for (const s of m.sections) console.log(`${s.id}: ${fleschKincaidGrade(sectionText(s)).toFixed(2)}`);

const t = estimateMinutes(m);
console.log(
  `\n## Time\n\nreading ${t.reading.toFixed(1)} + knowledge checks ${t.checks.toFixed(1)} + quiz ${t.quiz.toFixed(1)} + reflections ${t.reflections.toFixed(1)} = ${t.total.toFixed(1)} min; estimatedMinutes ${m.estimatedMinutes}; contact hours ${m.contactHours}`,
);
