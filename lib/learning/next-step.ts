import type { AssignmentWindow } from "./window";
import type { ProgressStatus } from "./progress/status";

/** What /learn knows about one assignment; enough to pick the one next step. */
export type NextStepInput = {
  progressId: string;
  window: AssignmentWindow;
  completedAt: Date | null;
  certificateId: string | null;
  sectionsRead: number;
  sectionsTotal: number;
  attemptsCount: number;
  maxAttempts: number | null;
  hasOpenAttempt: boolean;
  quizPassed: boolean;
  reflectionsSubmitted: number;
  reflectionsTotal: number;
  revisionsRequested: number;
  /** reflections must be accepted and some of them wait for the instructor (0 when not) */
  reflectionsMustBeAccepted?: boolean;
  reviewsWaiting?: number;
};

export type NextStep = { label: string; href: string | null; note?: string };

/** The single clearest thing to do next on an assignment. */
export function nextStep(p: NextStepInput): NextStep {
  const base = `/learn/${p.progressId}`;
  if (p.completedAt) {
    if (p.revisionsRequested > 0 && p.window === "open")
      return { label: "Revise your reflection", href: `${base}/reflections`, note: "Your instructor asked for a revision." };
    return p.certificateId
      ? { label: "View your certificate", href: `/certificates/${p.certificateId}` }
      : { label: "Review your work", href: base };
  }
  if (p.window === "not_open") return { label: "Not open yet", href: null, note: "You can start when the assignment opens." };
  if (p.window === "closed") return { label: "Review your work", href: base, note: "This assignment is closed." };
  if (!p.quizPassed) {
    if (p.hasOpenAttempt) return { label: "Continue the quiz", href: `${base}/quiz` };
    if (p.sectionsRead === 0 && p.attemptsCount === 0) return { label: "Start the lesson", href: `${base}/lesson` };
    if (p.sectionsRead < p.sectionsTotal && p.attemptsCount === 0) return { label: "Continue the lesson", href: `${base}/lesson` };
    if (p.maxAttempts !== null && p.attemptsCount >= p.maxAttempts)
      return {
        label: "See your quiz results",
        href: `${base}/quiz`,
        note: "You have used all your quiz attempts. Ask your instructor about a reset.",
      };
    return { label: p.attemptsCount === 0 ? "Take the quiz" : "Retake the quiz", href: `${base}/quiz` };
  }
  if (p.revisionsRequested > 0) return { label: "Revise your reflection", href: `${base}/reflections` };
  if (p.reflectionsSubmitted < p.reflectionsTotal) return { label: "Write your reflections", href: `${base}/reflections` };
  if (p.reflectionsMustBeAccepted && (p.reviewsWaiting ?? 0) > 0)
    return {
      label: "Awaiting review",
      href: `${base}/reflections`,
      note: `${p.reviewsWaiting} reflection${p.reviewsWaiting === 1 ? "" : "s"} waiting for your instructor. Your certificate comes when all are accepted.`,
    };
  return { label: "Review your work", href: base };
}

/**
 * The link to the lesson on the quiz's start card: "Read the lesson first"
 * only while a section is unread (and no attempt was made), "Review the
 * lesson" once every section is read, nothing after the quiz is passed.
 */
export function quizLessonLink(p: {
  sectionsRead: number;
  sectionsTotal: number;
  attemptsCount: number;
  quizPassed: boolean;
}): "Read the lesson first" | "Review the lesson" | null {
  if (p.quizPassed) return null;
  if (p.sectionsRead < p.sectionsTotal) return p.attemptsCount === 0 ? "Read the lesson first" : "Review the lesson";
  return p.attemptsCount === 0 ? "Review the lesson" : null;
}

/** What a learner's card shows as its status: a revision asked for outranks "Complete" while the learner can act on it. */
export type LearnerCardStatus = ProgressStatus | "revision_requested";

export function learnerCardStatus(p: { status: ProgressStatus; revisionsRequested: number; window: AssignmentWindow }): LearnerCardStatus {
  return p.revisionsRequested > 0 && p.window === "open" && p.status !== "overdue" ? "revision_requested" : p.status;
}
