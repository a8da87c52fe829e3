"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, refuseForeignAction, type ActionState } from "@/app/_edge/action";
import { requireUser } from "@/app/_edge/session";
import { secureCookies, sessionCookieName } from "@/app/_edge/auth-options";
import { changePassword, PasswordChangeError } from "@/lib/accounts/password-change";
import { signOutEverywhere } from "@/lib/accounts/sessions";
import { clientIp } from "@/lib/platform/http/request";

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string().min(1, "Choose a new password."),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two new passwords are not the same." });

/**
 * Written without formAction's `values`: typed passwords are never sent back
 * to the browser, not even to refill the form.
 */
export async function changeOwnPassword(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const foreign = await refuseForeignAction();
  if (foreign) return { ok: false, message: foreign };
  const user = await requireUser("/account");
  const parsed = passwordForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
  }
  try {
    const { otherSessionsEnded } = await changePassword({
      user,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      ip: await clientIp(),
    });
    return {
      ok: true,
      message:
        otherSessionsEnded > 0
          ? `Your password is changed. ${otherSessionsEnded} other ${otherSessionsEnded === 1 ? "session was" : "sessions were"} signed out.`
          : "Your password is changed.",
    };
  } catch (e) {
    if (e instanceof PasswordChangeError) return { ok: false, message: e.message, fieldErrors: { [e.field]: e.message } };
    throw e;
  }
}

export const signOutEverywhereAction = formAction(
  { roles: ["admin", "instructor", "learner"], schema: z.object({}) },
  async (_input, user) => {
    await signOutEverywhere({ actor: user, userId: user.id, ip: await clientIp() });
    // this browser's cookie names an ended session now; remove it too
    (await cookies()).set(sessionCookieName(), "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies() });
    redirect("/signin");
  },
);
