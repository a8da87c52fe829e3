import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Card, cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { page } from "@/app/_edge/page";
import { countReviewWaiting, getReflectionForReview, reviewFilterOf, reviewFilterQuery } from "@/lib/learning/reviews";
import { ReviewForm } from "./review-form";
import { rubricMax, rubricTotal } from "@/lib/learning/reflections/rubric";

export const metadata: Metadata = { title: "Review a reflection" };

const statusText = {
  draft: "Draft",
  submitted: "Awaiting review",
  revision_requested: "Revision requested — waiting for the learner",
  accepted: "Accepted",
} as const;

const reviewedMessage: Record<string, string> = {
  accepted: "Accepted. The learner sees your feedback. Here is the next one waiting.",
  revision_requested: "Revision requested. The learner sees your feedback. Here is the next one waiting.",
};

export default page<{ reflectionId: string }>({ permission: "workspace.instructor" }, async ({ user, params, query }) => {
  const r = await getReflectionForReview({ actor: user, reflectionId: params.reflectionId });
  const filter = reviewFilterOf(query);
  const waiting = await countReviewWaiting({ actor: user, filter });
  const reviewed = query.reviewed ? reviewedMessage[query.reviewed] : undefined;
  return (
    <AppShell
      user={user}
      wide
      breadcrumbs={[
        { label: "Reviews", href: `/instructor/reviews${reviewFilterQuery(filter)}` },
        { label: `Reflection by ${r.learner.name}` },
      ]}
    >
      <p className="text-sm text-slate-700" data-testid="waiting-count">
        {waiting} waiting{filter.cohortId || filter.learnerId ? " in this filter" : ""}
      </p>
      {reviewed && (
        <p role="status" className="mt-3 rounded-md bg-brand-50 p-3 text-brand-800">
          {reviewed}
        </p>
      )}
      <h1 className="mt-1 text-2xl font-bold">Reflection by {r.learner.name}</h1>
      <p className="text-slate-700">
        <Link className="link" href={`/instructor/cohorts/${r.cohort.id}/learners/${r.learner.id}`}>
          {r.learner.name}
        </Link>{" "}
        ·{" "}
        <Link className="link" href={`/instructor/cohorts/${r.cohort.id}`}>
          {r.cohort.name}
        </Link>{" "}
        · submitted <LocalTime value={r.submittedAt} /> · {statusText[r.status]}
      </p>
      {r.reflectionsMustBeAccepted && (
        <p className="mt-1 text-sm text-slate-700">
          Credit waits for you: the assignment completes, and the certificate is issued, when you accept the last of the learner&apos;s{" "}
          {r.promptCount} reflections (and the quiz is passed).
        </p>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <article className={cx(cardClasses, "space-y-3")} aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Prompt
          </h2>
          <p className="font-medium">{r.prompt}</p>
          <h2 className="pt-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
            Their answer{" "}
            <span className="font-normal normal-case">
              ({r.wordCount} words{r.minWords ? `, minimum ${r.minWords}` : ""})
            </span>
          </h2>
          {/* rendered as text: whatever the learner typed, markup included, shows literally */}
          <div className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 leading-relaxed" data-testid="reflection-body">
            {r.body}
          </div>
        </article>
        <div className="space-y-6">
          {r.status === "submitted" ? (
            <Card title="Your review">
              <ReviewForm key={r.id} reflectionId={r.id} version={r.version} rubric={r.rubric} filter={filter} />
            </Card>
          ) : (
            <Card>
              <p>This reflection is not waiting for a review ({statusText[r.status].toLowerCase()}).</p>
            </Card>
          )}
          {r.history.length > 0 && (
            <Card title="Earlier reviews">
              <ul className="space-y-3">
                {r.history.map((h) => (
                  <li key={h.id} className="text-sm">
                    <p className="font-medium">
                      {h.decision === "accepted" ? "Accepted" : "Revision requested"} by {h.reviewerName ?? "a former instructor"},{" "}
                      <LocalTime value={h.createdAt} />
                    </p>
                    {h.scores && r.rubric && (
                      <p className="mt-1 text-slate-700">
                        Rubric {rubricTotal(r.rubric, h.scores)} of {rubricMax(r.rubric)}:{" "}
                        {r.rubric.criteria.map((c) => `${c.label} ${h.scores?.[c.id] ?? "–"}`).join(" · ")}
                      </p>
                    )}
                    {h.feedback && <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{h.feedback}</p>}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </AppShell>
  );
});
