import Link from "next/link";
import { useId, type ReactNode } from "react";
import { cx } from "./cx";

/** The look of a card, for an element Card does not render (a form, a <details>). */
export const cardClasses = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/**
 * A white panel. With a `title` it is a <section> named by its heading (h2
 * unless `level` says otherwise), with optional `description` and `actions`
 * (buttons or links at the heading's right, below it on a phone).
 */
export function Card({
  title,
  level = 2,
  description,
  actions,
  as,
  className,
  children,
  ...rest
}: {
  title?: ReactNode;
  level?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  /** the element, when not a section (titled) or div */
  as?: "div" | "section" | "li" | "article";
  className?: string;
  children?: ReactNode;
  "data-testid"?: string;
  /** names an untitled section */
  "aria-label"?: string;
}) {
  const headingId = useId();
  const Tag = as ?? (title ? "section" : "div");
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Tag className={cx(cardClasses, "min-w-0", className)} aria-labelledby={title ? headingId : undefined} {...rest}>
      {title && (
        <div className="mb-3 flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <Heading id={headingId} className={level === 2 ? "text-lg font-semibold" : "text-base font-semibold"}>
              {title}
            </Heading>
            {description && <p className="mt-1 text-sm text-slate-700">{description}</p>}
          </div>
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </Tag>
  );
}

/** One figure with its label, in a card; a list item, so a row of them is a <ul>. With `href` the whole card is a link. */
export function Stat({
  label,
  value,
  detail,
  href,
  "data-testid": testId,
}: {
  label: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
  href?: string;
  "data-testid"?: string;
}) {
  const body = (
    <>
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <span className="mt-1 block text-2xl font-bold text-slate-900 tabular-nums">{value}</span>
      {detail && <span className="mt-1 block text-xs text-slate-600">{detail}</span>}
    </>
  );
  return (
    // min-w-0: a tile in a grid shrinks to its column on a phone (a grid item is otherwise as wide as its content)
    <li className={cx(cardClasses, "min-w-0 break-words")} data-testid={testId}>
      {href ? (
        <Link href={href} className="block hover:text-brand-700">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}
