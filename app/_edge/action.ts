import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { requireRole, type CurrentUser } from "@/app/_edge/session";
import { foreignActionProblem } from "@/lib/platform/http/origin";
import type { Role } from "@/lib/access/permissions";
import { ActionError } from "@/lib/platform/errors";

export { ActionError };

/** What every form action answers: field messages next to fields, the typed values kept. */
export type ActionState<T = unknown> = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  data?: T;
};

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/**
 * The origin check every server action makes first: a message to answer with
 * (nothing runs) when the POST did not come from one of our pages, else null.
 * Actions that do not go through formAction call it themselves.
 */
export async function refuseForeignAction(): Promise<string | null> {
  return foreignActionProblem(await headers());
}

/**
 * The one wrapper for a form's server action: checks the request came from
 * one of our pages (Origin), resolves the signed-in user and their role (404
 * otherwise), parses the form with zod, and turns failures into messages
 * while handing back what was typed so nothing is lost.
 */
export function formAction<S extends z.ZodType, R = unknown>(
  opts: { roles: Role[]; schema: S },
  body: (input: z.infer<S>, user: CurrentUser) => Promise<ActionState<R> | void>,
) {
  return async (_prev: ActionState<R> | undefined, formData: FormData): Promise<ActionState<R>> => {
    const foreign = await refuseForeignAction();
    if (foreign) return { ok: false, message: foreign };
    const user = await requireRole(opts.roles);
    const values = formValues(formData);
    const parsed = opts.schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        fieldErrors[key] ??= issue.message;
      }
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
    }
    try {
      const result = await body(parsed.data, user);
      return { ok: true, values: {}, ...(result ?? {}) };
    } catch (e) {
      if (e instanceof ActionError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
      throw e;
    }
  };
}
