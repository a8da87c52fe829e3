import type { ReactNode } from "react";
import { shellWidth } from "./brand";
import { Logo } from "./logo";
import { cx } from "./ui/cx";

/**
 * Frame of a public page (no sign-in): the same header bar and logo as the
 * signed-in pages, then one narrow column. /verify/<code> is plain HTML and
 * draws the same frame itself (app/verify/verify-html.ts).
 */
export function PublicShell({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className={cx(shellWidth, "flex h-14 items-center")}>
          <Logo />
        </div>
      </header>
      <main id="main" className={cx("mx-auto w-full max-w-xl flex-1 px-4 py-10", className)}>
        {children}
      </main>
    </div>
  );
}
