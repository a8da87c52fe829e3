"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { createLearnerAccount, enrolExistingLearner, updatePersonDetails } from "@/lib/accounts/people";
import { isUuid } from "@/lib/platform/ids";

/*
 * The admin's people actions beyond staff accounts (lib/accounts/people.ts
 * checks the matrix again and writes the audit entries). Fields are checked
 * there too, so a message lands next to its field whoever calls.
 */

const userId = z.string().refine(isUuid, "Unknown account.");

export const updatePersonDetailsAction = formAction(
  { permission: "users.manage", schema: z.object({ userId, name: z.string(), email: z.string() }) },
  async ({ userId, name, email }, user) => {
    const r = await updatePersonDetails({ actor: user, userId, name, email, ip: await clientIp() });
    revalidatePath(`/admin/users/${userId}`);
    revalidatePath("/admin/users");
    if (!r.changed) return { message: "Nothing changed." };
    return {
      message: r.emailChanged
        ? "Saved. They now sign in with the new email; both addresses were told, and open set-password links ended."
        : "Saved. They were told in Cohort and by email.",
    };
  },
);

export const createLearnerAction = formAction(
  {
    permission: "users.manage",
    schema: z.object({ name: z.string(), email: z.string(), cohortId: z.string().optional() }),
  },
  async ({ name, email, cohortId }, user) => {
    const made = await createLearnerAccount({ actor: user, name, email, cohortId: cohortId || null, ip: await clientIp() });
    revalidatePath("/admin/users");
    return {
      message: made.cohort
        ? `Account created for ${made.learner.name} and enrolled in ${made.cohort.name}. Send them this link to choose a password.`
        : `Account created for ${made.learner.name}. Send them this link to choose a password.`,
      values: {},
      data: { path: made.path, expiresAt: made.expiresAt.toISOString(), userId: made.learner.id },
    };
  },
);

export const enrolExistingLearnerAction = formAction(
  { permission: "users.manage", schema: z.object({ userId, cohortId: z.string().min(1, "Choose a cohort.") }) },
  async ({ userId, cohortId }, user) => {
    const outcome = await enrolExistingLearner({ actor: user, userId, cohortId, ip: await clientIp() });
    revalidatePath(`/admin/users/${userId}`);
    return {
      message: {
        enrolled: "Enrolled.",
        reactivated: "Back in the cohort, with their earlier work.",
        already: "Already enrolled in that cohort.",
      }[outcome],
    };
  },
);
