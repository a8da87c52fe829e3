"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { resetQuizAttempts } from "@/lib/learning/quiz/attempt-reset";
import { clientIp } from "@/app/_edge/http";

export const resetAttemptsAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({ cohortId: z.string().min(1), progressId: z.string().min(1), reason: z.string().default("") }),
  },
  async ({ cohortId, progressId, reason }, user) => {
    const r = await resetQuizAttempts({ actor: user, cohortId, progressId, reason, ip: await clientIp() });
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    redirect(`/instructor/cohorts/${cohortId}/learners/${r.progress.userId}?reset=${r.resetCount}`);
  },
);
