"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { acceptPendingEnrolment, declinePendingEnrolment } from "@/lib/cohorts/pending-enrolments";
import { clientIp } from "@/app/_edge/http";

const schema = z.object({ pendingId: z.string().min(1).max(64) });

/** "Accept" on an instructor's invitation (an existing account added to a cohort). */
export const acceptEnrolmentAction = formAction({ permission: "workspace.learner", schema }, async ({ pendingId }, user) => {
  const { cohortName } = await acceptPendingEnrolment({ learner: user, pendingId, ip: await clientIp() });
  revalidatePath("/learn");
  return { message: `You joined ${cohortName}.` };
});

export const declineEnrolmentAction = formAction({ permission: "workspace.learner", schema }, async ({ pendingId }, user) => {
  await declinePendingEnrolment({ learner: user, pendingId, ip: await clientIp() });
  revalidatePath("/learn");
  return { message: "Declined. The instructor sees nothing of your training." };
});
