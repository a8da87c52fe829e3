import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getCurrentUser } from "@/app/_edge/session";
import { blockedUntil, keyFor } from "@/lib/accounts/throttle";
import { INVITE_THROTTLED, inviteProblemMessages, isActiveMember, lookupCohortInvite } from "@/lib/cohorts/invite-links";
import { clientIp } from "@/lib/platform/http/request";
import { JoinButton, SignUpForm } from "./join-forms";

export const metadata: Metadata = { title: "Join a cohort", referrer: "no-referrer" };

/** The public end of an invite link: explains a bad link, or lets the visitor join. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // an address that tried too many bad links learns nothing more, here either (read only: GET changes nothing)
  const blocked = await blockedUntil([keyFor("inviteIp", await clientIp())]);
  const [found, user] = await Promise.all([
    blocked ? ({ ok: false, reason: "throttled" } as const) : lookupCohortInvite(token),
    getCurrentUser(),
  ]);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-2 text-lg font-bold text-brand-800">Cohort</p>
      {!found.ok ? (
        <>
          <h1 className="mb-4 text-2xl font-bold">This invite link does not work</h1>
          <div className="card space-y-3">
            <p role="status">{found.reason === "throttled" ? INVITE_THROTTLED : inviteProblemMessages[found.reason]}</p>
            <p><Link className="link" href={user ? "/" : "/signin"}>{user ? "Go to your home page" : "Sign in"}</Link></p>
          </div>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-2xl font-bold">Join {found.cohort.name}</h1>
          {found.cohort.description && <p className="mb-4 text-slate-700">{found.cohort.description}</p>}
          <div className="card mt-3 space-y-4">
            {user && user.role !== "learner" ? (
              <>
                <p role="status">
                  You are signed in as {user.name}, a staff account ({user.role}). Staff accounts cannot join a cohort as a learner.
                </p>
                <p className="text-sm text-slate-700">To join as a learner, sign out and open the link again.</p>
                <SignOutButton />
              </>
            ) : user && (await isActiveMember(found.cohort.id, user.id)) ? (
              <>
                <p role="status">You are already in {found.cohort.name}.</p>
                <Link className="btn w-full" href="/learn">Go to my training</Link>
              </>
            ) : user ? (
              <>
                <p>Signed in as {user.name} ({user.email}). Join with one click:</p>
                <JoinButton token={token} cohortName={found.cohort.name} />
              </>
            ) : (
              <>
                <p>
                  Already have an account?{" "}
                  <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`}>Sign in to join</Link>. New here? Create your account:
                </p>
                <SignUpForm token={token} />
              </>
            )}
          </div>
        </>
      )}
    </main>
  );
}
