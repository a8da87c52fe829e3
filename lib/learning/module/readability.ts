import { syllable } from "syllable";
import type { ModuleContent } from "./content-schema";

/** Words for readability: runs of letters/digits, apostrophes kept inside words. */
function words(text: string): string[] {
  return (
    text
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .match(/[A-Za-z0-9]+(?:'[A-Za-z]+)*/g) ?? []
  );
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

/** Learner-facing lesson text of one section, one block per line. */
export function sectionText(section: ModuleContent["sections"][number]): string {
  return [
    ...section.paragraphs,
    ...section.keyPoints,
    section.scenario.text,
    section.scenario.question,
  ].join("\n");
}

/** All lesson text (section paragraphs, key points, scenarios), one block per line. */
export function moduleText(content: ModuleContent): string {
  return content.sections.map(sectionText).join("\n");
}

/**
 * All text the product shows from this module: title and summary, the lesson
 * (with section and scenario titles), every quiz item (scenario, prompt,
 * options, explanations), the reflection prompts and hints, and the idea
 * labels instructors see in quiz analytics.
 */
export function allContentText(content: ModuleContent): string {
  const blocks: string[] = [content.title, content.summary];
  for (const idea of content.ideas) blocks.push(idea.label);
  for (const s of content.sections) {
    blocks.push(s.title, sectionText(s), s.scenario.title);
  }
  for (const q of content.quiz) {
    if (q.scenario) blocks.push(q.scenario);
    blocks.push(q.prompt);
    for (const o of q.options) blocks.push(o.text, o.explanation);
  }
  for (const r of content.reflections) blocks.push(r.prompt, r.hint);
  return blocks.join("\n");
}
