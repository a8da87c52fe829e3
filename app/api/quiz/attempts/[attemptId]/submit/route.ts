import { z } from "zod";
import { json, route } from "@/app/_edge/route";
import { submitAttempt } from "@/lib/learning/quiz/attempts";

const schema = z.object({
  answers: z
    .record(z.string().max(100), z.array(z.string().max(100)).max(20))
    .refine((a) => Object.keys(a).length <= 50, "Too many answers."),
});

/**
 * Submit an attempt: `{ answers: { [itemId]: optionId[] } }` → the score. Submitting twice answers the same result.
 * Refusals the quiz form acts on: 422 `unanswered` (with `missing` item ids), 409 `not_open` / `closed` / `attempts_used`.
 */
export const POST = route<{ attemptId: string }, typeof schema>(
  { permission: "quiz.take", kind: "api", body: schema },
  async ({ user, params, body }) => {
    const result = await submitAttempt({ learner: user, attemptId: params.attemptId, answers: body.answers });
    return json({ ...result, resultUrl: `/learn/${result.progressId}/quiz/${result.attemptId}` });
  },
);
