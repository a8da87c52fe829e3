import type { Metadata } from "next";
import Link from "next/link";
import { clientIp } from "@/app/_edge/http";
import { page } from "@/app/_edge/page";
import { Wordmark } from "@/app/_components/logo";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { inviteProblemMessages, joinOfferFor } from "@/lib/cohorts/invite-links";
import { JoinButton, SignUpForm } from "./join-forms";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Join a cohort", referrer: "no-referrer" };

/** The public end of an invite link: explains a bad link, or lets the visitor join. */
export default page<{ token: string }>({ permission: "public" }, async ({ user, params: { token } }) => {
  const offer = await joinOfferFor(token, user, await clientIp());
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <Wordmark />
      {offer.kind === "problem" ? (
        <>
          <h1 className="mb-4 text-2xl font-bold">This invite link does not work</h1>
          <div className={cx(cardClasses, "space-y-3")}>
            <p role="status">{inviteProblemMessages[offer.reason]}</p>
            <p>
              <Link className="link" href={user ? "/" : "/signin"}>
                {user ? "Go to your home page" : "Sign in"}
              </Link>
            </p>
          </div>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-2xl font-bold">Join {offer.cohort.name}</h1>
          {offer.cohort.description && <p className="mb-4 text-slate-700">{offer.cohort.description}</p>}
          <div className={cx(cardClasses, "mt-3 space-y-4")}>
            {offer.kind === "staff" && user ? (
              <>
                <p role="status">
                  You are signed in as {user.name}, a staff account ({user.role}). Staff accounts cannot join a cohort as a learner.
                </p>
                <p className="text-sm text-slate-700">To join as a learner, sign out and open the link again.</p>
                <SignOutButton />
              </>
            ) : offer.kind === "member" ? (
              <>
                <p role="status">You are already in {offer.cohort.name}.</p>
                <Link className={buttonClasses({ className: "w-full" })} href="/learn">
                  Go to my training
                </Link>
              </>
            ) : offer.kind === "join" && user ? (
              <>
                <p>
                  Signed in as {user.name} ({user.email}). Join with one click:
                </p>
                <JoinButton token={token} cohortName={offer.cohort.name} />
              </>
            ) : (
              <>
                <p>
                  Already have an account?{" "}
                  <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`}>
                    Sign in to join
                  </Link>
                  . New here? Create your account:
                </p>
                <SignUpForm token={token} />
              </>
            )}
          </div>
        </>
      )}
    </main>
  );
});
