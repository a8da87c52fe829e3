import Link from "next/link";
import { Children, useId, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { cx } from "./cx";
import { EmptyState } from "./empty-state";

export type SortDir = "asc" | "desc";

export type Column<K extends string = string> = {
  key: K;
  label: ReactNode;
  /** right-aligned, with figures of equal width */
  numeric?: boolean;
  /** with `sort` on the table every column sorts unless this is false */
  sortable?: boolean;
  className?: string;
};

/** The sort the URL asks for, and how to write the URL of another one. */
export type TableSort<K extends string = string> = {
  by: K;
  dir: SortDir;
  href: (by: K, dir: SortDir) => string;
};

const cellPadding = "px-3 py-2";

/**
 * A data table. It scrolls sideways inside its own region (focusable and
 * named by the caption, so a keyboard can scroll it and axe is satisfied)
 * instead of widening the page on a phone. Headers come from `columns`; with
 * `sort`, they are links to the same page sorted by that column (the current
 * one marked with aria-sort and an arrow). Rows are the children (`Tr`/`Td`),
 * as an array; when there are none, `empty` is shown instead of the table
 * (a string becomes an EmptyState; pass an EmptyState for a next action).
 */
export function Table<K extends string>({
  caption,
  showCaption = false,
  columns,
  sort,
  empty,
  stickyHeader = false,
  framed = true,
  regionClassName,
  className,
  children,
  ...rest
}: Omit<ComponentPropsWithoutRef<"table">, "children"> & {
  /** says what the rows are; read first by screen readers, and names the scroll region */
  caption: string;
  showCaption?: boolean;
  columns: Column<K>[];
  sort?: TableSort<K>;
  empty?: ReactNode;
  /** keeps the header in view when the region has a max height (regionClassName) */
  stickyHeader?: boolean;
  /** a border and white ground around the region; false inside a card */
  framed?: boolean;
  regionClassName?: string;
  children: ReactNode;
}) {
  const captionId = useId();
  if (empty !== undefined && Children.toArray(children).length === 0) {
    return typeof empty === "string" ? <EmptyState>{empty}</EmptyState> : <>{empty}</>;
  }
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      // relative: the sr-only texts in the headers are positioned absolutely and
      // would otherwise be placed against the page, widening it on a phone
      className={cx("relative overflow-x-auto", framed && "rounded-lg border border-slate-200 bg-white", regionClassName)}
    >
      <table className={cx("w-full border-collapse text-sm", className)} {...rest}>
        <caption id={captionId} className={showCaption ? "px-3 py-2 text-left font-semibold" : "sr-only"}>
          {caption}
          {sort && !showCaption && "; column headers sort the table"}
        </caption>
        <thead className={cx("bg-slate-50 text-left", stickyHeader && "sticky top-0 z-10")}>
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} sort={sort && c.sortable !== false ? sort : undefined} />
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function HeaderCell<K extends string>({ column, sort }: { column: Column<K>; sort?: TableSort<K> }) {
  const active = sort?.by === column.key;
  const dir = sort?.dir;
  const nextDir: SortDir = active && dir === "asc" ? "desc" : "asc";
  const words = (d: SortDir | undefined) => (d === "asc" ? "ascending" : "descending");
  return (
    <th
      scope="col"
      className={cx(cellPadding, "font-semibold whitespace-nowrap text-slate-800", column.numeric && "text-right", column.className)}
      aria-sort={active ? words(dir) : undefined}
    >
      {sort ? (
        <Link
          className="underline decoration-slate-300 underline-offset-4 hover:text-brand-700 hover:decoration-brand-700"
          href={sort.href(column.key, nextDir)}
        >
          {column.label}
          <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
          <span className="sr-only">{active ? `, sorted ${words(dir)}; sort ${words(nextDir)}` : ", sort"}</span>
        </Link>
      ) : (
        column.label
      )}
    </th>
  );
}

/** A body row; pass data-testid and the like through. */
export function Tr({ className, ...rest }: ComponentPropsWithoutRef<"tr">) {
  return <tr className={cx("border-b border-slate-100 align-top last:border-b-0", className)} {...rest} />;
}

/** A body cell; `numeric` right-aligns it with figures of equal width. */
export function Td({ numeric = false, className, ...rest }: ComponentPropsWithoutRef<"td"> & { numeric?: boolean }) {
  return <td className={cx(cellPadding, numeric && "text-right tabular-nums", className)} {...rest} />;
}

/** A cell that names its row (the learner, the cohort): a <th scope="row">. */
export function RowHeader({ className, ...rest }: ComponentPropsWithoutRef<"th">) {
  return <th scope="row" className={cx(cellPadding, "text-left font-normal", className)} {...rest} />;
}
