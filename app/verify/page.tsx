import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { page } from "@/app/_edge/page";
import { normaliseCode } from "@/lib/certificates/format";
import { PublicShell } from "@/app/_components/public-shell";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { controlClasses } from "@/app/_components/ui/field";

export const metadata: Metadata = { title: "Verify a certificate", robots: { index: false } };

/** Public: type a certificate's code to check it (the result is /verify/<code>). */
export default page({ permission: "public" }, async ({ query }) => {
  const typed = query.code?.slice(0, 100);
  const code = typed ? normaliseCode(typed) : null;
  if (code) redirect(`/verify/${code}`);
  const problem =
    typed === undefined
      ? null
      : typed.trim() === ""
        ? "Enter the code printed on the certificate."
        : "A code has 16 letters and digits, like K7QM-3XRT-9FHW-2NPD. Check it and try again.";
  return (
    <PublicShell>
      <h1 className="text-2xl font-bold">Verify a certificate</h1>
      <p className="mt-2 text-slate-700">
        Enter the verification code printed at the bottom of a Cohort certificate of completion to see whether it is valid. No account is
        needed.
      </p>
      <form method="get" action="/verify" className={cx(cardClasses, "mt-6 space-y-4")} noValidate>
        <div>
          <label htmlFor="code" className="label">
            Verification code
          </label>
          <input
            id="code"
            name="code"
            className={cx(controlClasses, "w-full font-mono uppercase")}
            defaultValue={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? "code-hint code-error" : "code-hint"}
          />
          <p id="code-hint" className="mt-1 text-sm text-slate-600">
            Capital or small letters, with or without dashes and spaces.
          </p>
          {problem && (
            <p id="code-error" className="field-error">
              {problem}
            </p>
          )}
        </div>
        <Button type="submit">Check certificate</Button>
      </form>
    </PublicShell>
  );
});
