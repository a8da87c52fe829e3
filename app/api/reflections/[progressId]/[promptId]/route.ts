import { z } from "zod";
import { learnerRoute, json } from "@/app/_edge/learner-route";
import { getReflection, saveReflectionDraft } from "@/lib/learning/reflections/drafts";

type Ctx = { params: Promise<{ progressId: string; promptId: string }> };

const schema = z.object({ body: z.string(), version: z.number().int().min(0) });

/** The reflection as saved now (to load the newer text after a conflict). */
export async function GET(req: Request, ctx: Ctx) {
  const { progressId, promptId } = await ctx.params;
  return learnerRoute(req, null, async (_input, user) => json(await getReflection({ learner: user, progressId, promptId })));
}

/** Autosave a draft: `{ body, version }` where version is the one being edited; a stale version answers 409 with the newer text. */
export async function PUT(req: Request, ctx: Ctx) {
  const { progressId, promptId } = await ctx.params;
  return learnerRoute(req, schema, async ({ body, version }, user) =>
    json(await saveReflectionDraft({ learner: user, progressId, promptId, body, baseVersion: version })),
  );
}
