import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { page } from "@/app/_edge/page";
import { homeFor } from "@/lib/access/permissions";
import { isDemo } from "@/lib/platform/env";
import { safeReturnPath } from "@/lib/platform/http/return-path";
import { DEMO_PASSWORD, demoAccounts, demoLearners } from "@/db/seed/demo/accounts";
import { LogoMark } from "@/app/_components/logo";
import { SignInForm } from "./sign-in-form";
import { cardClasses } from "@/app/_components/ui/card";

export const metadata: Metadata = { title: "Sign in" };

// any origin works for the check (only the path is kept); ours reads best in errors
const ownOrigin = () => process.env.NEXTAUTH_URL ?? "http://localhost";

export default page({ permission: "public" }, async ({ user, query }) => {
  const returnTo = safeReturnPath(query.callbackUrl, ownOrigin());
  if (user) redirect(returnTo ?? homeFor[user.role]);
  const demo = isDemo();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="mb-1 flex items-center gap-2 text-2xl font-bold text-brand-800">
        <LogoMark className="h-9 w-9" />
        Cohort
      </h1>
      <p className="mb-6 text-slate-700">Sign in to your training.</p>
      <div className={cardClasses}>
        <SignInForm callbackUrl={returnTo} />
      </div>
      {demo && (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-heading" className="font-semibold text-amber-900">
            Demo accounts
          </h2>
          <p className="mt-1 text-amber-900">
            Every demo account uses the password <code className="rounded bg-white px-1 font-mono">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="mt-2 space-y-1 text-amber-950">
            <li>
              Admin: <code className="font-mono">{demoAccounts.admin.email}</code>
            </li>
            {demoAccounts.instructors.map((i) => (
              <li key={i.email}>
                Instructor: <code className="font-mono">{i.email}</code>
              </li>
            ))}
            <li>
              Learners: <code className="font-mono">{demoLearners[0].email}</code>,{" "}
              <code className="font-mono">{demoLearners[1].email}</code> and others
            </li>
          </ul>
        </section>
      )}
    </main>
  );
});
