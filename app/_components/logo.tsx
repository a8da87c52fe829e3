import Link from "next/link";
import { markViewBox } from "./brand";
import { cx } from "./ui/cx";

/** The mark alone (decorative: the word next to it names the link). Same shapes as brand.ts's markShapes (brand.test.ts). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox={markViewBox} className={cx("h-8 w-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" fill="#15564c" />
      <path d="M22.4 10.2A8.5 8.5 0 1 0 22.4 21.8" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
      <circle cx="16" cy="16" r="3" fill="#a7e3d6" />
    </svg>
  );
}

/** Mark and wordmark, linking home (`/` sends each person to their own area). */
export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cx("inline-flex shrink-0 items-center gap-2 rounded-md text-lg font-bold text-brand-800", className)}>
      <LogoMark />
      <span>Cohort</span>
    </Link>
  );
}

/** Mark and wordmark without a link: the top of a page reached from an email link, before any sign-in (/join, /set-password). */
export function Wordmark({ className }: { className?: string }) {
  return (
    <p className={cx("mb-4 flex items-center gap-2 text-lg font-bold text-brand-800", className)}>
      <LogoMark />
      Cohort
    </p>
  );
}
