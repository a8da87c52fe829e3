"use server";

import { z } from "zod";
import { refuseForeignAction, type ActionState } from "@/app/_edge/action";
import { setPasswordWithToken, TokenError } from "@/lib/accounts/set-password-links";
import { clientIp } from "@/lib/platform/http/request";

const schema = z
  .object({ token: z.string().min(1), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

export async function setPassword(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const foreign = await refuseForeignAction();
  if (foreign) return { ok: false, message: foreign, fieldErrors: { password: foreign } };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, fieldErrors: { [String(issue.path[0])]: issue.message } };
  }
  try {
    const user = await setPasswordWithToken(parsed.data.token, parsed.data.password, await clientIp());
    return { ok: true, message: "Your password is set.", data: { email: user.email } };
  } catch (e) {
    if (e instanceof TokenError) return { ok: false, fieldErrors: { password: e.message } };
    throw e;
  }
}
