import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { demoAccounts } from "@/db/seed/demo/accounts";
import {
  assignments,
  cohortInstructors,
  cohorts,
  enrolments,
  modules,
  quizAttempts,
  reflectionReviews,
  reflections,
  users,
} from "@/db/schema";
import type { Learner } from "@/lib/learning/own-progress";
import { recordSectionRead } from "@/lib/learning/reads";
import { getLatestVersion, getModuleVersion } from "@/lib/learning/module/publish";
import { createProgressForAssignment, progressFor } from "@/lib/learning/progress/rows";
import { completeIfDone } from "@/lib/learning/progress/complete";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { startAttempt, submitAttempt } from "@/lib/learning/quiz/attempts";
import { saveReflectionDraft, submitReflection } from "@/lib/learning/reflections/drafts";
import { reflectionTexts } from "./reflection-texts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The learner the learner-journey e2e test walks through the module; the seed leaves them untouched. */
export const JOURNEY_LEARNER = "ana.lima@demo.cohort";

type CohortKey = "evening" | "northside" | "eastside";
type Instructor = "rivera" | "okafor";

const cohortPlans: Record<
  CohortKey,
  {
    name: string;
    description: string;
    instructors: Instructor[];
    opensDaysAgo: number;
    dueInDays: number;
    maxAttempts?: number;
    /** credit waits for an instructor to accept every reflection; the two older cohorts were assigned before that existed */
    reflectionsMustBeAccepted: boolean;
  }
> = {
  evening: {
    name: "Evening Peer Support Cohort",
    description: "Tuesday and Thursday evenings, co-taught by Dana Rivera and Sam Okafor.",
    instructors: ["rivera", "okafor"],
    opensDaysAgo: 21,
    dueInDays: 10,
    reflectionsMustBeAccepted: true,
  },
  northside: {
    name: "Northside Recovery Cohort",
    description: "Daytime cohort at the Northside community centre.",
    instructors: ["rivera"],
    opensDaysAgo: 40,
    dueInDays: -5,
    reflectionsMustBeAccepted: false,
  },
  eastside: {
    name: "Eastside Reentry Cohort",
    description: "Peer specialists supporting people returning from incarceration. Three quiz attempts.",
    instructors: ["okafor"],
    opensDaysAgo: 6,
    dueInDays: 24,
    maxAttempts: 3,
    reflectionsMustBeAccepted: false,
  },
};

/** `read: ALL`: every section of the lesson, however many the module version has. */
const ALL = Number.POSITIVE_INFINITY;

/** One learner event; they happen two hours apart from the plan's start. */
type Step =
  | { read: number }
  | { quiz: number }
  | { draft: 0 | 1 | 2; words?: number }
  | { submit: 0 | 1 | 2 }
  | { review: 0 | 1 | 2; decision: "accepted" | "revision_requested"; feedback: string };

type Plan = { learner: string; cohort: CohortKey; startDaysAgo: number; steps: Step[]; text?: number };

const all3: Step[] = [{ submit: 0 }, { submit: 1 }, { submit: 2 }];

/**
 * Learners at every stage. jordan.lee, maria.santos and tyrone.jackson are
 * enrolled but untouched (other journeys sign in as them); ana.lima is kept
 * "not started" for the learner journey.
 */
const plans: Plan[] = [
  // Evening (due in 10 days): every stage before the due date
  { learner: "jordan.lee", cohort: "evening", startDaysAgo: 0, steps: [] },
  { learner: "maria.santos", cohort: "evening", startDaysAgo: 0, steps: [] },
  { learner: "tyrone.jackson", cohort: "evening", startDaysAgo: 0, steps: [] },
  { learner: "ana.lima", cohort: "evening", startDaysAgo: 0, steps: [] },
  { learner: "emily.chen", cohort: "evening", startDaysAgo: 3, steps: [{ read: 3 }] },
  { learner: "marcus.brown", cohort: "evening", startDaysAgo: 6, steps: [{ read: ALL }, { quiz: 6 }] },
  { learner: "aisha.khan", cohort: "evening", startDaysAgo: 8, steps: [{ read: ALL }, { quiz: 9 }] },
  {
    learner: "luis.hernandez",
    cohort: "evening",
    startDaysAgo: 9,
    text: 1,
    steps: [{ read: ALL }, { quiz: 8 }, { submit: 0 }, { draft: 1, words: 40 }],
  },
  {
    learner: "grace.kim",
    cohort: "evening",
    startDaysAgo: 12,
    text: 2,
    steps: [
      { read: ALL },
      { quiz: 10 },
      ...all3,
      { review: 0, decision: "accepted", feedback: "Clear and honest. Good catch on the first warning sign." },
      { review: 1, decision: "accepted", feedback: "Kind and firm at the same time. Well done." },
      // the last acceptance completes her assignment (the Evening cohort's credit waits for it)
      { review: 2, decision: "accepted", feedback: "A plan you can use from tomorrow." },
    ],
  },
  {
    learner: "derek.wilson",
    cohort: "evening",
    startDaysAgo: 14,
    steps: [
      { read: ALL },
      { quiz: 7 },
      { quiz: 9 },
      ...all3,
      {
        review: 1,
        decision: "revision_requested",
        feedback:
          "Your reply is kind. Please add how you would keep supporting the client after you say no, and what you would say if they ask again.",
      },
    ],
  },
  {
    learner: "fatima.ali",
    cohort: "evening",
    startDaysAgo: 10,
    text: 1,
    steps: [{ read: 5 }, { read: ALL }, { quiz: 5 }, { quiz: 7 }, { quiz: 8 }, { draft: 0, words: 60 }, { draft: 2, words: 20 }],
  },

  // Northside (due 5 days ago): on time, late and overdue
  { learner: "kevin.o.brien", cohort: "northside", startDaysAgo: 3, steps: [{ read: ALL }, { quiz: 8 }, ...all3] },
  { learner: "nia.robinson", cohort: "northside", startDaysAgo: 20, steps: [{ read: 4 }] },
  { learner: "pat.murphy", cohort: "northside", startDaysAgo: 0, steps: [] },
  {
    learner: "rosa.alvarez",
    cohort: "northside",
    startDaysAgo: 30,
    text: 2,
    steps: [
      { read: ALL },
      { quiz: 10 },
      ...all3,
      { review: 0, decision: "accepted", feedback: "Thoughtful example." },
      { review: 1, decision: "accepted", feedback: "Good script — warm and clear." },
      { review: 2, decision: "accepted", feedback: "A practical plan you can really use." },
    ],
  },
  { learner: "chris.taylor", cohort: "northside", startDaysAgo: 18, steps: [{ read: ALL }, { quiz: 6 }, { quiz: 7 }] },
  { learner: "hannah.cohen", cohort: "northside", startDaysAgo: 2, text: 3, steps: [{ read: ALL }, { quiz: 9 }, ...all3] },
  { learner: "emily.chen", cohort: "northside", startDaysAgo: 25, steps: [{ read: ALL }, { quiz: 8 }, ...all3] },

  // Eastside (opened 6 days ago, 3 attempts)
  { learner: "omar.farouk", cohort: "eastside", startDaysAgo: 2, steps: [{ read: 2 }] },
  { learner: "jess.nguyen", cohort: "eastside", startDaysAgo: 4, steps: [{ read: ALL }, { quiz: 5 }] },
  {
    learner: "ben.carter",
    cohort: "eastside",
    startDaysAgo: 5,
    steps: [{ read: ALL }, { quiz: 10 }, { draft: 0, words: 50 }, { draft: 1 }],
  },
  {
    learner: "lena.novak",
    cohort: "eastside",
    startDaysAgo: 5,
    text: 1,
    steps: [
      { read: ALL },
      { quiz: 9 },
      ...all3,
      {
        review: 0,
        decision: "revision_requested",
        feedback: "Good start. Say more about what you would do next time, and who you would talk to first.",
      },
    ],
  },
  { learner: "ray.thompson", cohort: "eastside", startDaysAgo: 0, steps: [] },
  { learner: "keisha.williams", cohort: "eastside", startDaysAgo: 4, steps: [{ read: ALL }, { quiz: 8 }, ...all3] },
  { learner: "tom.becker", cohort: "eastside", startDaysAgo: 5, steps: [{ read: ALL }, { quiz: 4 }, { quiz: 6 }, { quiz: 7 }] },
];

const email = (local: string) => `${local}@demo.cohort`;

function textFor(prompt: 0 | 1 | 2, variant: number, words?: number) {
  const full = reflectionTexts[prompt][variant % reflectionTexts[prompt].length];
  return words ? full.split(/\s+/).slice(0, words).join(" ") : full;
}

type Context = { sections: string[]; promptIds: string[]; reviewerId: string; now: Date };

/** Rubric scores a demo review gives: enough to accept, or a revision with 0 in reasoning. */
const demoScores = {
  accepted: { situation: 2, reasoning: 2, words: 1, support: 2, privacy: 2 },
  revision_requested: { situation: 1, reasoning: 0, words: 1, support: 1, privacy: 2 },
};

async function runPlan(tx: DbOrTx, plan: Plan, learner: Learner, progressId: string, { sections, promptIds, reviewerId, now }: Context) {
  const variant = plan.text ?? 0;
  let at = now.getTime() - plan.startDaysAgo * DAY;
  let sectionsRead = 0;
  const versions = new Map<number, number>();
  for (const step of plan.steps) {
    at += 2 * HOUR;
    const when = new Date(at);
    if (when > now) throw new Error(`Demo plan for ${plan.learner} runs into the future; start it earlier.`);
    if ("read" in step) {
      for (; sectionsRead < Math.min(step.read, sections.length); sectionsRead++)
        await recordSectionRead({ learner, progressId, sectionId: sections[sectionsRead], now: when, db: tx });
    } else if ("quiz" in step) {
      const { attemptId } = await startAttempt({ learner, progressId, now: when, db: tx });
      const [a] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
      const v = await getModuleVersion(a.moduleVersionId, tx);
      const answers = answersWithCorrect(v!.content, a.draw, step.quiz);
      await submitAttempt({ learner, attemptId, answers, now: new Date(at + 20 * 60_000), db: tx });
    } else if ("draft" in step) {
      const saved = await saveReflectionDraft({
        learner,
        progressId,
        promptId: promptIds[step.draft],
        body: textFor(step.draft, variant, step.words),
        baseVersion: versions.get(step.draft) ?? 0,
        now: when,
        db: tx,
      });
      versions.set(step.draft, saved.version);
    } else if ("submit" in step) {
      const saved = await submitReflection({
        learner,
        progressId,
        promptId: promptIds[step.submit],
        body: textFor(step.submit, variant),
        baseVersion: versions.get(step.submit) ?? 0,
        now: when,
        db: tx,
      });
      versions.set(step.submit, saved.version);
    } else {
      // what reviewReflection records, inside the seed's one transaction; an acceptance
      // completes the assignment when its reflections must be accepted and this was the last
      const [r] = await tx
        .update(reflections)
        .set({ status: step.decision, updatedAt: when })
        .where(and(eq(reflections.progressId, progressId), eq(reflections.promptId, promptIds[step.review])))
        .returning({ id: reflections.id });
      await tx.insert(reflectionReviews).values({
        reflectionId: r.id,
        reviewerId,
        decision: step.decision,
        feedback: step.feedback,
        scores: demoScores[step.decision],
        createdAt: when,
      });
      if (step.decision === "accepted") await completeIfDone(tx, { progressId, promptCount: promptIds.length, now: when });
    }
  }
}

/**
 * Three cohorts taught by the demo instructors, the boundaries module
 * assigned with dates relative to now, and learners at every stage — built
 * through the same lib functions the app uses, so counters, attempts,
 * responses, reflections, completion and certificates agree. One
 * transaction; does nothing when the cohorts exist already.
 */
export async function seedDemoProgress(db: Db, now: Date = new Date()) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cohort.demo.progress'))`);
    const [existing] = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.name, cohortPlans.evening.name)).limit(1);
    if (existing) return;

    const [mod] = await tx.select().from(modules).where(eq(modules.slug, "boundaries"));
    if (!mod) throw new Error("Publish the built-in modules before seeding demo progress.");
    const version = await getLatestVersion(mod.id, tx);
    const sections = version!.content.sections.map((s) => s.id);
    const promptIds = version!.content.reflections.map((r) => r.id);

    const staffEmails = demoAccounts.instructors.map((i) => i.email);
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, [...staffEmails, ...plans.map((p) => email(p.learner))]));
    const idOf = (e: string) => {
      const u = people.find((p) => p.email === e);
      if (!u) throw new Error(`Demo user ${e} is missing; seed the demo people first.`);
      return u.id;
    };
    const instructorId = (k: Instructor) => idOf(`${k}@demo.cohort`);

    const assignmentOf = new Map<CohortKey, { id: string; cohortId: string; firstInstructor: string }>();
    for (const [key, c] of Object.entries(cohortPlans) as [CohortKey, (typeof cohortPlans)[CohortKey]][]) {
      const opensAt = new Date(now.getTime() - c.opensDaysAgo * DAY);
      const [cohort] = await tx
        .insert(cohorts)
        .values({
          name: c.name,
          description: c.description,
          createdBy: instructorId(c.instructors[0]),
          createdAt: new Date(opensAt.getTime() - 3 * DAY),
        })
        .returning();
      await tx.insert(cohortInstructors).values(c.instructors.map((i) => ({ cohortId: cohort.id, userId: instructorId(i) })));
      const members = plans.filter((p) => p.cohort === key);
      await tx.insert(enrolments).values(
        members.map((p) => ({
          cohortId: cohort.id,
          userId: idOf(email(p.learner)),
          source: "seed",
          enrolledAt: new Date(opensAt.getTime() - 2 * DAY),
        })),
      );
      const [assignment] = await tx
        .insert(assignments)
        .values({
          cohortId: cohort.id,
          moduleId: mod.id,
          opensAt,
          dueAt: new Date(now.getTime() + c.dueInDays * DAY),
          maxAttempts: c.maxAttempts ?? null,
          reflectionsMustBeAccepted: c.reflectionsMustBeAccepted,
          createdBy: instructorId(c.instructors[0]),
          // assigned before the learners' backdated work, as it would have been (not at seed time)
          createdAt: new Date(opensAt.getTime() - 2 * DAY),
        })
        .returning();
      await createProgressForAssignment(tx, assignment.id);
      assignmentOf.set(key, { id: assignment.id, cohortId: cohort.id, firstInstructor: instructorId(c.instructors[0]) });
    }

    for (const plan of plans) {
      if (plan.steps.length === 0) continue;
      const a = assignmentOf.get(plan.cohort)!;
      const userId = idOf(email(plan.learner));
      const progress = await progressFor(tx, a.id, userId);
      await runPlan(tx, plan, { id: userId, role: "learner" }, progress!.id, { sections, promptIds, reviewerId: a.firstInstructor, now });
    }
  });
}
