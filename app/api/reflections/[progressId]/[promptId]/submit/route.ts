import { z } from "zod";
import { json, route } from "@/app/_edge/route";
import { submitReflection } from "@/lib/learning/reflections/drafts";

const schema = z.object({ body: z.string(), version: z.number().int().min(0) });

/**
 * Submit a reflection with its final text: `{ body, version }`. Locks it until an instructor asks for a revision.
 * Too few words: 422 `too_short`; a stale version or a locked reflection: 409 `conflict` / `locked`, as for autosave.
 */
export const POST = route<{ progressId: string; promptId: string }, typeof schema>(
  { permission: "reflection.write", kind: "api", body: schema },
  async ({ user, params, body }) => json(await submitReflection({ learner: user, ...params, body: body.body, baseVersion: body.version })),
);
