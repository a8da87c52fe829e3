import "server-only";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/app/_edge/session";
import { readJsonBody } from "@/lib/platform/http/json-body";
import { foreignOriginResponse } from "@/lib/platform/http/origin";
import { LearnError } from "@/lib/learning/errors";

const noStore = { "Cache-Control": "no-store" };

export const json = (data: unknown, status = 200) => Response.json(data, { status, headers: noStore });

export const errorJson = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  json({ error: code, message, ...details }, status);

/**
 * The frame of a learner route handler: the origin check for changes, a
 * signed-in learner (anyone else: 404, as for a missing id), the JSON body
 * read with a size cap (64 KB, before parsing) and parsed with zod, and
 * LearnErrors turned into their status with a message the page can show.
 */
export async function learnerRoute<S extends z.ZodType>(
  req: Request,
  schema: S | null,
  body: (input: z.infer<S>, user: CurrentUser) => Promise<Response>,
): Promise<Response> {
  if (req.method !== "GET") {
    const refused = foreignOriginResponse(req);
    if (refused) return refused;
  }
  const user = await getCurrentUser();
  if (!user) return errorJson(401, "unauthenticated", "Your session has ended. Sign in again; your work on this page is kept.");
  if (user.role !== "learner") return errorJson(404, "not_found", "Not found.");
  let input: unknown = undefined;
  if (schema) {
    const raw = await readJsonBody(req);
    if (!raw.ok) return errorJson(raw.status, raw.code, raw.message);
    const parsed = schema.safeParse(raw.value);
    if (!parsed.success) return errorJson(400, "invalid", "The request was not in the expected form.");
    input = parsed.data;
  }
  try {
    return await body(input as z.infer<S>, user);
  } catch (e) {
    if (e instanceof LearnError) return errorJson(e.status, e.code, e.message, e.details);
    throw e;
  }
}
