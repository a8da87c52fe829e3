import { z } from "zod";

/**
 * Schema for a training module's content (lesson, quiz bank, reflections).
 *
 * The content is plain data. `moduleContentSchema.parse()` checks both the
 * shape and the cross-references (ids are unique, every item is tagged with
 * a known idea, every idea is taught and tested, each item has a valid set of
 * correct answers).
 *
 * It reads every published version: the fields added in version 2 of the
 * boundaries module (objectives, definitions, decision aid, debriefs,
 * knowledge checks, references, reflection rubric, competency areas and the
 * form blueprint) are optional here, so version 1 as stored still parses.
 * `currentContentSchema` is what new content must meet: all of them present.
 */

const slug = z.string().regex(/^[a-z0-9-]+$/, "must be a lowercase slug (a-z, 0-9 and '-')");

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
  /** A model answer to the question, shown when the learner asks for it. */
  debrief: nonEmpty.optional(),
});

/** An ungraded question after a section: one right option, feedback on every option shown at once. */
export const knowledgeCheckSchema = z.object({
  id: slug,
  prompt: nonEmpty,
  options: z
    .array(
      z.object({
        id: slug,
        text: nonEmpty,
        correct: z.boolean(),
        feedback: z.string().trim().min(20),
      }),
    )
    .min(2),
});

export const sectionSchema = z.object({
  id: slug,
  title: nonEmpty,
  paragraphs: z.array(nonEmpty).min(2),
  keyPoints: z.array(nonEmpty).min(1),
  ideaIds: z.array(slug).min(1),
  scenario: scenarioSchema,
  knowledgeCheck: z.array(knowledgeCheckSchema).min(1).max(3).optional(),
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
  /** The competency area the item counts toward in a form's blueprint. */
  area: slug.optional(),
  options: z.array(optionSchema).min(2),
});

export const reflectionPromptSchema = z.object({
  id: slug,
  prompt: nonEmpty,
  hint: nonEmpty,
  /** The ideas the prompt asks the writer to reflect on. */
  ideaIds: z.array(slug).min(1).optional(),
});

export const definitionSchema = z.object({ term: nonEmpty, definition: nonEmpty });

/** The questions to ask oneself before acting when a boundary is unclear. */
export const decisionAidSchema = z.object({
  title: nonEmpty,
  intro: nonEmpty,
  questions: z.array(z.object({ question: nonEmpty, why: nonEmpty })).min(2),
});

/** A code or guideline the module draws on: cited, never copied. */
export const referenceSchema = z.object({
  id: slug,
  citation: nonEmpty,
  usedFor: nonEmpty,
});

/**
 * How instructors score a reflection: each criterion 0, 1 or 2 (levels[i]
 * describes a score of i); accepted at `acceptAt` points or more, and only
 * when no criterion named in `noZeroIn` scored 0.
 */
export const reflectionRubricSchema = z.object({
  acceptAt: z.number().int().positive(),
  noZeroIn: z.array(slug),
  criteria: z
    .array(
      z.object({
        id: slug,
        label: nonEmpty,
        levels: z.tuple([nonEmpty, nonEmpty, nonEmpty]),
      }),
    )
    .min(1),
});

/** A competency area of the item bank, and how many items of it every form has. */
export const competencyAreaSchema = z.object({
  id: slug,
  label: nonEmpty,
  itemsPerForm: z.number().int().positive(),
});

const kindRange = z.object({ min: z.number().int().min(0), max: z.number().int().min(0) });

/** How many items of each kind a form has (kinds not named: any number). */
export const formKindsSchema = z
  .object({ single: kindRange, multiple: kindRange, truefalse: kindRange, scenario: kindRange })
  .partial()
  .strict();

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
  sections: z.array(sectionSchema).min(5).max(20),
  quiz: z.array(quizItemSchema).min(12),
  reflections: z.array(reflectionPromptSchema).length(3),
  // --- added in version 2 (optional so that version 1 as stored still parses)
  /** What a learner can do after the module (3–5, measurable). */
  objectives: z.array(nonEmpty).min(3).max(5).optional(),
  definitions: z.array(definitionSchema).min(1).optional(),
  decisionAid: decisionAidSchema.optional(),
  references: z.array(referenceSchema).min(1).optional(),
  reflectionRubric: reflectionRubricSchema.optional(),
  competencyAreas: z.array(competencyAreaSchema).min(1).optional(),
  formKinds: formKindsSchema.optional(),
});

export const moduleContentSchema = moduleFieldsSchema.superRefine((m, ctx) => {
  const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });

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
        issue(`Section "${s.id}" references unknown idea "${ideaId}"`, ["sections", si, "ideaIds", ii]);
      }
      taught.add(ideaId);
    });
  });

  // --- quiz items -------------------------------------------------------
  m.quiz.forEach((q, qi) => {
    const path = ["quiz", qi];
    if (!ideaIds.has(q.ideaId)) {
      issue(`Quiz item "${q.id}" references unknown idea "${q.ideaId}"`, [...path, "ideaId"]);
    }
    tested.add(q.ideaId);

    for (const id of duplicates(q.options.map((o) => o.id))) {
      issue(`Quiz item "${q.id}" has duplicate option id "${id}"`, [...path, "options"]);
    }

    const correct = q.options.filter((o) => o.correct).length;
    const wrong = q.options.length - correct;

    if (q.kind === "single" || q.kind === "scenario" || q.kind === "truefalse") {
      if (correct !== 1) {
        issue(`Quiz item "${q.id}" (${q.kind}) must have exactly one correct option, found ${correct}`, [...path, "options"]);
      }
    }

    if (q.kind === "truefalse") {
      const ids = q.options.map((o) => o.id).sort();
      if (q.options.length !== 2 || ids[0] !== "false" || ids[1] !== "true") {
        issue(`Quiz item "${q.id}" (truefalse) must have exactly 2 options with ids "true" and "false"`, [...path, "options"]);
      }
    }

    if (q.kind === "multiple") {
      if (correct < 2) {
        issue(`Quiz item "${q.id}" (multiple) must have at least 2 correct options, found ${correct}`, [...path, "options"]);
      }
      if (wrong < 1) {
        issue(`Quiz item "${q.id}" (multiple) must have at least 1 wrong option`, [...path, "options"]);
      }
    }

    if (q.kind === "scenario" && !q.scenario) {
      issue(`Quiz item "${q.id}" (scenario) must have scenario text`, [...path, "scenario"]);
    }
  });

  // --- version 2 parts ---------------------------------------------------
  m.reflections.forEach((r, ri) =>
    (r.ideaIds ?? []).forEach((ideaId, ii) => {
      if (!ideaIds.has(ideaId))
        issue(`Reflection prompt "${r.id}" references unknown idea "${ideaId}"`, ["reflections", ri, "ideaIds", ii]);
    }),
  );

  const checkIds: string[] = [];
  m.sections.forEach((s, si) =>
    (s.knowledgeCheck ?? []).forEach((c, ci) => {
      checkIds.push(c.id);
      const path = ["sections", si, "knowledgeCheck", ci];
      const right = c.options.filter((o) => o.correct).length;
      if (right !== 1) issue(`Knowledge check "${c.id}" must have exactly one correct option, found ${right}`, [...path, "options"]);
      for (const id of duplicates(c.options.map((o) => o.id)))
        issue(`Knowledge check "${c.id}" has duplicate option id "${id}"`, [...path, "options"]);
    }),
  );
  for (const id of duplicates(checkIds)) issue(`Duplicate knowledge check id "${id}"`, ["sections"]);

  if (m.reflectionRubric) {
    const rubric = m.reflectionRubric;
    const criteria = new Set(rubric.criteria.map((c) => c.id));
    for (const id of duplicates(rubric.criteria.map((c) => c.id)))
      issue(`Duplicate rubric criterion "${id}"`, ["reflectionRubric", "criteria"]);
    rubric.noZeroIn.forEach((id, i) => {
      if (!criteria.has(id)) issue(`noZeroIn names unknown rubric criterion "${id}"`, ["reflectionRubric", "noZeroIn", i]);
    });
    if (rubric.acceptAt > 2 * rubric.criteria.length) {
      issue(`acceptAt (${rubric.acceptAt}) is more than the rubric's ${2 * rubric.criteria.length} points`, [
        "reflectionRubric",
        "acceptAt",
      ]);
    }
  }

  if (m.competencyAreas) {
    const areas = m.competencyAreas;
    for (const id of duplicates(areas.map((a) => a.id))) issue(`Duplicate competency area "${id}"`, ["competencyAreas"]);
    const known = new Set(areas.map((a) => a.id));
    m.quiz.forEach((q, qi) => {
      if (!q.area) issue(`Quiz item "${q.id}" has no competency area`, ["quiz", qi, "area"]);
      else if (!known.has(q.area)) issue(`Quiz item "${q.id}" references unknown competency area "${q.area}"`, ["quiz", qi, "area"]);
    });
    const perForm = areas.reduce((s, a) => s + a.itemsPerForm, 0);
    if (perForm !== m.drawCount) {
      issue(`The competency areas' itemsPerForm add up to ${perForm}, not drawCount (${m.drawCount})`, ["competencyAreas"]);
    }
    areas.forEach((a, ai) => {
      const n = m.quiz.filter((q) => q.area === a.id).length;
      if (n < a.itemsPerForm)
        issue(`Competency area "${a.id}" has ${n} items, fewer than its ${a.itemsPerForm} per form`, ["competencyAreas", ai]);
    });
  } else if (m.formKinds) {
    issue("formKinds needs competencyAreas (the blueprint of a form)", ["formKinds"]);
  }
  for (const [kind, range] of Object.entries(m.formKinds ?? {})) {
    if (range.min > range.max) issue(`formKinds.${kind}: min (${range.min}) is more than max (${range.max})`, ["formKinds", kind]);
    if (range.min > m.quiz.filter((q) => q.kind === kind).length)
      issue(`formKinds.${kind}: the bank has fewer than ${range.min} such items`, ["formKinds", kind]);
  }

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
    issue(`drawCount (${m.drawCount}) is larger than the quiz bank (${m.quiz.length} items)`, ["drawCount"]);
  }
});

/** The parts of version 2 that content published from now on must have; stored versions may lack them. */
export const currentContentSchema = moduleContentSchema.superRefine((m, ctx) => {
  const missing = (path: (string | number)[]) => ctx.addIssue({ code: "custom", message: "Required for new content (version 2 on)", path });
  for (const key of [
    "objectives",
    "definitions",
    "decisionAid",
    "references",
    "reflectionRubric",
    "competencyAreas",
    "formKinds",
  ] as const) {
    if (m[key] === undefined) missing([key]);
  }
  m.sections.forEach((s, si) => {
    if (!s.scenario.debrief) missing(["sections", si, "scenario", "debrief"]);
    if (!s.knowledgeCheck) missing(["sections", si, "knowledgeCheck"]);
  });
  m.reflections.forEach((r, ri) => {
    if (!r.ideaIds) missing(["reflections", ri, "ideaIds"]);
  });
});

export type Idea = z.infer<typeof ideaSchema>;
export type IdeaKind = Idea["kind"];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type QuizOption = z.infer<typeof optionSchema>;
export type QuizKind = (typeof quizKinds)[number];
export type QuizItem = z.infer<typeof quizItemSchema>;
export type ReflectionPrompt = z.infer<typeof reflectionPromptSchema>;
export type KnowledgeCheck = z.infer<typeof knowledgeCheckSchema>;
export type CompetencyArea = z.infer<typeof competencyAreaSchema>;
export type ReflectionRubric = z.infer<typeof reflectionRubricSchema>;
export type ModuleContent = z.infer<typeof moduleContentSchema>;
