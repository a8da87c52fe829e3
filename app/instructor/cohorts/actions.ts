"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { addCoInstructor, cohortFieldsSchema, createCohort, setCohortArchived, updateCohort } from "@/lib/cohorts/cohorts";

const cohortId = z.string().min(1);

export const createCohortAction = formAction({ permission: "workspace.instructor", schema: cohortFieldsSchema }, async (input, user) => {
  const cohort = await createCohort({ actor: user, ...input });
  redirect(`/instructor/cohorts/${cohort.id}`);
});

export const updateCohortAction = formAction(
  { permission: "workspace.instructor", schema: cohortFieldsSchema.extend({ cohortId }) },
  async ({ cohortId, ...input }, user) => {
    await updateCohort({ actor: user, cohortId, ...input });
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    return { message: "Saved." };
  },
);

export const archiveCohortAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, archived: z.enum(["1", "0"]) }) },
  async ({ cohortId, archived }, user) => {
    await setCohortArchived({ actor: user, cohortId, archived: archived === "1" });
    revalidatePath("/instructor");
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    return {
      message: archived === "1" ? "Cohort archived. It no longer shows in your list; every record is kept." : "Cohort is active again.",
    };
  },
);

export const addCoInstructorAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, email: z.string().trim().min(1, "Enter the instructor's email.") }) },
  async ({ cohortId, email }, user) => {
    const person = await addCoInstructor({ actor: user, cohortId, email });
    revalidatePath(`/instructor/cohorts/${cohortId}/settings`);
    return { message: `${person.name} now teaches this cohort too.` };
  },
);
