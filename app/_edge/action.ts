import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { can, type Permission } from "@/lib/access/permissions";
import { isDomainError } from "@/lib/platform/errors";
import { foreignActionProblem } from "@/lib/platform/http/origin";

/** Until every area throws DomainError (ActionError is its "invalid" kind). */
export { ActionError } from "@/lib/platform/errors";
import { fieldErrorsOf, requestPath, signInUrl } from "./http";
import { EDGE } from "./page";
import { getCurrentUser, type CurrentUser } from "./session";

/** What every form action answers: field messages next to fields, the typed values kept. */
export type ActionState<T = unknown> = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  data?: T;
};

/** Fields never sent back to the browser, whatever an action declares: a password stays where it was typed. */
const SECRET_FIELD = /password|^confirm$/i;

function formValues(formData: FormData, secret?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries())
    if (typeof v === "string" && !k.startsWith("$ACTION") && !(secret && (secret.includes(k) || SECRET_FIELD.test(k)))) out[k] = v;
  return out;
}

/** What every formAction declares; `secret` names fields (passwords) parsed but never sent back to refill the form. */
type Options<P, S> = { permission: P; schema: S; secret?: readonly string[] };

type Body<S extends z.ZodType, R, U> = (input: z.infer<S>, user: U, formData: FormData) => Promise<ActionState<R> | void>;
type FormActionFn<R> = (prev: ActionState<R> | undefined, formData: FormData) => Promise<ActionState<R>>;

/**
 * The one wrapper for a server action (a form's `action`, used with
 * useActionState). It resolves the signed-in user (signed out: to sign-in),
 * checks the permission from the matrix (anyone else: 404), parses the form
 * with zod, and turns domain errors into what the form shows: messages next to
 * fields with the typed values handed back, so nothing is lost. not_found and
 * forbidden answer 404, as pages do.
 *
 * `permission: "public"` is for forms used signed out (set a password, join by
 * invite); `user` is then null.
 */
export function formAction<S extends z.ZodType, R = unknown>(
  opts: Options<"public", S>,
  body: Body<S, R, CurrentUser | null>,
): FormActionFn<R>;
export function formAction<S extends z.ZodType, R = unknown>(opts: Options<Permission, S>, body: Body<S, R, CurrentUser>): FormActionFn<R>;
export function formAction<S extends z.ZodType, R = unknown>(
  opts: Options<Permission | "public", S>,
  body: Body<S, R, CurrentUser> | Body<S, R, CurrentUser | null>,
): FormActionFn<R> {
  const run: FormActionFn<R> = async (_prev, formData) => {
    // Next.js compares Origin with Host itself but lets a POST without Origin
    // through; browsers always send one with a server action, so nothing runs.
    const foreign = foreignActionProblem(await headers());
    if (foreign) return { ok: false, message: foreign, values: formValues(formData, opts.secret ?? []) };
    const user = await getCurrentUser();
    if (opts.permission !== "public") {
      if (!user) redirect(signInUrl(await requestPath()));
      if (!can(user.role, opts.permission)) notFound();
    }
    const parsed = opts.schema.safeParse(formValues(formData));
    const values = formValues(formData, opts.secret ?? []);
    if (!parsed.success) {
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues), values };
    }
    try {
      const result = await (body as Body<S, R, CurrentUser | null>)(parsed.data, user, formData);
      return { ok: true, values: {}, ...(result ?? {}) };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (e.code === "not_found" || e.code === "forbidden") notFound();
      return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    }
  };
  return Object.assign(run, { [EDGE]: "action" as const });
}
