/**
 * The completion rule, defined once: the quiz is passed (a non-reset passing
 * attempt) and every prompt's reflection has been submitted at least once,
 * or, when the assignment says reflections must be accepted, every prompt's
 * reflection has been accepted by an instructor.
 * lib/learning/progress/complete.ts applies it in SQL inside the completing transaction.
 */
export function meetsCompletionRule(
  p: { quizPassedAt: Date | null; reflectionsSubmitted: number; reflectionsAccepted?: number },
  promptCount: number,
  reflectionsMustBeAccepted = false,
): boolean {
  if (p.quizPassedAt === null) return false;
  return reflectionsMustBeAccepted ? (p.reflectionsAccepted ?? 0) >= promptCount : p.reflectionsSubmitted >= promptCount;
}
