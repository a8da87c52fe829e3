"use server";

import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { getDb } from "@/db/client";
import { notificationKinds } from "@/lib/notifications/kinds";
import { unsubscribeByToken } from "@/lib/notifications/choices";
import { env } from "@/lib/platform/env";
import { invalid } from "@/lib/platform/errors";

/** The footer link's button: the signed token decides whose email, and which kind, turns off. */
export const unsubscribeAction = formAction(
  { permission: "public", schema: z.object({ token: z.string().min(1).max(500) }) },
  async ({ token }) => {
    const done = await unsubscribeByToken(getDb(), env().NEXTAUTH_SECRET ?? "", token);
    if (!done) throw invalid("This unsubscribe link is not valid.");
    return {
      message: `Done. You will no longer get emails for: ${notificationKinds[done.kind].label}. You can turn them back on in Cohort under Email choices.`,
    };
  },
);
