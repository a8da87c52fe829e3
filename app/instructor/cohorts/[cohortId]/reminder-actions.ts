"use server";

import { z } from "zod";
import { formAction, type ActionState } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { sendManualReminders, type ReminderOutcome } from "@/lib/notifications/manual-reminders";

const schema = z.object({
  cohortId: z.string(),
  assignmentId: z.string(),
  who: z.enum(["selected", "not_complete"], { message: "Choose who gets the reminder." }),
});

export type ReminderResult = {
  outcomes: { learnerId: string; name: string; sent: boolean; reason?: "complete" | "inactive" | "recent"; lastSentAt?: string }[];
  sent: number;
};

/** "Send a reminder now": the learners ticked in the table (learnerId, repeated) or everyone not complete. */
export const sendRemindersAction = formAction(
  { permission: "reminder.send", schema },
  async ({ cohortId, assignmentId, who }, user, formData): Promise<ActionState<ReminderResult>> => {
    const learners = who === "not_complete" ? ("not_complete" as const) : formData.getAll("learnerId").map(String);
    const { outcomes, sent, skipped } = await sendManualReminders({ actor: user, cohortId, assignmentId, learners, ip: await clientIp() });
    return {
      message: `${sent} ${sent === 1 ? "reminder" : "reminders"} sent${skipped ? `, ${skipped} skipped` : ""}.`,
      data: {
        sent,
        outcomes: outcomes.map((o: ReminderOutcome) => ({ ...o, lastSentAt: o.sent ? undefined : o.lastSentAt?.toISOString() })),
      },
    };
  },
);
