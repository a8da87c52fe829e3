"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { assignModule, updateAssignmentDates, updateAssignmentQuizOptions } from "@/lib/cohorts/assignments";

const text = z.string().default("");

export const assignModuleAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({
      cohortId: z.string().min(1),
      moduleId: text,
      opensAt: text,
      dueAt: text,
      passMarkOverride: text,
      maxAttempts: text,
      // a checkbox: "on" when ticked, absent (so "") when not
      reflectionsMustBeAccepted: text,
      showCorrectAnswers: text,
      requireAllSectionsRead: text,
    }),
  },
  async ({ cohortId, ...fields }, user) => {
    await assignModule({ actor: user, cohortId, ...fields });
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    revalidatePath("/instructor");
    redirect(`/instructor/cohorts/${cohortId}/assignment?assigned=1`);
  },
);

export const updateDatesAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({ cohortId: z.string().min(1), assignmentId: z.string().min(1), opensAt: text, dueAt: text }),
  },
  async ({ cohortId, assignmentId, opensAt, dueAt }, user) => {
    await updateAssignmentDates({ actor: user, cohortId, assignmentId, opensAt, dueAt });
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    revalidatePath("/instructor");
    return { message: "Dates saved." };
  },
);

export const updateQuizOptionsAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({
      cohortId: z.string().min(1),
      assignmentId: z.string().min(1),
      showCorrectAnswers: text,
      requireAllSectionsRead: text,
    }),
  },
  async ({ cohortId, assignmentId, ...options }, user) => {
    await updateAssignmentQuizOptions({ actor: user, cohortId, assignmentId, ...options });
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    return { message: "Quiz options saved." };
  },
);
