import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { getOpenAttempt, listAttempts } from "@/lib/learning/quiz/attempts";
import { quizLessonLink } from "@/lib/learning/next-step";
import { attemptAllowance } from "@/lib/learning/quiz/counted";
import { unreadSections } from "@/lib/learning/quiz/reading-gate";
import { AssignmentHeader } from "../../_components/assignment-header";
import { StartAttemptButton } from "../../_components/start-attempt-button";
import { QuizForm } from "./quiz-form";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Quiz" };

export default page<{ progressId: string }>({ permission: "workspace.learner" }, async ({ user, params: { progressId } }) => {
  const a = await getLearnerAssignment({ learner: user, progressId });
  const [attempts, open] = await Promise.all([listAttempts({ learner: user, progressId }), getOpenAttempt({ learner: user, progressId })]);
  const { content } = a.version;
  // an open attempt keeps the pass mark it started with
  const passMark = open?.passMark ?? a.passMark;
  const submitted = attempts.filter((t) => t.status === "submitted");
  const { left } = attemptAllowance(a.maxAttempts, attempts);
  const passed = a.progress.quizPassedAt !== null;
  // the same rule startAttempt enforces (an open attempt can always be continued)
  const unread = a.requireAllSectionsRead ? unreadSections(content, a.readSectionIds) : [];
  const lessonLink = quizLessonLink({
    sectionsRead: content.sections.filter((s) => a.readSectionIds.has(s.id)).length,
    sectionsTotal: content.sections.length,
    attemptsCount: submitted.length,
    quizPassed: passed,
  });

  return (
    <AppShell user={user}>
      <AssignmentHeader progressId={progressId} assignment={a} here="Quiz" title="Quiz" />

      {open ? (
        <>
          <p className="mb-4 max-w-prose text-slate-800">
            {open.questions.length} questions. You need {passMark}% to pass. Your choices are kept on this device until you submit.
          </p>
          <QuizForm attemptId={open.attemptId} questions={open.questions} disabled={a.window !== "open"} />
        </>
      ) : (
        <section aria-labelledby="quiz-start" className={cx(cardClasses, "max-w-prose")}>
          <h2 id="quiz-start" className="text-lg font-bold">
            {passed ? "You passed the quiz" : submitted.length ? "Try the quiz again" : "Ready for the quiz?"}
          </h2>
          <p className="mt-2 text-slate-800">
            Each attempt has {content.drawCount} questions drawn from a bank of {content.quiz.length}, so a new attempt asks different
            questions. You need {passMark}% to pass; your best score counts.
            {a.maxAttempts === null ? " You can take it as often as you need." : ` You can make ${a.maxAttempts} attempts in all.`}
          </p>
          {passed && <p className="mt-2 text-slate-800">You can take it again to improve your score, but you do not need to.</p>}
          <div className="mt-4 flex flex-wrap items-start gap-3">
            {a.window !== "open" ? null : unread.length > 0 ? (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note" data-testid="unread-sections">
                <p className="font-semibold">
                  The quiz opens once you have read every section of the lesson. Still to read ({unread.length} of {content.sections.length}
                  ):
                </p>
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {unread.map((s) => (
                    <li key={s.id}>
                      <Link href={`/learn/${progressId}/lesson/${s.id}`} className="link">
                        {s.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : left === 0 ? (
              <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
                You have used all {a.maxAttempts} attempts. Your instructor can reset an attempt if you need another try.
              </p>
            ) : (
              <StartAttemptButton
                progressId={progressId}
                label={passed ? "Take the quiz again" : submitted.length ? "Start a new attempt" : "Start the quiz"}
                secondary={passed}
              />
            )}
            {passed && a.progress.reflectionsSubmitted < content.reflections.length && (
              <Link href={`/learn/${progressId}/reflections`} className={buttonClasses()}>
                Write your reflections
              </Link>
            )}
            {lessonLink && (
              <Link href={`/learn/${progressId}/lesson`} className={buttonClasses({ variant: "secondary" })}>
                {lessonLink}
              </Link>
            )}
          </div>
          {left !== null && left > 0 && (
            <p className="mt-3 text-sm text-slate-700">
              {left} attempt{left === 1 ? "" : "s"} left.
            </p>
          )}
        </section>
      )}

      {submitted.length > 0 && (
        <section aria-labelledby="history" className="mt-10">
          <h2 id="history" className="text-lg font-bold">
            Your attempts
          </h2>
          <p className="text-sm text-slate-700">
            Best score: {a.progress.bestScore ?? "—"}
            {a.progress.bestScore !== null && "%"}
          </p>
          <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {submitted.map((t, i) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <span className="font-semibold">Attempt {i + 1}</span> · <LocalTime value={t.submittedAt} /> · {t.score}% ·{" "}
                  {t.passed ? <span className="text-green-800">passed</span> : <span>not passed</span>}
                  {t.resetAt && <span className="text-slate-700"> · reset by your instructor (does not count)</span>}
                </span>
                <Link href={`/learn/${progressId}/quiz/${t.id}`} className="link">
                  See answers<span className="sr-only"> for attempt {i + 1}</span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}
    </AppShell>
  );
});
