import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { AwaitingReviewNotice } from "../../_components/awaiting-review-notice";
import { CompletionSuccess } from "../../_components/completion-success";
import { getReflectionsPage } from "@/lib/learning/reflections/drafts";
import { AssignmentHeader } from "../../_components/assignment-header";
import { ReflectionEditor } from "./reflection-editor";
import { cardClasses } from "@/app/_components/ui/card";
import { rubricMax } from "@/lib/learning/reflections/rubric";

export const metadata: Metadata = { title: "Reflections" };

export default page<{ progressId: string }>({ permission: "workspace.learner" }, async ({ user, params: { progressId } }) => {
  const a = await getLearnerAssignment({ learner: user, progressId });
  const reflections = await getReflectionsPage({ learner: user, progressId });
  const submitted = reflections.prompts.filter((p) => p.reflection.submittedAt).length;
  const rubric = reflections.version.content.reflectionRubric;

  return (
    <AppShell user={user}>
      <AssignmentHeader progressId={progressId} assignment={a} here="Reflections" title="Reflections" />
      <div className="max-w-prose space-y-3 text-slate-800">
        <p>
          Answer each prompt in your own words, at least {reflections.minWords} words each. Your writing is saved as you type and kept on
          this device, so you can stop and come back. Only you and your cohort&apos;s instructors can read it.
        </p>
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3" role="note">
          <strong>Protect privacy:</strong> do not name or identify the people you serve. Leave out names, places and details that could
          point to someone; say &ldquo;a client&rdquo; or use a made-up first name.
        </p>
        <p className="text-sm" data-testid="reflections-count">
          {submitted} of {reflections.prompts.length} submitted.
          {!a.progress.completedAt && a.progress.quizPassedAt === null && (
            <>
              {" "}
              You also need to{" "}
              <Link href={`/learn/${progressId}/quiz`} className="link">
                pass the quiz
              </Link>
              .
            </>
          )}
        </p>
        {a.progress.completedAt && (
          <CompletionSuccess
            moduleTitle={a.version.title}
            completedAt={a.progress.completedAt}
            certificate={a.certificate}
            contactHours={a.version.content.contactHours}
            hoursCategory={a.version.content.hoursCategory}
          />
        )}
        {a.awaitingReview && <AwaitingReviewNotice awaiting={a.awaitingReview} reviewerNames={a.reviewerNames} />}
        {rubric && (
          <details className={cardClasses} data-testid="rubric-criteria">
            <summary className="cursor-pointer font-semibold">How your instructor reads your reflections</summary>
            <p className="mt-2 text-sm">
              Each reflection is scored 0, 1 or 2 on {rubric.criteria.length} criteria ({rubricMax(rubric)} points in all). It is accepted
              at {rubric.acceptAt} points or more
              {rubric.noZeroIn.length > 0 &&
                `, with no 0 in ${rubric.noZeroIn
                  .map((id) => `“${rubric.criteria.find((c) => c.id === id)?.label.toLowerCase() ?? id}”`)
                  .join(" or ")}`}
              . Otherwise your instructor asks for a revision and says what to change.
            </p>
            <ul className="mt-3 space-y-2 text-sm">
              {rubric.criteria.map((c) => (
                <li key={c.id}>
                  <span className="font-semibold">{c.label}:</span> {c.levels[2]}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      <ol className="mt-8 space-y-8">
        {reflections.prompts.map(({ prompt, reflection, latestReview }, i) => (
          <li key={prompt.id} className={cardClasses}>
            <section aria-labelledby={`prompt-${prompt.id}`}>
              <h2 id={`prompt-${prompt.id}`} className="text-lg font-bold leading-snug">
                <span className="block text-sm font-medium text-slate-700">
                  Prompt {i + 1} of {reflections.prompts.length}
                </span>
                {prompt.prompt}
              </h2>
              <p className="mt-2 text-sm text-slate-700">{prompt.hint}</p>
              {/* an accepted reflection says so once, in its status line below (dated by the review); only feedback shows here */}
              {latestReview && (latestReview.decision === "revision_requested" || latestReview.feedback) && (
                <div
                  className={`mt-3 rounded-md border p-3 ${latestReview.decision === "revision_requested" ? "border-amber-400 bg-amber-50 text-amber-950" : "border-green-300 bg-green-50 text-green-950"}`}
                  data-testid={`reflection-${i + 1}-feedback`}
                >
                  {latestReview.decision === "revision_requested" ? (
                    <p className="font-semibold">
                      Your instructor asked for a revision
                      <span className="font-normal">
                        {" "}
                        · <LocalTime value={latestReview.createdAt} />
                      </span>
                    </p>
                  ) : (
                    <p className="font-semibold">Your instructor&apos;s feedback</p>
                  )}
                  {latestReview.feedback && <p className="mt-1 whitespace-pre-wrap">{latestReview.feedback}</p>}
                </div>
              )}
              <div className="mt-4">
                <ReflectionEditor
                  key={`${reflection.version}-${reflection.status}`}
                  progressId={progressId}
                  promptId={prompt.id}
                  number={i + 1}
                  minWords={reflections.minWords}
                  initial={reflection}
                  editable={a.window === "open"}
                  reviewedAt={latestReview?.decision === "accepted" ? latestReview.createdAt : null}
                />
              </div>
            </section>
          </li>
        ))}
      </ol>
    </AppShell>
  );
});
