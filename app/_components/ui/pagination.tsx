import Link from "next/link";

/** Previous / "Page 2 of 5" / next, as links; nothing when everything fits on one page. */
export function Pagination({
  page,
  pageCount,
  href,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 && (
        <Link className="text-brand-700 underline underline-offset-2 hover:text-brand-800" href={href(Math.min(page - 1, pageCount))}>
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link className="text-brand-700 underline underline-offset-2 hover:text-brand-800" href={href(page + 1)}>
          Next page
        </Link>
      )}
    </nav>
  );
}
