import { syllable } from "syllable";
import type { ModuleContent } from "./content-schema";

/** Words for readability: runs of letters/digits, apostrophes kept inside words. */
function words(text: string): string[] {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").match(/[A-Za-z0-9]+(?:'[A-Za-z]+)*/g) ?? [];
}

/**
 * Number of sentences: runs of text ended by . ! or ? (or the end of the
 * text). Each paragraph / list item passed in separately by the callers
 * below also ends in one of these, so headings and key points count too.
 */
function sentenceCount(text: string): number {
  const parts = text
    .split(/[.!?]+(?=\s|$)|\n+/)
    .map((p) => p.trim())
    .filter((p) => words(p).length > 0);
  return Math.max(1, parts.length);
}

/**
 * Flesch–Kincaid grade level:
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * Returns 0 for text with no words.
 */
export function fleschKincaidGrade(text: string): number {
  const w = words(text);
  if (w.length === 0) return 0;
  const sentences = sentenceCount(text);
  const syllables = w.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return 0.39 * (w.length / sentences) + 11.8 * (syllables / w.length) - 15.59;
}

/** Learner-facing lesson text of one section, one block per line: paragraphs, key points, scenario, its debrief and the knowledge check. */
export function sectionText(section: ModuleContent["sections"][number]): string {
  return [
    ...section.paragraphs,
    ...section.keyPoints,
    section.scenario.text,
    section.scenario.question,
    ...(section.scenario.debrief ? [section.scenario.debrief] : []),
    ...(section.knowledgeCheck ?? []).flatMap((c) => [c.prompt, ...c.options.flatMap((o) => [o.text, o.feedback])]),
  ].join("\n");
}

/** All lesson text (section paragraphs, key points, scenarios), one block per line. */
export function moduleText(content: ModuleContent): string {
  return content.sections.map(sectionText).join("\n");
}

/**
 * All text the product shows from this module: title and summary, objectives,
 * definitions and decision aid, the lesson (with section and scenario titles,
 * debriefs and knowledge checks), every quiz item (scenario, prompt, options,
 * explanations), the reflection prompts, hints and rubric, the references,
 * and the idea and competency-area labels instructors see in quiz analytics.
 */
export function allContentText(content: ModuleContent): string {
  const blocks: string[] = [content.title, content.summary, ...(content.objectives ?? [])];
  for (const d of content.definitions ?? []) blocks.push(d.term, d.definition);
  if (content.decisionAid) {
    blocks.push(content.decisionAid.title, content.decisionAid.intro);
    for (const q of content.decisionAid.questions) blocks.push(q.question, q.why);
  }
  for (const idea of content.ideas) blocks.push(idea.label);
  for (const a of content.competencyAreas ?? []) blocks.push(a.label);
  for (const s of content.sections) {
    blocks.push(s.title, sectionText(s), s.scenario.title);
  }
  for (const q of content.quiz) {
    if (q.scenario) blocks.push(q.scenario);
    blocks.push(q.prompt);
    for (const o of q.options) blocks.push(o.text, o.explanation);
  }
  for (const r of content.reflections) blocks.push(r.prompt, r.hint);
  for (const c of content.reflectionRubric?.criteria ?? []) blocks.push(c.label, ...c.levels);
  for (const r of content.references ?? []) blocks.push(r.citation, r.usedFor);
  return blocks.join("\n");
}
