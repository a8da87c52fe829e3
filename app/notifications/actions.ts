"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { markAllRead, openNotification, savePreferences } from "@/lib/notifications/inbox";

export const openNotificationAction = formAction(
  { permission: "account.own", schema: z.object({ notificationId: z.string().min(1) }) },
  async ({ notificationId }, user) => {
    const n = await openNotification({ userId: user.id, notificationId });
    redirect(n.link && n.link.startsWith("/") && !n.link.startsWith("//") ? n.link : "/notifications");
  },
);

export const markAllReadAction = formAction({ permission: "account.own", schema: z.object({}) }, async (_input, user) => {
  await markAllRead({ userId: user.id });
  revalidatePath("/", "layout");
  return { message: "All notifications marked as read." };
});

export const savePreferencesAction = formAction(
  { permission: "account.own", schema: z.object({}).passthrough() },
  async (_input, user, formData) => {
    await savePreferences({ userId: user.id, role: user.role, emailOn: new Set(formData.getAll("email").map(String)) });
    revalidatePath("/notifications/preferences");
    return { message: "Your email choices are saved." };
  },
);
