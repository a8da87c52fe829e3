"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, refuseForeignAction, type ActionState } from "@/app/_edge/action";
import { getCurrentUser } from "@/app/_edge/session";
import { joinCohortWithInvite, signUpWithInvite } from "@/lib/cohorts/invite-links";
import { clientIp } from "@/lib/platform/http/request";

/** A signed-in learner joins with one click. */
export async function joinAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const foreign = await refuseForeignAction();
  if (foreign) return { ok: false, message: foreign };
  const user = await getCurrentUser();
  const token = String(formData.get("token") ?? "");
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`);
  try {
    await joinCohortWithInvite({ user, token, ip: await clientIp() });
  } catch (e) {
    if (e instanceof ActionError) return { ok: false, message: e.message };
    throw e;
  }
  redirect("/learn");
}

const signUpSchema = z
  .object({ token: z.string().min(1), name: z.string(), email: z.string(), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

/**
 * Someone without an account makes one through the invite and is enrolled.
 * The browser then signs in with what was typed (next-auth credentials).
 */
export async function signUpAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState<{ email: string }>> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const foreign = await refuseForeignAction();
  if (foreign) return { ok: false, message: foreign, values };
  if (await getCurrentUser()) return { ok: false, message: "You are already signed in. Reload the page to join with your account.", values };
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
  }
  try {
    const r = await signUpWithInvite({ ...parsed.data, ip: await clientIp() });
    return { ok: true, data: { email: r.email } };
  } catch (e) {
    if (e instanceof ActionError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    throw e;
  }
}
