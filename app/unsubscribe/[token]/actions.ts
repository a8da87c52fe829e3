"use server";

import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { getDb } from "@/db/client";
import { notificationKinds } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { setEmailPreference } from "@/lib/notifications/worker";
import { env } from "@/lib/platform/env";
import { invalid } from "@/lib/platform/errors";

/** The footer link's button: the signed token decides whose email, and which kind, turns off. */
export const unsubscribeAction = formAction(
  { permission: "public", schema: z.object({ token: z.string().min(1).max(500) }) },
  async ({ token }) => {
    const target = readUnsubscribeToken(env().NEXTAUTH_SECRET ?? "", token);
    if (!target) throw invalid("This unsubscribe link is not valid.");
    await setEmailPreference(getDb(), target.userId, target.kind, false);
    return {
      message: `Done. You will no longer get emails for: ${notificationKinds[target.kind].label}. You can turn them back on in Cohort under Email choices.`,
    };
  },
);
