import { z } from "zod";
import { learnerRoute, json } from "@/app/_edge/learner-route";
import { startAttempt } from "@/lib/learning/quiz/attempts";

const schema = z.object({ progressId: z.string().max(64) });

/** Start a quiz attempt, or get the open one: `{ progressId }` → the drawn questions (no answers). */
export async function POST(req: Request) {
  return learnerRoute(req, schema, async ({ progressId }, user) => {
    const attempt = await startAttempt({ learner: user, progressId });
    return json(attempt, attempt.created ? 201 : 200);
  });
}
