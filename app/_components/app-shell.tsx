import Link from "next/link";
import type { CurrentUser } from "@/app/_edge/session";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

const nav: Record<CurrentUser["role"], { href: string; label: string }[]> = {
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/users", label: "People" },
    { href: "/admin/item-analysis", label: "Item analysis" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/settings", label: "Settings" },
  ],
  instructor: [
    { href: "/instructor", label: "My cohorts" },
    { href: "/instructor/reviews", label: "Reviews" },
  ],
  learner: [
    { href: "/learn", label: "My training" },
    { href: "/learn/record", label: "Training record" },
  ],
};

/** Page frame for signed-in areas: header with the role's navigation, the notification bell and sign-out. */
export function AppShell({
  user,
  children,
  wide = false,
  links,
}: {
  user: CurrentUser;
  children: React.ReactNode;
  wide?: boolean;
  links?: { href: string; label: string }[];
}) {
  const items = links ?? nav[user.role];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className={`mx-auto flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 ${wide ? "max-w-7xl" : "max-w-5xl"}`}>
          <Link href="/" className="text-lg font-bold text-brand-800">
            Cohort
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-4 text-sm">
            {items.map((l) => (
              <Link key={l.href} href={l.href} className="font-medium text-slate-700 hover:text-brand-700">
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell userId={user.id} />
            <Link href="/account" className="text-slate-700 hover:text-brand-700" data-testid="signed-in-as">
              {user.name} <span className="text-slate-500">({user.role})</span>
              <span className="sr-only"> — your account</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto px-4 py-6 ${wide ? "max-w-7xl" : "max-w-5xl"}`}>
        {children}
      </main>
    </div>
  );
}
