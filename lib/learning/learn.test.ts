import { describe, expect, it } from "vitest";
import { meetsCompletionRule } from "@/lib/learning/progress/completion-rule";
import { progressStatus } from "@/lib/learning/progress/status";
import { countWords } from "@/lib/learning/reflections/words";
import { learnerCardStatus, nextStep, quizLessonLink, type NextStepInput } from "./next-step";
import { assignmentWindow } from "./window";

const day = 86_400_000;
const now = new Date("2026-03-10T12:00:00Z");

describe("completion rule", () => {
  it("needs a passed quiz and every reflection submitted", () => {
    expect(meetsCompletionRule({ quizPassedAt: now, reflectionsSubmitted: 3 }, 3)).toBe(true);
    expect(meetsCompletionRule({ quizPassedAt: now, reflectionsSubmitted: 2 }, 3)).toBe(false);
    expect(meetsCompletionRule({ quizPassedAt: null, reflectionsSubmitted: 3 }, 3)).toBe(false);
  });
});

describe("status", () => {
  const due = { dueAt: new Date(now.getTime() + day) };
  it("not started, in progress, overdue, complete, complete (late)", () => {
    expect(progressStatus({ startedAt: null, completedAt: null }, due, now)).toBe("not_started");
    expect(progressStatus({ startedAt: now, completedAt: null }, due, now)).toBe("in_progress");
    expect(progressStatus({ startedAt: null, completedAt: null }, due, new Date(now.getTime() + 2 * day))).toBe("overdue");
    expect(progressStatus({ startedAt: now, completedAt: null }, due, new Date(now.getTime() + 2 * day))).toBe("overdue");
    expect(progressStatus({ startedAt: now, completedAt: now }, due, new Date(now.getTime() + 9 * day))).toBe("complete");
    expect(progressStatus({ startedAt: now, completedAt: new Date(now.getTime() + 2 * day) }, due)).toBe("complete_late");
  });
});

describe("assignment window", () => {
  const base = { opensAt: now, cohortStatus: "active" as const, enrolmentStatus: "active" as const };
  it("opens at opensAt, stays open past the due date, closes with the cohort or the enrolment", () => {
    expect(assignmentWindow(base, new Date(now.getTime() - 1))).toBe("not_open");
    expect(assignmentWindow(base, now)).toBe("open");
    expect(assignmentWindow(base, new Date(now.getTime() + 365 * day))).toBe("open");
    expect(assignmentWindow({ ...base, cohortStatus: "archived" }, now)).toBe("closed");
    expect(assignmentWindow({ ...base, enrolmentStatus: "removed" }, now)).toBe("closed");
    expect(assignmentWindow({ ...base, enrolmentStatus: null }, now)).toBe("closed");
  });
});

describe("next step", () => {
  const fresh: NextStepInput = {
    progressId: "p1",
    window: "open",
    completedAt: null,
    certificateId: null,
    sectionsRead: 0,
    sectionsTotal: 7,
    attemptsCount: 0,
    maxAttempts: null,
    hasOpenAttempt: false,
    quizPassed: false,
    reflectionsSubmitted: 0,
    reflectionsTotal: 3,
    revisionsRequested: 0,
  };
  const step = (p: Partial<NextStepInput>) => nextStep({ ...fresh, ...p });

  it("walks the learner through lesson, quiz, reflections, certificate", () => {
    expect(step({})).toMatchObject({ label: "Start the lesson", href: "/learn/p1/lesson" });
    expect(step({ sectionsRead: 3 })).toMatchObject({ label: "Continue the lesson" });
    expect(step({ sectionsRead: 7 })).toMatchObject({ label: "Take the quiz", href: "/learn/p1/quiz" });
    expect(step({ sectionsRead: 7, hasOpenAttempt: true })).toMatchObject({ label: "Continue the quiz" });
    expect(step({ sectionsRead: 2, attemptsCount: 1 })).toMatchObject({ label: "Retake the quiz" });
    expect(step({ attemptsCount: 3, maxAttempts: 3 }).note).toMatch(/used all your quiz attempts/);
    expect(step({ quizPassed: true, attemptsCount: 1, reflectionsSubmitted: 1 })).toMatchObject({
      label: "Write your reflections",
      href: "/learn/p1/reflections",
    });
    expect(step({ quizPassed: true, revisionsRequested: 1 })).toMatchObject({ label: "Revise your reflection" });
    expect(step({ completedAt: now, certificateId: "c1" })).toMatchObject({ label: "View your certificate", href: "/certificates/c1" });
  });

  it("has no button before the assignment opens and a review link once closed", () => {
    expect(step({ window: "not_open" })).toMatchObject({ href: null });
    expect(step({ window: "closed" })).toMatchObject({ label: "Review your work", href: "/learn/p1" });
  });

  it("never shows Complete next to Revise your reflection: a requested revision is the card's status while it can be acted on", () => {
    const completed = { completedAt: now, certificateId: "c1", quizPassed: true, reflectionsSubmitted: 2, revisionsRequested: 1 };
    expect(step(completed)).toMatchObject({ label: "Revise your reflection" });
    expect(learnerCardStatus({ status: "complete", revisionsRequested: 1, window: "open" })).toBe("revision_requested");
    expect(learnerCardStatus({ status: "complete_late", revisionsRequested: 1, window: "open" })).toBe("revision_requested");
    expect(learnerCardStatus({ status: "complete", revisionsRequested: 0, window: "open" })).toBe("complete");
    expect(learnerCardStatus({ status: "complete", revisionsRequested: 1, window: "closed" })).toBe("complete");
  });

  it("the quiz intro asks to read the lesson only while a section is unread", () => {
    const intro = (p: Partial<Parameters<typeof quizLessonLink>[0]>) =>
      quizLessonLink({ sectionsRead: 0, sectionsTotal: 7, attemptsCount: 0, quizPassed: false, ...p });
    expect(intro({})).toBe("Read the lesson first");
    expect(intro({ sectionsRead: 6 })).toBe("Read the lesson first");
    expect(intro({ sectionsRead: 7 })).toBe("Review the lesson");
    expect(intro({ sectionsRead: 7, attemptsCount: 1 })).toBeNull();
    expect(intro({ sectionsRead: 7, quizPassed: true })).toBeNull();
  });
});

describe("countWords", () => {
  it("counts words, not spaces or punctuation", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n ")).toBe(0);
    expect(countWords("I can't say no — it's hard.")).toBe(6);
    expect(countWords("well-known  peer\nsupport, 24/7!")).toBe(5);
    expect(countWords("Él habló con señora Núñez")).toBe(5);
  });
});
