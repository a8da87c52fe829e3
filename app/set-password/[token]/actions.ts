"use server";

import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { setPasswordWithToken } from "@/lib/accounts/set-password-links";

const schema = z
  .object({ token: z.string().min(1), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

/** Public: the link is the credential. A weak password or a link that no longer works shows next to the password field. */
export const setPassword = formAction(
  { permission: "public", schema, secret: ["token", "password", "confirm"] },
  async ({ token, password }) => {
    const user = await setPasswordWithToken(token, password, await clientIp());
    return { message: "Your password is set.", data: { email: user.email } };
  },
);
