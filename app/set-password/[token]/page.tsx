import type { Metadata } from "next";
import Link from "next/link";
import { clientIp } from "@/app/_edge/http";
import { page } from "@/app/_edge/page";
import { lookupAccountToken, tokenProblemMessages, type TokenLookup } from "@/lib/accounts/set-password-links";
import { blockedUntil, keyFor } from "@/lib/accounts/throttle";
import { SetPasswordForm } from "./set-password-form";
import { Wordmark } from "@/app/_components/logo";
import { cardClasses } from "@/app/_components/ui/card";

export const metadata: Metadata = { title: "Choose a password", referrer: "no-referrer" };

export default page<{ token: string }>({ permission: "public" }, async ({ params: { token } }) => {
  // an address that tried too many bad links learns nothing more, here either (read only: a GET changes nothing)
  const blocked = await blockedUntil([keyFor("linkIp", await clientIp())]);
  const found: TokenLookup = blocked ? { ok: false, reason: "throttled" } : await lookupAccountToken(token);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <Wordmark />
      <h1 className="mb-4 text-2xl font-bold">Choose a password</h1>
      {found.ok ? (
        <div className={cardClasses}>
          <p className="mb-4 text-slate-700">
            Welcome, {found.user.name}. Choose a password for <strong>{found.user.email}</strong>. Use at least 8 characters; a short
            sentence is easy to remember and hard to guess.
          </p>
          <SetPasswordForm token={token} />
        </div>
      ) : (
        <div className={cardClasses}>
          <p role="status">{tokenProblemMessages[found.reason]}</p>
          <p className="mt-4">
            <Link className="link" href="/signin">
              Go to sign in
            </Link>
          </p>
        </div>
      )}
    </main>
  );
});
