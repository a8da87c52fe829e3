/** Builders for the learner journey's integration tests: a module, a cohort with the module assigned, enrolled learners. */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments } from "../schema";
import { createProgressForAssignment } from "@/lib/learning/progress/rows";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import type { ModuleContent } from "@/lib/learning/module/content-schema";
import { publishModule } from "@/lib/learning/module/publish";
import { makeUser } from "./factories";

const DAY = 86_400_000;

/** Publish the boundaries content (optionally changed) under a fresh slug, so each test owns its module. */
export async function makeModule(change?: (c: ModuleContent) => void, slug = `boundaries-${randomBytes(4).toString("hex")}`) {
  const content = structuredClone(boundariesModule);
  content.slug = slug;
  change?.(content);
  const published = await publishModule(content);
  return { ...published, slug, content };
}

export async function makeAssignment(
  opts: {
    moduleId?: string;
    opensAt?: Date;
    dueAt?: Date;
    maxAttempts?: number | null;
    passMarkOverride?: number | null;
    /** false unless asked: these tests describe completion on submission; the column's default (true) is tested apart */
    reflectionsMustBeAccepted?: boolean;
    cohortStatus?: "active" | "archived";
    instructorId?: string;
    showCorrectAnswers?: "after_pass_or_last_attempt" | "after_each_attempt" | "never";
    /** off unless a test asks: most tests start the quiz without reading the lesson (the product's default is on) */
    requireAllSectionsRead?: boolean;
  } = {},
) {
  const db = getDb();
  const moduleId = opts.moduleId ?? (await makeModule()).moduleId;
  const [cohort] = await db
    .insert(cohorts)
    .values({ name: `Cohort ${randomBytes(3).toString("hex")}`, status: opts.cohortStatus ?? "active" })
    .returning();
  if (opts.instructorId) await db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: opts.instructorId });
  const [assignment] = await db
    .insert(assignments)
    .values({
      cohortId: cohort.id,
      moduleId,
      opensAt: opts.opensAt ?? new Date(Date.now() - 7 * DAY),
      dueAt: opts.dueAt ?? new Date(Date.now() + 14 * DAY),
      maxAttempts: opts.maxAttempts ?? null,
      passMarkOverride: opts.passMarkOverride ?? null,
      reflectionsMustBeAccepted: opts.reflectionsMustBeAccepted ?? false,
      showCorrectAnswers: opts.showCorrectAnswers,
      requireAllSectionsRead: opts.requireAllSectionsRead ?? false,
    })
    .returning();
  return { cohort, assignment, moduleId };
}

/** A new learner enrolled in the assignment's cohort, with their progress row. */
export async function makeLearnerOn(assignment: { id: string; cohortId: string }, name = "Test Learner") {
  const db = getDb();
  const user = await makeUser({ role: "learner", name });
  await db.insert(enrolments).values({ cohortId: assignment.cohortId, userId: user.id, source: "seed" });
  await createProgressForAssignment(db, assignment.id);
  const [progress] = await db.select().from(assignmentProgress).where(eq(assignmentProgress.userId, user.id));
  return { user, learner: { id: user.id, role: "learner" as const }, progressId: progress.id };
}

export async function progressRow(progressId: string) {
  const [p] = await getDb().select().from(assignmentProgress).where(eq(assignmentProgress.id, progressId));
  return p;
}

/** About `n` words of plain text. */
export const words = (n: number, word = "boundary") => Array.from({ length: n }, (_, i) => `${word}${i % 7 === 0 ? "." : ""}`).join(" ");
