import { z } from "zod";
import { json, route } from "@/app/_edge/route";
import { getReflection, saveReflectionDraft } from "@/lib/learning/reflections/drafts";

type Params = { progressId: string; promptId: string };

const schema = z.object({ body: z.string(), version: z.number().int().min(0) });

/** The reflection as saved now (to load the newer text after a conflict). */
export const GET = route<Params>({ permission: "reflection.write", kind: "api" }, async ({ user, params }) =>
  json(await getReflection({ learner: user, ...params })),
);

/**
 * Autosave a draft: `{ body, version }` where version is the one being edited. The reflection editor acts on
 * 409 `conflict` (a stale version; `current` holds the newer text) and 409 `locked` (submitted, not open for revision).
 */
export const PUT = route<Params, typeof schema>(
  { permission: "reflection.write", kind: "api", body: schema },
  async ({ user, params, body }) =>
    json(await saveReflectionDraft({ learner: user, ...params, body: body.body, baseVersion: body.version })),
);
