import { formatPercent } from "@/lib/platform/format";
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { AssignmentHeader } from "../_components/assignment-header";
import { ProgressBar } from "../_components/progress-bar";
import { StatusBadge } from "@/app/_components/status-badge";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { Badge, statusTone } from "@/app/_components/ui/badge";
import { AwaitingReviewNotice } from "../_components/awaiting-review-notice";
import { CompletionSuccess } from "../_components/completion-success";

export const metadata: Metadata = { title: "Assignment" };

export default page<{ progressId: string }>({ permission: "workspace.learner" }, async ({ user, params: { progressId } }) => {
  const a = await getLearnerAssignment({ learner: user, progressId });
  const { content } = a.version;
  const p = a.progress;
  const base = `/learn/${progressId}`;
  const steps = [
    {
      n: 1,
      title: "Read the lesson",
      href: `${base}/lesson`,
      done: p.sectionsRead >= content.sections.length,
      detail: `${p.sectionsRead} of ${content.sections.length} sections read · about ${content.estimatedMinutes} minutes in all`,
      bar: [p.sectionsRead, content.sections.length] as const,
    },
    {
      n: 2,
      title: "Pass the quiz",
      href: `${base}/quiz`,
      done: p.quizPassedAt !== null,
      detail:
        p.bestScore === null
          ? `${content.drawCount} questions. You need ${a.passMark}% to pass.`
          : `Best score ${formatPercent(p.bestScore)} (${p.quizPassedAt ? "passed" : `pass mark ${formatPercent(a.passMark)}`}) · ${p.attemptsCount} attempt${p.attemptsCount === 1 ? "" : "s"}${a.maxAttempts ? ` of ${a.maxAttempts}` : ""}`,
    },
    {
      n: 3,
      title: "Write the reflections",
      href: `${base}/reflections`,
      done: a.reflectionsMustBeAccepted ? p.completedAt !== null : p.reflectionsSubmitted >= content.reflections.length,
      detail: `${p.reflectionsSubmitted} of ${content.reflections.length} submitted · at least ${content.minWords} words each${a.reflectionsMustBeAccepted ? " · each accepted by your instructor" : ""}`,
      bar: [p.reflectionsSubmitted, content.reflections.length] as const,
    },
  ];
  return (
    <AppShell user={user}>
      <AssignmentHeader progressId={progressId} assignment={a} title={a.version.title} />
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={a.status} />
        {a.awaitingReview && (
          <Badge tone={statusTone.awaiting_review} data-testid="awaiting-review">
            Awaiting review
          </Badge>
        )}
        {p.completedAt && a.creditedFromCohortName ? (
          <span className="text-sm text-slate-700" data-testid="prior-completion">
            Completed in {a.creditedFromCohortName} on <LocalTime value={p.completedAt} dateOnly />
          </span>
        ) : p.completedAt ? (
          <span className="text-sm text-slate-700">
            Completed <LocalTime value={p.completedAt} />
          </span>
        ) : (
          <a className="link text-sm" href={`${base}/calendar.ics`} download>
            Add to calendar
          </a>
        )}
      </div>
      {a.awaitingReview && <AwaitingReviewNotice awaiting={a.awaitingReview} reviewerNames={a.reviewerNames} />}
      {p.completedAt && (
        <CompletionSuccess
          moduleTitle={a.version.title}
          completedAt={p.completedAt}
          certificate={a.certificate}
          contactHours={content.contactHours}
          hoursCategory={content.hoursCategory}
        />
      )}
      <p className="mt-4 max-w-prose text-lg leading-8 text-slate-800">{content.summary}</p>
      <h2 className="mt-8 text-xl font-bold">Steps</h2>
      <ol className="mt-3 space-y-3">
        {steps.map((s) => (
          <li key={s.n} className={cx(cardClasses, "flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between")}>
            <div className="min-w-0 flex-1">
              <h3 className="font-semibold">
                {s.n}. {s.title}
                {s.done && <span className="ml-2 text-sm font-medium text-green-800">✓ Done</span>}
              </h3>
              <p className="text-sm text-slate-700">{s.detail}</p>
              {s.bar && <ProgressBar value={s.bar[0]} max={s.bar[1]} />}
            </div>
            <Link href={s.href} className={buttonClasses({ variant: "secondary", className: "shrink-0" })}>
              Open<span className="sr-only">: {s.title.toLowerCase()}</span>
            </Link>
          </li>
        ))}
      </ol>
      <p className="mt-6 text-sm text-slate-700">
        The assignment is complete when you have passed the quiz and{" "}
        {a.reflectionsMustBeAccepted
          ? `your instructor has accepted all ${content.reflections.length} reflections`
          : `submitted all ${content.reflections.length} reflections`}
        . It counts for {content.contactHours} contact hour{content.contactHours === 1 ? "" : "s"} ({content.hoursCategory}).
      </p>
    </AppShell>
  );
});
