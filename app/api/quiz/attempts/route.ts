import { z } from "zod";
import { json, route } from "@/app/_edge/route";
import { startAttempt } from "@/lib/learning/quiz/attempts";

const schema = z.object({ progressId: z.string().max(64) });

/** Start a quiz attempt, or get the open one: `{ progressId }` → the drawn questions (no answers). */
export const POST = route({ permission: "quiz.take", kind: "api", body: schema }, async ({ user, body }) => {
  const attempt = await startAttempt({ learner: user, progressId: body.progressId });
  return json(attempt, attempt.created ? 201 : 200);
});
