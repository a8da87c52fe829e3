import type { Metadata } from "next";
import { homeFor } from "@/lib/access/permissions";
import { EmptyState } from "@/app/_components/ui/empty-state";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { listNotifications } from "@/lib/notifications/inbox";
import { markAllReadAction, openNotificationAction } from "./actions";
import { FormButton } from "./form-button";
import { buttonClasses } from "@/app/_components/ui/button";

export const metadata: Metadata = { title: "Notifications" };

export default page({ permission: "account.own" }, async ({ user, query }) => {
  const before = query.before && !Number.isNaN(Date.parse(query.before)) ? new Date(query.before) : undefined;
  const { items, nextBefore } = await listNotifications({ userId: user.id, before });
  const unread = items.some((n) => !n.readAt);
  return (
    <AppShell user={user}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        <div className="flex gap-3">
          <Link href="/notifications/preferences" className={buttonClasses({ variant: "secondary" })}>
            Email choices
          </Link>
          {unread && <FormButton action={markAllReadAction} label="Mark all as read" className={buttonClasses({ variant: "secondary" })} />}
        </div>
      </div>
      {items.length === 0 ? (
        <EmptyState
          className="mt-4"
          action={
            <>
              <Link className={buttonClasses()} href={homeFor[user.role]}>
                Back to home
              </Link>
              <Link className={buttonClasses({ variant: "secondary" })} href="/notifications/preferences">
                Choose which emails you get
              </Link>
            </>
          }
        >
          No notifications yet. Reminders, feedback and certificates show up here.
        </EmptyState>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Your notifications">
          {items.map((n) => (
            <li key={n.id} className={`p-4 ${n.readAt ? "" : "bg-brand-50"}`}>
              <FormButton action={openNotificationAction} hidden={{ notificationId: n.id }} className="text-left">
                <span className="block font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {n.readAt ? "" : <span className="sr-only">Unread: </span>}
                  {n.title}
                </span>
                <span className="mt-1 block text-slate-700">{n.body}</span>
              </FormButton>
              <p className="mt-1 text-sm text-slate-600">
                <LocalTime value={n.createdAt.toISOString()} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextBefore && (
        <p className="mt-4">
          <Link href={`/notifications?before=${encodeURIComponent(nextBefore.toISOString())}`} className="underline">
            Older notifications
          </Link>
        </p>
      )}
    </AppShell>
  );
});
