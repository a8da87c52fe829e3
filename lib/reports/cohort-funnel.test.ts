import { beforeAll, describe, expect, it } from "vitest";
import { assign, enrol, makeCohort, removeEnrolment, setProgress } from "@/db/test/admin-factories";
import { expectNotFound } from "@/db/test/admin-helpers";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { loadBuiltInModule } from "@/lib/learning/module/content-files";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { getCohortCharts, getCohortCompletionTrend, getCohortFunnel } from "./cohort-funnel";
import { listCohortLearners } from "./cohort-progress";
import { listCompletionsInWeek } from "./completions-week";
import { readReportFilters } from "./organisation-filters";

setupTestDb();

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * One cohort, worked out by hand. The assignment opens Monday 2026-11-02 and
 * is due Friday 2026-11-20 (weeks of Nov 2, 9 and 16):
 *   Nia, Ola   — not started
 *   Pat        — reading (2 sections)
 *   Quin       — quiz passed, 1 reflection in
 *   Ros        — quiz passed, 3 reflections in, waiting for review
 *   Sam, Tia   — complete Nov 10 and Nov 11 (week of Nov 9)
 *   Uma        — complete late, Nov 25 (week of Nov 23)
 *   Vic        — removed, complete Nov 10: counted nowhere
 * Another cohort's completion (Wes, Nov 12) shows in the organisation's week, not in this cohort.
 */
const s = {} as {
  instructor: Awaited<ReturnType<typeof makeUser>>;
  admin: Awaited<ReturnType<typeof makeUser>>;
  cohortId: string;
  assignmentId: string;
  sections: number;
};

beforeAll(async () => {
  const { moduleId, versionId } = await publishBuiltInModules();
  const instructor = await makeUser({ role: "instructor", name: "Funnel Instructor" });
  const admin = await makeUser({ role: "admin" });
  const cohort = await makeCohort({ name: "Funnel Cohort", instructorIds: [instructor.id] });
  const other = await makeCohort({ name: "Other Cohort", instructorIds: [instructor.id] });
  const ids: Record<string, string> = {};
  for (const name of ["Nia", "Ola", "Pat", "Quin", "Ros", "Sam", "Tia", "Uma", "Vic"]) {
    const u = await makeUser({ role: "learner", name: `${name} Funnel` });
    ids[name] = u.id;
    await enrol({ cohortId: cohort.id, userId: u.id });
  }
  const wes = await makeUser({ role: "learner", name: "Wes Other" });
  await enrol({ cohortId: other.id, userId: wes.id });
  const a = await assign({ cohortId: cohort.id, moduleId, opensAt: d("2026-11-02"), dueAt: d("2026-11-20") });
  const b = await assign({ cohortId: other.id, moduleId, opensAt: d("2026-11-02"), dueAt: d("2026-11-20") });
  const at = (name: string, state: Omit<Parameters<typeof setProgress>[0], "userId">) => setProgress({ ...state, userId: ids[name] });
  const base = { assignmentId: a.id, versionId };
  const passed = { ...base, startedAt: d("2026-11-03"), sectionsRead: 5, attempts: 1, bestScore: 90, quizPassedAt: d("2026-11-04") };
  await at("Pat", { ...base, startedAt: d("2026-11-03"), sectionsRead: 2 });
  await at("Quin", { ...passed, reflectionStatuses: ["submitted", "draft"] });
  await at("Ros", { ...passed, reflectionStatuses: ["submitted", "submitted", "submitted"] });
  const accepted = ["accepted", "accepted", "accepted"] as const;
  await at("Sam", { ...passed, reflectionStatuses: [...accepted], completedAt: d("2026-11-10") });
  await at("Tia", { ...passed, reflectionStatuses: [...accepted], completedAt: d("2026-11-11") });
  await at("Uma", { ...passed, reflectionStatuses: [...accepted], completedAt: d("2026-11-25") });
  await at("Vic", { ...passed, reflectionStatuses: [...accepted], completedAt: d("2026-11-10") });
  await removeEnrolment({ cohortId: cohort.id, userId: ids.Vic });
  await setProgress({
    ...passed,
    assignmentId: b.id,
    userId: wes.id,
    reflectionStatuses: [...accepted],
    completedAt: d("2026-11-12"),
  });
  Object.assign(s, {
    instructor,
    admin,
    cohortId: cohort.id,
    assignmentId: a.id,
    sections: loadBuiltInModule("boundaries").sections.length,
  });
});

describe("cohort funnel", () => {
  it("counts the learners who reached each stage, in one query", async () => {
    const f = await getCohortFunnel({ actor: s.instructor, cohortId: s.cohortId, assignmentId: s.assignmentId });
    expect(f).toEqual({ enrolled: 8, notStarted: 2, reading: 6, quizPassed: 5, reflectionsIn: 4, complete: 3 });
  });

  it("is the same for an admin and a 404 for another instructor or a learner", async () => {
    const f = await getCohortFunnel({ actor: s.admin, cohortId: s.cohortId, assignmentId: s.assignmentId });
    expect(f.complete).toBe(3);
    const stranger = await makeUser({ role: "instructor" });
    await expectNotFound(getCohortFunnel({ actor: stranger, cohortId: s.cohortId, assignmentId: s.assignmentId }));
    const learner = await makeUser({ role: "learner" });
    await expectNotFound(getCohortCompletionTrend({ actor: learner, cohortId: s.cohortId, assignmentId: s.assignmentId }));
  });
});

describe("the cohort page's charts", () => {
  it("pick the assignment the table shows and load both, or nothing while none is assigned", async () => {
    const charts = await getCohortCharts({ actor: s.instructor, cohortId: s.cohortId });
    expect(charts?.assignment.id).toBe(s.assignmentId);
    expect(charts?.funnel.complete).toBe(3);
    expect(charts?.trend).toHaveLength(4);
    const empty = await makeCohort({ instructorIds: [s.instructor.id] });
    expect(await getCohortCharts({ actor: s.instructor, cohortId: empty.id })).toBeNull();
  });
});

describe("completion trend", () => {
  it("has every week of the window, widened to a late completion, zeros filled in", async () => {
    const t = await getCohortCompletionTrend({ actor: s.instructor, cohortId: s.cohortId, assignmentId: s.assignmentId });
    expect(t).toEqual([
      { week: "2026-11-02", completions: 0 },
      { week: "2026-11-09", completions: 2 },
      { week: "2026-11-16", completions: 0 },
      { week: "2026-11-23", completions: 1 },
    ]);
  });
});

describe("completions in a week (the organisation chart's drill-down)", () => {
  const filters = readReportFilters({}).filters;

  it("lists the week's completions of active learners across cohorts, earliest first", async () => {
    const w = await listCompletionsInWeek({ actor: s.admin, week: "2026-11-09", filters });
    expect(w.total).toBe(3);
    expect(w.rows.map((r) => r.name)).toEqual(["Sam Funnel", "Tia Funnel", "Wes Other"]);
    expect(w.rows[0]).toMatchObject({ cohortName: "Funnel Cohort", completedAt: d("2026-11-10") });
  });

  it("pages, and keeps the overview's filters", async () => {
    const p2 = await listCompletionsInWeek({ actor: s.admin, week: "2026-11-09", filters, page: 2, pageSize: 2 });
    expect(p2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(p2.rows.map((r) => r.name)).toEqual(["Wes Other"]);
    const { filters: late } = readReportFilters({ status: "complete_late" });
    const l = await listCompletionsInWeek({ actor: s.admin, week: "2026-11-23", filters: late });
    expect(l.rows.map((r) => r.name)).toEqual(["Uma Funnel"]);
  });

  it("refuses a day that is not a Monday, and anyone but an admin", async () => {
    await expect(listCompletionsInWeek({ actor: s.admin, week: "2026-11-10", filters })).rejects.toThrow();
    await expect(listCompletionsInWeek({ actor: s.instructor, week: "2026-11-09", filters })).rejects.toThrow();
  });
});

describe("learner rows carry the progress bar's numbers", () => {
  it("sections, quiz and reflections per learner, totals from their module version", async () => {
    const { rows } = await listCohortLearners({ actor: s.instructor, cohortId: s.cohortId, assignmentId: s.assignmentId });
    const by = Object.fromEntries(rows.map((r) => [r.name.split(" ")[0], r]));
    expect(s.sections).toBeGreaterThan(2);
    expect(by.Nia).toMatchObject({ sectionsRead: 0, sectionsTotal: s.sections, quizPassed: false, reflections: 0, reflectionsTotal: 3 });
    expect(by.Pat).toMatchObject({ sectionsRead: 2, quizPassed: false });
    expect(by.Ros).toMatchObject({ sectionsRead: 5, quizPassed: true, reflections: 3, reflectionsTotal: 3 });
  });
});
