import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/ui/empty-state";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { listPendingEnrolments } from "@/lib/cohorts/pending-enrolments";
import { describeDue, type DueText } from "@/lib/learning/due-date";
import { listLearnerAssignments, type LearnerAssignment } from "@/lib/learning/home";
import { PendingEnrolmentCard } from "./_components/pending-enrolment-card";
import { userTimeZone } from "@/lib/notifications/outbox";
import { ProgressBar } from "./_components/progress-bar";
import { StatusBadge } from "@/app/_components/status-badge";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { Badge, statusTone } from "@/app/_components/ui/badge";

export const metadata: Metadata = { title: "My training" };

export default page({ permission: "workspace.learner" }, async ({ user }) => {
  const [list, pending, timeZone] = await Promise.all([
    listLearnerAssignments({ userId: user.id }),
    listPendingEnrolments({ learner: user }),
    userTimeZone({ userId: user.id }),
  ]);
  // the list comes soonest due first, complete last: the first not complete is the next due date
  const nextDue = list.find((a) => !a.completedAt);
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">My training</h1>
      {pending.length > 0 && (
        <ul className="mt-4 space-y-4" aria-label="Invitations to join a cohort">
          {pending.map((p) => (
            <li key={p.id}>
              <PendingEnrolmentCard offer={{ id: p.id, cohortName: p.cohortName, invitedByName: p.invitedByName }} />
            </li>
          ))}
        </ul>
      )}
      {list.length === 0 ? (
        <EmptyState
          className="mt-4"
          action={
            <>
              <Link className={buttonClasses()} href="/notifications">
                Check your notifications
              </Link>
              <Link className={buttonClasses({ variant: "secondary" })} href="/learn/record">
                See your training record
              </Link>
            </>
          }
        >
          <span className="block font-semibold">Nothing is assigned to you yet.</span>
          <span className="mt-2 block">
            When your instructor assigns a module to your cohort, it shows up here with its due date, and you get a notification. If your
            instructor sent you a link to join a cohort, open that link first.
          </span>
        </EmptyState>
      ) : (
        <>
          <p className="mt-1 text-slate-700">Your assignments, with the next step for each. Dates are in your time zone.</p>
          <ul className="mt-4 space-y-4" aria-label="Assignments">
            {list.map((a) => (
              <li key={a.progressId}>
                <AssignmentCard
                  a={a}
                  due={a.completedAt ? null : describeDue(a.dueAt, timeZone)}
                  next={a.progressId === nextDue?.progressId}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </AppShell>
  );
});

function AssignmentCard({ a, due, next }: { a: LearnerAssignment; due: DueText | null; next: boolean }) {
  const headingId = `assignment-${a.progressId}`;
  return (
    <article
      className={next ? cx(cardClasses, "border-2 border-brand-700") : cardClasses}
      aria-labelledby={headingId}
      data-testid="assignment"
    >
      {due && (
        <p className={next ? "mb-2" : "mb-1"} data-testid="due">
          {next && <span className="block text-xs font-semibold tracking-wide text-brand-800 uppercase">Next due</span>}
          <span className={`${next ? "text-xl" : "text-base"} font-bold ${due.overdue ? "text-red-800" : "text-slate-900"}`}>
            {due.label}
            {a.extended && " (extended)"}
          </span>
          <span className="ml-2 text-sm text-slate-700">{due.time}</span>
        </p>
      )}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-bold leading-snug">
            <Link href={`/learn/${a.progressId}`} className="hover:underline">
              {a.moduleTitle}
            </Link>
          </h2>
          <p className="text-sm text-slate-700">{a.cohortName}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {a.awaitingReview && (
            <Badge tone={statusTone.awaiting_review} data-testid="awaiting-review">
              Awaiting review
            </Badge>
          )}
          <StatusBadge status={a.cardStatus} />
        </div>
      </div>
      {a.creditedFromCohortName && a.completedAt ? (
        <p className="mt-2 text-sm" data-testid="prior-completion">
          Completed in {a.creditedFromCohortName} on <LocalTime value={a.completedAt} dateOnly />. It counts here too, with the same
          certificate and hours.
        </p>
      ) : (
        (a.completedAt || a.window === "not_open") && (
          <p className="mt-2 text-sm">
            {a.completedAt ? (
              <>
                Completed <LocalTime value={a.completedAt} /> · was due <LocalTime value={a.dueAt} />
                {a.extended && " (extended)"}
              </>
            ) : a.window === "not_open" ? (
              <>
                Opens <LocalTime value={a.opensAt} />
              </>
            ) : null}
          </p>
        )
      )}
      {!a.completedAt && a.alsoIn.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          Also assigned in {a.alsoIn.join(", ")}: completing it once counts for {a.alsoIn.length > 1 ? "all of them" : "both"}.
        </p>
      )}
      {!a.creditedFromCohortName && (
        <dl className="mt-3 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-medium text-slate-700">Lesson</dt>
            <dd>
              {a.sectionsRead} of {a.sectionsTotal} sections read
              <ProgressBar value={a.sectionsRead} max={a.sectionsTotal} />
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">Quiz</dt>
            <dd>
              {a.bestScore === null
                ? a.hasOpenAttempt
                  ? "Started, not submitted"
                  : "Not taken yet"
                : `Best score ${a.bestScore}% · ${a.quizPassed ? "passed" : `not passed yet (pass mark ${a.passMark}%)`}`}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">Reflections</dt>
            <dd>
              {a.reflectionsSubmitted} of {a.reflectionsTotal} submitted
              {a.revisionsRequested > 0 && <span className="block text-amber-800">{a.revisionsRequested} to revise</span>}
              {a.awaitingReview && a.reviewsWaiting > 0 && (
                <span className="block text-amber-800">{a.reviewsWaiting} waiting for your instructor&apos;s review</span>
              )}
            </dd>
          </div>
        </dl>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {a.next.href ? (
          <Link href={a.next.href} className={buttonClasses({ className: "w-full sm:w-auto" })} data-testid="next-step">
            {a.next.label}
          </Link>
        ) : (
          <span className="font-semibold text-slate-700">{a.next.label}</span>
        )}
        {a.next.note && <span className="text-sm text-slate-700">{a.next.note}</span>}
        {!a.completedAt && (
          <a className="link text-sm" href={`/learn/${a.progressId}/calendar.ics`} download>
            Add to calendar<span className="sr-only">: {a.moduleTitle} due date</span>
          </a>
        )}
      </div>
    </article>
  );
}
