"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cx } from "./ui/cx";

export type NavItem = {
  href: string;
  label: string;
  /** a lucide icon element (decorative) */
  icon?: ReactNode;
  /** shown after the label, e.g. a count the server works out while the page renders (app-shell.tsx, CountBadge) */
  badge?: ReactNode;
};

/** The item of `items` the path is in: the longest href equal to it or a parent of it (/admin/users/x → People, not Overview). */
export function activeHref(items: { href: string }[], pathname: string): string | undefined {
  return items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]
    ?.href;
}

/**
 * The main navigation's links, the current one marked with
 * aria-current="page" (and underlined). A phone shows them in a row of their
 * own that scrolls sideways instead of widening the page.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? "";
  const current = activeHref(items, pathname);
  return (
    <ul className="flex min-w-max items-center gap-1">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cx(
                "relative inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-brand-700",
              )}
            >
              {item.icon}
              <span>{item.label}</span>
              {item.badge}
              {active && <span aria-hidden="true" className="absolute inset-x-3 -bottom-px h-0.5 rounded bg-brand-700" />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
