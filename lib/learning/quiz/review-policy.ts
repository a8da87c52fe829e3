import type { showCorrectAnswersEnum } from "@/db/schema";

/**
 * When a learner sees the answer key of a submitted attempt, set per
 * assignment (Moodle's review options are the model). Until then a result
 * shows the score, the ideas missed and why each chosen wrong option is
 * wrong, never which option is right: a retake then tests understanding
 * rather than recall, and the bank cannot be harvested attempt by attempt.
 */
export type ShowCorrectAnswers = (typeof showCorrectAnswersEnum.enumValues)[number];

export const SHOW_CORRECT_ANSWERS_DEFAULT: ShowCorrectAnswers = "after_pass_or_last_attempt";

/** The choices an instructor sees, in order, with plain labels. */
export const showCorrectAnswersChoices: { value: ShowCorrectAnswers; label: string }[] = [
  { value: "after_pass_or_last_attempt", label: "After the learner passes, or has used every attempt (recommended)" },
  { value: "after_each_attempt", label: "After every attempt, passed or not" },
  { value: "never", label: "Never" },
];

export const showCorrectAnswersLabel = (v: ShowCorrectAnswers) => showCorrectAnswersChoices.find((c) => c.value === v)!.label;

/**
 * Whether the key may be shown now: `quizPassed` — the learner has passed
 * the quiz (any counted attempt); `attemptsLeft` — attempts left under the
 * limit (null: no limit, so they are never used up).
 */
export function keyShown(setting: ShowCorrectAnswers, { quizPassed, attemptsLeft }: { quizPassed: boolean; attemptsLeft: number | null }) {
  switch (setting) {
    case "after_each_attempt":
      return true;
    case "never":
      return false;
    case "after_pass_or_last_attempt":
      return quizPassed || attemptsLeft === 0;
  }
}
