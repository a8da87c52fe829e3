import { Bell } from "lucide-react";
import Link from "next/link";
import { unreadCount } from "@/lib/notifications/inbox";

/**
 * The bell in the header: a link to /notifications named with the unread
 * count ("Notifications, 3 unread"); the badge shows only above zero. One
 * small indexed count per page render.
 */
export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await unreadCount({ userId });
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      <Bell aria-hidden="true" className="h-5 w-5" />
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
