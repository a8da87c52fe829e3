/**
 * Builders for the admin area's tests (and its end-to-end fixture): cohorts,
 * enrolments, assignments and progress made the way the product makes them —
 * one progress row per active enrolment × assignment, version pinned at first
 * activity, a certificate in the same step as completion. Plain inserts, so
 * db/ never imports lib/.
 */
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import {
  assignmentProgress,
  assignments,
  certificates,
  cohortInstructors,
  cohorts,
  enrolments,
  modules,
  moduleVersions,
  reflections,
  users,
} from "../schema";
import { PRIVATE_SENTENCE } from "./admin-fixture-text";

const uid = () => randomBytes(4).toString("hex");

export async function makeModule({ title = "Test Module", hours = [1] }: { title?: string; hours?: number[] } = {}) {
  const db = getDb();
  const [mod] = await db
    .insert(modules)
    .values({ slug: `test-${uid()}`, title })
    .returning();
  const versions = [];
  for (const [i, h] of hours.entries()) {
    const [v] = await db
      .insert(moduleVersions)
      .values({
        moduleId: mod.id,
        version: i + 1,
        title,
        content: { slug: mod.slug, note: "test content" },
        contentHash: uid(),
        contactHours: h,
        hoursCategory: "Professional Responsibility",
        passMark: 80,
      })
      .returning();
    versions.push(v);
  }
  return { module: mod, versions };
}

export async function makeCohort({
  name = `Cohort ${uid()}`,
  status = "active",
  instructorIds = [],
}: { name?: string; status?: "active" | "archived"; instructorIds?: string[] } = {}) {
  const db = getDb();
  const [c] = await db
    .insert(cohorts)
    .values({ name, status, archivedAt: status === "archived" ? new Date() : null, createdBy: instructorIds[0] ?? null })
    .returning();
  if (instructorIds.length) await db.insert(cohortInstructors).values(instructorIds.map((userId) => ({ cohortId: c.id, userId })));
  return c;
}

/** Enrol, and give the learner a progress row for each of the cohort's assignments. */
export async function enrol({ cohortId, userId, enrolledAt }: { cohortId: string; userId: string; enrolledAt?: Date }) {
  const db = getDb();
  const [e] = await db
    .insert(enrolments)
    .values({ cohortId, userId, source: "seed", ...(enrolledAt ? { enrolledAt } : {}) })
    .returning();
  await db.execute(sql`insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${assignments.id}, ${userId}, ${cohortId} from ${assignments} where ${assignments.cohortId} = ${cohortId}
    on conflict (assignment_id, user_id) do nothing`);
  return e;
}

/** Removing keeps every record; reports count only active enrolments. */
export async function removeEnrolment({ cohortId, userId }: { cohortId: string; userId: string }) {
  await getDb()
    .update(enrolments)
    .set({ status: "removed", removedAt: new Date() })
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)));
}

/** Assign a module, and give every active learner of the cohort a progress row. */
export async function assign({
  cohortId,
  moduleId,
  opensAt,
  dueAt,
  createdAt,
}: {
  cohortId: string;
  moduleId: string;
  opensAt: Date;
  dueAt: Date;
  createdAt?: Date;
}) {
  const db = getDb();
  const [a] = await db
    .insert(assignments)
    .values({ cohortId, moduleId, opensAt, dueAt, ...(createdAt ? { createdAt } : {}) })
    .returning();
  await db.execute(sql`insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${a.id}, ${enrolments.userId}, ${cohortId} from ${enrolments}
    where ${enrolments.cohortId} = ${cohortId} and ${enrolments.status} = 'active'
    on conflict (assignment_id, user_id) do nothing`);
  return a;
}

export type ProgressState = {
  versionId?: string;
  startedAt?: Date;
  sectionsRead?: number;
  attempts?: number;
  bestScore?: number | null;
  quizPassedAt?: Date;
  reflectionsSubmitted?: number;
  completedAt?: Date;
  /** reflections to create, by status; submitted ones count toward reflectionsSubmitted */
  reflectionStatuses?: ("draft" | "submitted" | "revision_requested" | "accepted")[];
  reflectionBody?: string;
  certificateRevoked?: boolean;
};

/**
 * Move a learner's progress row to a state. A started row pins the version;
 * a completed one gets its certificate (frozen copy) like issueCertificate.
 */
export async function setProgress({ assignmentId, userId, ...s }: { assignmentId: string; userId: string } & ProgressState) {
  const db = getDb();
  const started = s.startedAt ?? s.completedAt ?? s.quizPassedAt;
  const statuses = s.reflectionStatuses ?? [];
  const submitted = s.reflectionsSubmitted ?? statuses.filter((x) => x !== "draft").length;
  const [p] = await db
    .update(assignmentProgress)
    .set({
      moduleVersionId: started ? s.versionId : null,
      startedAt: started ?? null,
      sectionsRead: s.sectionsRead ?? (started ? 1 : 0),
      attemptsCount: s.attempts ?? 0,
      bestScore: s.bestScore ?? null,
      quizPassedAt: s.quizPassedAt ?? null,
      reflectionsSubmitted: submitted,
      completedAt: s.completedAt ?? null,
      lastActivityAt: s.completedAt ?? started ?? null,
    })
    .where(and(eq(assignmentProgress.assignmentId, assignmentId), eq(assignmentProgress.userId, userId)))
    .returning();
  if (!p) throw new Error("no progress row: enrol the learner and assign the module first");
  for (const [i, status] of statuses.entries()) {
    await db.insert(reflections).values({
      progressId: p.id,
      assignmentId,
      userId,
      moduleVersionId: s.versionId!,
      promptId: `prompt-${i + 1}`,
      body: s.reflectionBody ?? "A reflection written for a test.",
      wordCount: 80,
      status,
      submittedAt: status === "draft" ? null : (started ?? new Date()),
    });
  }
  if (s.completedAt) {
    const [row] = await db
      .select({
        learnerName: users.name,
        cohortName: cohorts.name,
        title: moduleVersions.title,
        version: moduleVersions.version,
        hours: moduleVersions.contactHours,
      })
      .from(assignmentProgress)
      .innerJoin(users, eq(users.id, assignmentProgress.userId))
      .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
      .innerJoin(moduleVersions, eq(moduleVersions.id, assignmentProgress.moduleVersionId))
      .where(eq(assignmentProgress.id, p.id));
    await db.insert(certificates).values({
      code: `TEST-${uid()}-${uid()}`.toUpperCase(),
      progressId: p.id,
      userId,
      learnerName: row.learnerName,
      moduleTitle: row.title,
      moduleVersion: row.version,
      providerName: "Cohort Training Program",
      cohortName: row.cohortName,
      instructorNames: "",
      completedAt: s.completedAt,
      contactHours: row.hours,
      hoursCategory: "Professional Responsibility",
      revokedAt: s.certificateRevoked ? new Date() : null,
      revokedReason: s.certificateRevoked ? "test" : null,
    });
  }
  return p;
}

export const SCENARIO_NOW = new Date("2026-03-15T12:00:00Z");
export { PRIVATE_SENTENCE };
const d = (iso: string) => new Date(iso);

/**
 * A small organisation whose report figures are worked out by hand in the
 * tests (at SCENARIO_NOW):
 *
 * cohort   status    instructors   due         learners
 * Alpha    active    I1            2026-02-01  a1 complete 01-20 (v1 1.5h, 90) · a2 late 02-05 (v1, 85)
 *                                              · a3 overdue, started (60) · a4 overdue · a5 removed (complete)
 * Bravo    active    I1, I2        2026-04-01  b1 complete 03-02 (v2 2.0h, 100) · b2 in progress · b3 not started
 * Charlie  archived  I2            2026-01-10  c1 complete 01-05 (certificate revoked, 80) · c2 overdue
 * Delta    active    I2            (none)      d1 enrolled, nothing assigned
 *
 * Reflections awaiting review: a3 1, a2 1, b1 3 (and a5's, removed, not counted).
 */
export async function seedOrganisationScenario(
  makePerson: (o: { name: string; role: "learner" | "instructor" }) => Promise<{ id: string; email: string; name: string }>,
  tag = uid(),
) {
  const person = (name: string, role: "learner" | "instructor" = "learner") => makePerson({ name, role });
  const i1 = await person(`Instructor One ${tag}`, "instructor");
  const i2 = await person(`Instructor Two ${tag}`, "instructor");
  const { module: mod, versions } = await makeModule({ title: "Boundaries (test)", hours: [1.5, 2] });
  const [v1, v2] = versions;
  const alpha = await makeCohort({ name: `Alpha ${tag}`, instructorIds: [i1.id] });
  const bravo = await makeCohort({ name: `Bravo ${tag}`, instructorIds: [i1.id, i2.id] });
  const charlie = await makeCohort({ name: `Charlie ${tag}`, status: "archived", instructorIds: [i2.id] });
  const delta = await makeCohort({ name: `Delta ${tag}`, instructorIds: [i2.id] });

  const a = [
    await person("Ada Alpha"),
    await person("Ben Alpha"),
    await person('=HYPERLINK("http://x")'),
    await person("Dee Alpha"),
    await person("Eve Alpha"),
  ];
  const b = [await person("Fay Bravo"), await person("Gus Bravo"), await person("Hal Bravo")];
  const c = [await person("Ivy Charlie"), await person("Jon Charlie")];
  const dl = await person("Kim Delta");
  // enrolled before anything was assigned (the export's "Assigned" is the later of the two)
  const enrolledAt = d("2026-01-02T09:00:00Z");
  for (const u of a) await enrol({ cohortId: alpha.id, userId: u.id, enrolledAt });
  for (const u of b) await enrol({ cohortId: bravo.id, userId: u.id, enrolledAt });
  for (const u of c) await enrol({ cohortId: charlie.id, userId: u.id, enrolledAt });
  await enrol({ cohortId: delta.id, userId: dl.id, enrolledAt });

  const aA = await assign({
    cohortId: alpha.id,
    moduleId: mod.id,
    opensAt: d("2026-01-05T00:00:00Z"),
    dueAt: d("2026-02-01T23:59:00Z"),
    createdAt: d("2026-01-04T10:00:00Z"),
  });
  const aB = await assign({
    cohortId: bravo.id,
    moduleId: mod.id,
    opensAt: d("2026-02-20T00:00:00Z"),
    dueAt: d("2026-04-01T23:59:00Z"),
    createdAt: d("2026-02-19T10:00:00Z"),
  });
  const aC = await assign({
    cohortId: charlie.id,
    moduleId: mod.id,
    opensAt: d("2025-12-01T00:00:00Z"),
    dueAt: d("2026-01-10T23:59:00Z"),
    createdAt: d("2025-11-30T10:00:00Z"),
  });

  const done = { sectionsRead: 6, reflectionsSubmitted: 3 };
  await setProgress({
    assignmentId: aA.id,
    userId: a[0].id,
    versionId: v1.id,
    ...done,
    startedAt: d("2026-01-10T09:00:00Z"),
    attempts: 2,
    bestScore: 90,
    quizPassedAt: d("2026-01-19T09:00:00Z"),
    completedAt: d("2026-01-20T15:00:00Z"),
    reflectionStatuses: ["accepted", "accepted", "accepted"],
    reflectionBody: PRIVATE_SENTENCE,
  });
  await setProgress({
    assignmentId: aA.id,
    userId: a[1].id,
    versionId: v1.id,
    ...done,
    startedAt: d("2026-01-25T09:00:00Z"),
    attempts: 1,
    bestScore: 85,
    quizPassedAt: d("2026-02-04T09:00:00Z"),
    completedAt: d("2026-02-05T15:00:00Z"),
    reflectionStatuses: ["accepted", "accepted", "submitted"],
    reflectionBody: PRIVATE_SENTENCE,
  });
  await setProgress({
    assignmentId: aA.id,
    userId: a[2].id,
    versionId: v1.id,
    startedAt: d("2026-01-28T09:00:00Z"),
    sectionsRead: 3,
    attempts: 1,
    bestScore: 60,
    reflectionStatuses: ["submitted", "draft"],
    reflectionBody: PRIVATE_SENTENCE,
  });
  await setProgress({
    assignmentId: aA.id,
    userId: a[4].id,
    versionId: v1.id,
    ...done,
    startedAt: d("2026-01-12T09:00:00Z"),
    attempts: 1,
    bestScore: 95,
    quizPassedAt: d("2026-01-21T09:00:00Z"),
    completedAt: d("2026-01-22T15:00:00Z"),
    reflectionStatuses: ["submitted", "submitted", "submitted"],
  });
  await removeEnrolment({ cohortId: alpha.id, userId: a[4].id });

  await setProgress({
    assignmentId: aB.id,
    userId: b[0].id,
    versionId: v2.id,
    ...done,
    startedAt: d("2026-02-25T09:00:00Z"),
    attempts: 1,
    bestScore: 100,
    quizPassedAt: d("2026-03-01T09:00:00Z"),
    completedAt: d("2026-03-02T15:00:00Z"),
    reflectionStatuses: ["submitted", "submitted", "submitted"],
    reflectionBody: PRIVATE_SENTENCE,
  });
  await setProgress({ assignmentId: aB.id, userId: b[1].id, versionId: v2.id, startedAt: d("2026-03-10T09:00:00Z"), sectionsRead: 3 });

  await setProgress({
    assignmentId: aC.id,
    userId: c[0].id,
    versionId: v1.id,
    ...done,
    startedAt: d("2025-12-10T09:00:00Z"),
    attempts: 3,
    bestScore: 80,
    quizPassedAt: d("2026-01-04T09:00:00Z"),
    completedAt: d("2026-01-05T15:00:00Z"),
    reflectionStatuses: ["accepted", "accepted", "accepted"],
    certificateRevoked: true,
  });

  return { tag, i1, i2, mod, v1, v2, alpha, bravo, charlie, delta, a, b, c, dl, aA, aB, aC };
}
