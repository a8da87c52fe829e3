import { z } from "zod";

/**
 * Schema for a training module's content (lesson, quiz bank, reflections).
 *
 * The content is plain data. `moduleContentSchema.parse()` checks both the
 * shape and the cross-references (ids are unique, every item is tagged with
 * a known idea, every idea is taught and tested, each item has a valid set of
 * correct answers).
 */

const slug = z
  .string()
  .regex(/^[a-z0-9-]+$/, "must be a lowercase slug (a-z, 0-9 and '-')");

const nonEmpty = z.string().trim().min(1);

export const ideaSchema = z.object({
  id: slug,
  label: nonEmpty,
  kind: z.enum(["idea", "misconception"]),
});

export const scenarioSchema = z.object({
  title: nonEmpty,
  text: nonEmpty,
  question: nonEmpty,
});

export const sectionSchema = z.object({
  id: slug,
  title: nonEmpty,
  paragraphs: z.array(nonEmpty).min(2),
  keyPoints: z.array(nonEmpty).min(1),
  ideaIds: z.array(slug).min(1),
  scenario: scenarioSchema,
});

export const optionSchema = z.object({
  id: slug,
  text: nonEmpty,
  correct: z.boolean(),
  explanation: z.string().trim().min(20),
});

export const quizKinds = ["single", "multiple", "truefalse", "scenario"] as const;

export const quizItemSchema = z.object({
  id: slug,
  kind: z.enum(quizKinds),
  prompt: nonEmpty,
  /** Required when kind === "scenario" (checked in moduleContentSchema). */
  scenario: nonEmpty.optional(),
  ideaId: slug,
  options: z.array(optionSchema).min(2),
});

export const reflectionPromptSchema = z.object({
  id: slug,
  prompt: nonEmpty,
  hint: nonEmpty,
});

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

/** The module's fields without the cross-reference checks (used to check each content file on its own). */
export const moduleFieldsSchema = z.object({
  slug: slug,
  title: nonEmpty,
  summary: nonEmpty,
  estimatedMinutes: z.number().int().positive(),
  contactHours: z.number().positive(),
  hoursCategory: nonEmpty,
  passMark: z.number().int().min(1).max(100),
  minWords: z.number().int().positive(),
  drawCount: z.number().int().positive(),
  ideas: z.array(ideaSchema).min(1),
  sections: z.array(sectionSchema).min(5).max(7),
  quiz: z.array(quizItemSchema).min(12),
  reflections: z.array(reflectionPromptSchema).length(3),
});

export const moduleContentSchema = moduleFieldsSchema.superRefine((m, ctx) => {
  const issue = (message: string, path: (string | number)[]) =>
    ctx.addIssue({ code: "custom", message, path });

  // --- unique ids -------------------------------------------------------
  for (const id of duplicates(m.ideas.map((i) => i.id))) {
    issue(`Duplicate idea id "${id}"`, ["ideas"]);
  }
  for (const id of duplicates(m.sections.map((s) => s.id))) {
    issue(`Duplicate section id "${id}"`, ["sections"]);
  }
  for (const id of duplicates(m.quiz.map((q) => q.id))) {
    issue(`Duplicate quiz item id "${id}"`, ["quiz"]);
  }
  for (const id of duplicates(m.reflections.map((r) => r.id))) {
    issue(`Duplicate reflection prompt id "${id}"`, ["reflections"]);
  }

  // --- references to ideas ----------------------------------------------
  const ideaIds = new Set(m.ideas.map((i) => i.id));
  const taught = new Set<string>();
  const tested = new Set<string>();

  m.sections.forEach((s, si) => {
    s.ideaIds.forEach((ideaId, ii) => {
      if (!ideaIds.has(ideaId)) {
        issue(`Section "${s.id}" references unknown idea "${ideaId}"`, [
          "sections",
          si,
          "ideaIds",
          ii,
        ]);
      }
      taught.add(ideaId);
    });
  });

  // --- quiz items -------------------------------------------------------
  m.quiz.forEach((q, qi) => {
    const path = ["quiz", qi];
    if (!ideaIds.has(q.ideaId)) {
      issue(`Quiz item "${q.id}" references unknown idea "${q.ideaId}"`, [
        ...path,
        "ideaId",
      ]);
    }
    tested.add(q.ideaId);

    for (const id of duplicates(q.options.map((o) => o.id))) {
      issue(`Quiz item "${q.id}" has duplicate option id "${id}"`, [
        ...path,
        "options",
      ]);
    }

    const correct = q.options.filter((o) => o.correct).length;
    const wrong = q.options.length - correct;

    if (q.kind === "single" || q.kind === "scenario" || q.kind === "truefalse") {
      if (correct !== 1) {
        issue(
          `Quiz item "${q.id}" (${q.kind}) must have exactly one correct option, found ${correct}`,
          [...path, "options"],
        );
      }
    }

    if (q.kind === "truefalse") {
      const ids = q.options.map((o) => o.id).sort();
      if (q.options.length !== 2 || ids[0] !== "false" || ids[1] !== "true") {
        issue(
          `Quiz item "${q.id}" (truefalse) must have exactly 2 options with ids "true" and "false"`,
          [...path, "options"],
        );
      }
    }

    if (q.kind === "multiple") {
      if (correct < 2) {
        issue(
          `Quiz item "${q.id}" (multiple) must have at least 2 correct options, found ${correct}`,
          [...path, "options"],
        );
      }
      if (wrong < 1) {
        issue(`Quiz item "${q.id}" (multiple) must have at least 1 wrong option`, [
          ...path,
          "options",
        ]);
      }
    }

    if (q.kind === "scenario" && !q.scenario) {
      issue(`Quiz item "${q.id}" (scenario) must have scenario text`, [...path, "scenario"]);
    }
  });

  // --- coverage ---------------------------------------------------------
  for (const idea of m.ideas) {
    if (!taught.has(idea.id)) {
      issue(`Idea "${idea.id}" is not covered by any section`, ["ideas"]);
    }
    if (!tested.has(idea.id)) {
      issue(`Idea "${idea.id}" is not covered by any quiz item`, ["ideas"]);
    }
  }

  const kinds = new Set(m.quiz.map((q) => q.kind));
  for (const kind of quizKinds) {
    if (!kinds.has(kind)) {
      issue(`Quiz bank has no item of kind "${kind}"`, ["quiz"]);
    }
  }

  if (m.drawCount > m.quiz.length) {
    issue(
      `drawCount (${m.drawCount}) is larger than the quiz bank (${m.quiz.length} items)`,
      ["drawCount"],
    );
  }
});

export type Idea = z.infer<typeof ideaSchema>;
export type IdeaKind = Idea["kind"];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type QuizOption = z.infer<typeof optionSchema>;
export type QuizKind = (typeof quizKinds)[number];
export type QuizItem = z.infer<typeof quizItemSchema>;
export type ReflectionPrompt = z.infer<typeof reflectionPromptSchema>;
export type ModuleContent = z.infer<typeof moduleContentSchema>;
