import { z } from "zod";
import { learnerRoute, json } from "@/app/_edge/learner-route";
import { submitReflection } from "@/lib/learning/reflections/drafts";

const schema = z.object({ body: z.string(), version: z.number().int().min(0) });

/** Submit a reflection with its final text: `{ body, version }`. Locks it until an instructor asks for a revision. */
export async function POST(req: Request, ctx: { params: Promise<{ progressId: string; promptId: string }> }) {
  const { progressId, promptId } = await ctx.params;
  return learnerRoute(req, schema, async ({ body, version }, user) =>
    json(await submitReflection({ learner: user, progressId, promptId, body, baseVersion: version })),
  );
}
