import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { cx } from "./cx";

export type Crumb = { label: string; href?: string };

/**
 * Where a deep page sits: "My cohorts › Evening cohort › Jordan Lee". The
 * last crumb is the page itself (aria-current, not a link); the others link
 * up. Long names are cut with an ellipsis (full name in the title) so the
 * trail wraps instead of widening a phone's page.
 */
export function Breadcrumbs({ items, className }: { items: Crumb[]; className?: string }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className={cx("text-sm", className)} data-testid="breadcrumbs">
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1 gap-y-1 text-slate-700">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`} className="flex min-w-0 max-w-full items-center gap-1">
              {i > 0 && <ChevronRight aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-400" />}
              {last || !c.href ? (
                <span aria-current={last ? "page" : undefined} className="truncate font-medium text-slate-900" title={c.label}>
                  {c.label}
                </span>
              ) : (
                <Link href={c.href} className="truncate text-brand-700 underline underline-offset-2 hover:text-brand-800" title={c.label}>
                  {c.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
