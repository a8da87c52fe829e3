/**
 * Whether a learner may work on an assignment now. Past the due date it
 * stays open (the work counts as late); it closes when the cohort is
 * archived or the learner is removed from it.
 */
export type AssignmentWindow = "not_open" | "open" | "closed";

export function assignmentWindow(
  a: { opensAt: Date; cohortStatus: "active" | "archived"; enrolmentStatus: "active" | "removed" | null },
  now: Date = new Date(),
): AssignmentWindow {
  if (a.cohortStatus !== "active" || a.enrolmentStatus !== "active") return "closed";
  if (now < a.opensAt) return "not_open";
  return "open";
}

export const windowMessages: Record<Exclude<AssignmentWindow, "open">, string> = {
  not_open: "This assignment is not open yet. Your instructor has set the date it opens.",
  closed: "This assignment is closed, so it can no longer be changed. Your saved work is kept.",
};
