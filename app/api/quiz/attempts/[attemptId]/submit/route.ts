import { z } from "zod";
import { learnerRoute, json } from "@/app/_edge/learner-route";
import { submitAttempt } from "@/lib/learning/quiz/attempts";

const schema = z.object({
  answers: z.record(z.string().max(100), z.array(z.string().max(100)).max(20)).refine((a) => Object.keys(a).length <= 50, "Too many answers."),
});

/** Submit an attempt: `{ answers: { [itemId]: optionId[] } }` → the score. Submitting twice answers the same result. */
export async function POST(req: Request, ctx: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await ctx.params;
  return learnerRoute(req, schema, async ({ answers }, user) => {
    const result = await submitAttempt({ learner: user, attemptId, answers });
    return json({ ...result, resultUrl: `/learn/${result.progressId}/quiz/${result.attemptId}` });
  });
}
