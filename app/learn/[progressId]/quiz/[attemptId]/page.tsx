import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { CompletionSuccess } from "../../../_components/completion-success";
import { listAttempts } from "@/lib/learning/quiz/attempts";
import { attemptAllowance } from "@/lib/learning/quiz/counted";
import { getAttemptReview } from "@/lib/learning/quiz/review";
import { AssignmentHeader } from "../../../_components/assignment-header";
import { StartAttemptButton } from "../../../_components/start-attempt-button";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Quiz result" };

export default page<{ progressId: string; attemptId: string }>(
  { permission: "workspace.learner" },
  async ({ user, params: { progressId, attemptId } }) => {
    const a = await getLearnerAssignment({ learner: user, progressId });
    const [review, attempts] = await Promise.all([
      getAttemptReview({ learner: user, progressId, attemptId }),
      listAttempts({ learner: user, progressId }),
    ]);
    const { attempt, items } = review;
    const { hasOpen, mayStart } = attemptAllowance(a.maxAttempts, attempts);
    const canRetry = a.window === "open" && mayStart;
    const passedQuiz = a.progress.quizPassedAt !== null;
    const content = a.version.content;

    return (
      <AppShell user={user}>
        <AssignmentHeader progressId={progressId} assignment={a} here="Quiz result" title="Quiz result" />
        <section
          aria-labelledby="score"
          className={cx(cardClasses, "max-w-prose border-l-4", attempt.passed ? "border-l-green-700" : "border-l-amber-600")}
          data-testid="quiz-result"
        >
          <h2 id="score" className="text-3xl font-bold">
            {attempt.score}%
          </h2>
          <p className="mt-1 text-lg font-semibold">
            {attempt.passed ? "Passed" : "Not passed"} — {attempt.correctCount} of {items.length} correct. The pass mark is{" "}
            {attempt.passMark}%.
          </p>
          {a.progress.completedAt ? (
            <CompletionSuccess
              moduleTitle={a.version.title}
              completedAt={a.progress.completedAt}
              certificate={a.certificate}
              contactHours={content.contactHours}
              hoursCategory={content.hoursCategory}
              headingLevel={3}
            />
          ) : passedQuiz ? (
            <p className="mt-2 text-slate-800">
              Next, write your reflections. The assignment is complete once all {content.reflections.length} are submitted.
            </p>
          ) : (
            <p className="mt-2 text-slate-800">
              {review.keyShown
                ? "Read the explanations below, then try again. Each attempt draws new questions."
                : "Below you see why the answers you chose were not right. Review the ideas you missed, then try again. Each attempt draws new questions."}
            </p>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            {passedQuiz && !a.progress.completedAt && (
              <Link href={`/learn/${progressId}/reflections`} className={buttonClasses()}>
                Write your reflections
              </Link>
            )}
            {!passedQuiz &&
              (canRetry ? (
                <StartAttemptButton progressId={progressId} label={hasOpen ? "Continue your new attempt" : "Try again"} />
              ) : a.window === "open" ? (
                <p className="text-amber-900">You have used all your attempts. Your instructor can reset an attempt.</p>
              ) : null)}
            <Link href={`/learn/${progressId}/quiz`} className={buttonClasses({ variant: "secondary" })}>
              All attempts
            </Link>
          </div>
        </section>

        {review.missedIdeas.length > 0 && (
          <section aria-labelledby="missed" className={cx(cardClasses, "mt-8 max-w-prose")} data-testid="missed-ideas">
            <h2 id="missed" className="text-xl font-bold">
              Ideas to review
            </h2>
            <ul className="mt-3 list-disc space-y-3 pl-5">
              {review.missedIdeas.map((idea) => (
                <li key={idea.ideaId}>
                  <p>{idea.label}</p>
                  {idea.sections.length > 0 && (
                    <p className="text-sm text-slate-700">
                      Read again:{" "}
                      {idea.sections.map((s, i) => (
                        <span key={s.id}>
                          {i > 0 && ", "}
                          <Link href={`/learn/${progressId}/lesson/${s.id}`} className="link">
                            {s.title}
                          </Link>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        <h2 className="mt-10 text-xl font-bold">Your answers</h2>
        {!review.keyShown && (
          <p className="mt-2 max-w-prose text-slate-800" data-testid="key-hidden">
            {a.showCorrectAnswers === "never"
              ? "The correct answers are not shown for this quiz."
              : "The correct answers are shown once you pass, or once you have used all your attempts."}
          </p>
        )}
        <ol className="mt-4 space-y-6">
          {review.keyShown
            ? review.items.map((item, i) => (
                <li key={item.itemId} className={cardClasses}>
                  <ItemHeading correct={item.correct} n={i + 1} scenario={item.scenario} prompt={item.prompt} />
                  <ul className="mt-3 space-y-2">
                    {item.options.map((o) => {
                      const shown = o.chosen || o.correct;
                      return (
                        <li
                          key={o.id}
                          className={`rounded-md border p-3 ${o.correct ? "border-green-700 bg-green-50" : o.chosen ? "border-red-700 bg-red-50" : "border-slate-200"}`}
                        >
                          <p>
                            {o.text}
                            {o.chosen && <strong className="ml-2 whitespace-nowrap text-sm">· Your answer</strong>}
                            {o.correct && <strong className="ml-2 whitespace-nowrap text-sm text-green-800">· Correct answer</strong>}
                          </p>
                          {shown && <p className="mt-1 text-sm text-slate-800">{o.explanation}</p>}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))
            : review.items.map((item, i) => (
                <li key={item.itemId} className={cardClasses}>
                  <ItemHeading correct={item.correct} n={i + 1} scenario={item.scenario} prompt={item.prompt} />
                  <ul className="mt-3 space-y-2">
                    {item.options.map((o) => (
                      <li
                        key={o.id}
                        className={`rounded-md border p-3 ${o.wrongBecause ? "border-red-700 bg-red-50" : "border-slate-200"}`}
                      >
                        <p>
                          {o.text}
                          {o.chosen && <strong className="ml-2 whitespace-nowrap text-sm">· Your answer</strong>}
                        </p>
                        {o.wrongBecause && (
                          <p className="mt-1 text-sm text-slate-800">
                            <span className="font-semibold">Why not: </span>
                            {o.wrongBecause}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                  {!item.correct && !item.options.some((o) => o.wrongBecause) && (
                    <p className="mt-2 text-sm text-slate-800">Your answer left out at least one option that applies.</p>
                  )}
                </li>
              ))}
        </ol>
      </AppShell>
    );
  },
);

function ItemHeading({ correct, n, scenario, prompt }: { correct: boolean; n: number; scenario: string | null; prompt: string }) {
  return (
    <>
      <h3 className="text-base font-semibold">
        <span className={correct ? "text-green-800" : "text-red-800"}>{correct ? "✓ Correct" : "✗ Not correct"}</span>
        <span className="text-slate-700"> · Question {n}</span>
      </h3>
      {scenario && <p className="mt-2 italic text-slate-800">{scenario}</p>}
      <p className="mt-2 font-semibold">{prompt}</p>
    </>
  );
}
