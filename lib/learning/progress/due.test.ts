/**
 * The learner's due date has one definition (due.ts): an extension, else the
 * assignment's date. A module that reads the assignment's date directly must
 * be one that means the cohort's date (editing it, the cohort's next date,
 * the instructor's calendar, the reminder preview) and is listed here with
 * the reason; anything else reading it would count someone with an
 * extension as overdue.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { effectiveDue } from "./due";
import { progressStatus } from "./status";

const LIB = path.resolve(import.meta.dirname, "../..");

const COHORT_DATE_READERS: Record<string, string> = {
  "learning/progress/due.ts": "the definition",
  "cohorts/assignments.ts": "creates and edits the assignment's dates",
  "cohorts/extensions.ts": "compares an extension with the assignment's dates",
  "cohorts/cohorts.ts": "the cohort's next due date on the instructor's home",
  "notifications/calendar.ts": "the instructor's feed: one event per cohort assignment",
  "notifications/manual-reminders.ts": "the preview in the instructor's view (each learner's text is composed with their own date)",
  "reports/learner-detail.ts": "shows the cohort's date next to the extension",
  "reports/organisation.ts": "the cohort row's first and last assignment due dates",
  "learning/own-progress.ts": "the cohort's date next to the learner's own (cohortDueAt)",
  "reports/cohort-funnel.ts": "the completion trend's window runs to the cohort's due week (or the last completion)",
  "reports/cohort-progress.ts": "only the column's decoder (mapWith) for the learner's own date",
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("the learner's due date", () => {
  it("is read through due.ts everywhere but the listed cohort-date readers", () => {
    const readers = walk(LIB)
      .filter((f) => /assignments\.dueAt|\ba\.due_at\b/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(LIB, f).split(path.sep).join("/"))
      .sort();
    expect(readers).toEqual(Object.keys(COHORT_DATE_READERS).sort());
  });

  it("is the extension when there is one, else the assignment's", () => {
    const cohort = new Date("2026-12-01T17:00:00Z");
    const own = new Date("2026-12-12T17:00:00Z");
    expect(effectiveDue({ dueAtOverride: own }, { dueAt: cohort })).toEqual(own);
    expect(effectiveDue({ dueAtOverride: null }, { dueAt: cohort })).toEqual(cohort);
    const now = new Date("2026-12-05T00:00:00Z");
    expect(
      progressStatus({ completedAt: null, startedAt: null }, { dueAt: effectiveDue({ dueAtOverride: own }, { dueAt: cohort }) }, now),
    ).toBe("not_started");
    expect(progressStatus({ completedAt: null, startedAt: null }, { dueAt: cohort }, now)).toBe("overdue");
  });
});
