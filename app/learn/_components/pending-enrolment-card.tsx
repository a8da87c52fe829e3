"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import type { PendingEnrolment } from "@/lib/cohorts/pending-enrolments";
import { acceptEnrolmentAction, declineEnrolmentAction } from "../actions";

/** "You were added to <cohort> by <instructor> — Accept / Decline". */
export function PendingEnrolmentCard({ offer }: { offer: Pick<PendingEnrolment, "id" | "cohortName" | "invitedByName"> }) {
  const [accepted, accept, accepting] = useActionState(acceptEnrolmentAction, undefined);
  const [declined, decline, declining] = useActionState(declineEnrolmentAction, undefined);
  const headingId = `pending-${offer.id}`;
  const done = accepted?.ok || declined?.ok;
  const problem = [accepted, declined].find((s) => s && !s.ok)?.message;
  return (
    <article className={`${cardClasses} border-amber-300 bg-amber-50`} aria-labelledby={headingId} data-testid="pending-enrolment">
      <h2 id={headingId} className="text-lg font-bold leading-snug">
        You were added to {offer.cohortName}
        {offer.invitedByName ? ` by ${offer.invitedByName}` : ""}
      </h2>
      {done ? (
        <p role="status" className="mt-2">
          {accepted?.message ?? declined?.message}
        </p>
      ) : (
        <>
          <p className="mt-2 text-slate-800">
            If you accept, you join this cohort: its instructors see your progress, quiz results, reflections and certificates from it, and
            your training record. If you do not know this instructor or cohort, decline.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <form action={accept}>
              <input type="hidden" name="pendingId" value={offer.id} />
              <Button type="submit" disabled={accepting || declining}>
                Accept<span className="sr-only"> joining {offer.cohortName}</span>
              </Button>
            </form>
            <form action={decline}>
              <input type="hidden" name="pendingId" value={offer.id} />
              <Button type="submit" variant="secondary" disabled={accepting || declining}>
                Decline<span className="sr-only"> joining {offer.cohortName}</span>
              </Button>
            </form>
          </div>
          {problem && (
            <p role="status" className="mt-2 text-sm text-red-800">
              {problem}
            </p>
          )}
        </>
      )}
    </article>
  );
}
