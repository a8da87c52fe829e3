import { BarChart3, ClipboardCheck, FileClock, GraduationCap, LayoutDashboard, Mail, NotebookPen, Settings, Users } from "lucide-react";
import type { CurrentUser } from "@/app/_edge/session";
import { countReviewsWaiting } from "@/lib/learning/review-count";
import { shellWidth } from "./brand";
import { Logo } from "./logo";
import { NavLinks, type NavItem } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { Breadcrumbs, type Crumb } from "./ui/breadcrumbs";
import { UserMenu } from "./user-menu";

const icon = "h-4 w-4 shrink-0";

const nav: Record<CurrentUser["role"], NavItem[]> = {
  admin: [
    { href: "/admin", label: "Overview", icon: <LayoutDashboard aria-hidden="true" className={icon} /> },
    { href: "/admin/users", label: "People", icon: <Users aria-hidden="true" className={icon} /> },
    { href: "/admin/item-analysis", label: "Item analysis", icon: <BarChart3 aria-hidden="true" className={icon} /> },
    { href: "/admin/messages", label: "Messages", icon: <Mail aria-hidden="true" className={icon} /> },
    { href: "/admin/audit", label: "Audit log", icon: <FileClock aria-hidden="true" className={icon} /> },
    { href: "/admin/settings", label: "Settings", icon: <Settings aria-hidden="true" className={icon} /> },
  ],
  instructor: [
    { href: "/instructor", label: "My cohorts", icon: <Users aria-hidden="true" className={icon} /> },
    { href: "/instructor/reviews", label: "Reviews", icon: <ClipboardCheck aria-hidden="true" className={icon} /> },
  ],
  learner: [
    { href: "/learn", label: "My training", icon: <GraduationCap aria-hidden="true" className={icon} /> },
    { href: "/learn/record", label: "Training record", icon: <NotebookPen aria-hidden="true" className={icon} /> },
  ],
};

/**
 * Page frame for signed-in areas: the logo, the role's navigation (the
 * current item marked, Reviews with its count), the notification bell and
 * the user menu; then breadcrumbs (deep pages) and the page. One width on
 * every page. On a phone the navigation takes a row of its own that scrolls
 * sideways, so the page never does.
 */
export function AppShell({
  user,
  children,
  links,
  breadcrumbs,
}: {
  user: CurrentUser;
  children: React.ReactNode;
  /** no longer changes anything: every page has the same width (kept so pages that pass it compile) */
  wide?: boolean;
  links?: NavItem[];
  /** where a deep page sits: [{ label: "My cohorts", href: "/instructor" }, { label: cohort.name }] */
  breadcrumbs?: Crumb[];
}) {
  // the count is its own server component, so the page renders while it is worked out (as the bell's is)
  const items = (links ?? nav[user.role]).map((i) =>
    i.href === "/instructor/reviews" ? { ...i, badge: <ReviewsWaiting href={i.href} actor={user} /> } : i,
  );
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className={`${shellWidth} flex flex-wrap items-center gap-x-4 md:flex-nowrap`}>
          <div className="flex h-14 items-center">
            <Logo />
          </div>
          {/* a phone: a full-width second row that scrolls sideways; wider: between the logo and the menu */}
          <nav
            aria-label="Main"
            className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto border-t border-slate-100 px-3 py-1 sm:-mx-6 sm:w-[calc(100%+3rem)] sm:px-5 md:order-none md:mx-0 md:w-auto md:flex-1 md:border-0 md:px-0"
          >
            <NavLinks items={items} />
          </nav>
          <div className="ml-auto flex h-14 items-center gap-1 md:ml-0">
            <NotificationBell userId={user.id} />
            <UserMenu name={user.name} role={user.role} />
          </div>
        </div>
      </header>
      <main id="main" className={`${shellWidth} flex-1 py-6`}>
        {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} className="mb-4" />}
        {children}
      </main>
    </div>
  );
}

/**
 * The Reviews item's count: a badge, and for screen readers "(3 waiting)"
 * after the label, so the link reads "Reviews (3 waiting)" (the browser puts
 * a space between the label and this out-of-flow text, which made ", 3
 * waiting" read "Reviews , 3 waiting"). None at 0.
 */
async function ReviewsWaiting({ href, actor }: { href: string; actor: CurrentUser }) {
  const n = await countReviewsWaiting({ actor });
  if (!n) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums"
        data-testid={`nav-count-${href}`}
      >
        {n > 99 ? "99+" : n}
      </span>
      <span className="sr-only">{`(${n} waiting)`}</span>
    </>
  );
}
