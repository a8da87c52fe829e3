/**
 * The completion rule, defined once: the quiz is passed (a non-reset passing
 * attempt) and every prompt's reflection has been submitted at least once.
 * lib/learning/progress/complete.ts applies it in SQL inside the completing transaction.
 */
export function meetsCompletionRule(p: { quizPassedAt: Date | null; reflectionsSubmitted: number }, promptCount: number): boolean {
  return p.quizPassedAt !== null && p.reflectionsSubmitted >= promptCount;
}
