"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { secureCookies, sessionCookieName } from "@/app/_edge/auth-options";
import { clientIp } from "@/app/_edge/http";
import { changePassword } from "@/lib/accounts/password-change";
import { signOutEverywhere } from "@/lib/accounts/sessions";
import { issueCalendarFeed, revokeCalendarFeed } from "@/lib/notifications/calendar-feeds";
import { setOwnTimeZone } from "@/lib/notifications/time-zone";

const passwordForm = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string().min(1, "Choose a new password."),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two new passwords are not the same." });

/** Typed passwords are never sent back to the browser, not even to refill the form (`secret`). */
export const changeOwnPassword = formAction(
  { permission: "account.own", schema: passwordForm, secret: ["currentPassword", "newPassword", "confirm"] },
  async ({ currentPassword, newPassword }, user) => {
    const { otherSessionsEnded } = await changePassword({ user, currentPassword, newPassword, ip: await clientIp() });
    return {
      message:
        otherSessionsEnded > 0
          ? `Your password is changed. ${otherSessionsEnded} other ${otherSessionsEnded === 1 ? "session was" : "sessions were"} signed out.`
          : "Your password is changed.",
    };
  },
);

export const signOutEverywhereAction = formAction({ permission: "account.own", schema: z.object({}) }, async (_input, user) => {
  await signOutEverywhere({ actor: user, userId: user.id, ip: await clientIp() });
  // this browser's cookie names an ended session now; remove it too
  (await cookies()).set(sessionCookieName(), "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies() });
  redirect("/signin");
});

/**
 * The calendar feed section's one form: "issue" makes a new private feed URL
 * (shown once; any earlier URL stops working at once), "revoke" turns it off.
 */
export const calendarFeedAction = formAction(
  { permission: "calendar.feed", schema: z.object({ op: z.enum(["issue", "revoke"]) }) },
  async ({ op }, user) => {
    revalidatePath("/account");
    if (op === "revoke") {
      await revokeCalendarFeed({ actor: user, ip: await clientIp() });
      return { message: "Your calendar feed is turned off. Calendars subscribed to it stop updating." };
    }
    const { path } = await issueCalendarFeed({ actor: user, ip: await clientIp() });
    return { message: "Your new calendar feed URL is ready. Copy it now: it is shown only once.", data: { path } };
  },
);

/** The zone reminders go out in (9 a.m. there) and due dates show in; empty: the organization's. */
export const setTimeZoneAction = formAction(
  { permission: "account.own", schema: z.object({ timeZone: z.string().max(64).default("") }) },
  async ({ timeZone }, user) => {
    const saved = await setOwnTimeZone({ user, timeZone });
    revalidatePath("/account");
    revalidatePath("/learn");
    return {
      message: saved.timeZone
        ? `Saved: reminders now go at 9 a.m. ${saved.timeZone} time.`
        : "Saved: you use the organization's time zone.",
    };
  },
);
