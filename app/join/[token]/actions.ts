"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp, signInUrl } from "@/app/_edge/http";
import { joinCohortWithInvite, signUpWithInvite } from "@/lib/cohorts/invite-links";

const token = z.string();

/** A signed-in learner joins with one click; signed out, they sign in and come back to the link. */
export const joinAction = formAction({ permission: "public", schema: z.object({ token }) }, async ({ token }, user) => {
  if (!user) redirect(signInUrl(`/join/${token}`));
  await joinCohortWithInvite({ user, token, ip: await clientIp() });
  redirect("/learn");
});

const signUpSchema = z
  .object({ token: token.min(1), name: z.string(), email: z.string(), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

/**
 * Someone without an account makes one through the invite and is enrolled.
 * The browser then signs in with what was typed (next-auth credentials).
 */
export const signUpAction = formAction(
  { permission: "public", schema: signUpSchema },
  async ({ confirm: _confirm, ...input }, user, formData) => {
    if (user) {
      const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
      return { ok: false, message: "You are already signed in. Reload the page to join with your account.", values };
    }
    const r = await signUpWithInvite({ ...input, ip: await clientIp() });
    return { data: { email: r.email } };
  },
);
