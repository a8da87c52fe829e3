import Link from "next/link";
import { listCohortAssignments, pickAssignment } from "@/lib/cohorts/assignments";
import type { Actor, Cohort } from "@/lib/cohorts/cohorts";
import { getQuizInsights } from "@/lib/reports/quiz-insights";

function Bar({ percent }: { percent: number }) {
  const tone = percent < 50 ? "bg-red-700" : percent < 80 ? "bg-amber-600" : "bg-brand-700";
  return (
    <span className="block h-2 w-full rounded bg-slate-200" aria-hidden="true">
      <span className={`block h-2 rounded ${tone}`} style={{ width: `${percent}%` }} />
    </span>
  );
}

/**
 * Quiz item analysis for one cohort: what the cohort still gets wrong,
 * grouped by idea or misconception, worst first.
 */
export async function QuizInsightsView({
  user,
  cohort,
  basePath,
  assignmentParam,
  manage = false,
}: {
  user: Actor;
  cohort: Cohort;
  basePath: string;
  assignmentParam?: string;
  /** the instructor's copy: links to where the cohort is managed */
  manage?: boolean;
}) {
  const assignment = pickAssignment(await listCohortAssignments({ cohortId: cohort.id }), assignmentParam);
  const { ideas, attempts } = await getQuizInsights({ actor: user, cohortId: cohort.id, assignmentId: assignment?.id ?? null });
  if (!assignment) {
    return (
      <p className="card">
        The module is not assigned yet, so there are no quiz results.{" "}
        {manage && <Link className="link" href={`${basePath}/assignment`}>Assign it</Link>}
      </p>
    );
  }
  if (!ideas.length) {
    return <p className="card">No quiz attempts yet. Insights appear here once learners of this cohort submit the quiz.</p>;
  }
  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        From {attempts} submitted {attempts === 1 ? "attempt" : "attempts"} by learners of this cohort (reset attempts are left out). The ideas the cohort
        finds hardest come first: start the next session there.
      </p>
      {ideas.map((idea) => (
        <section key={idea.ideaId} aria-labelledby={`idea-${idea.ideaId}`} className="card space-y-3" data-testid={`idea-${idea.ideaId}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`idea-${idea.ideaId}`} className="text-base font-semibold">
              {idea.kind === "misconception" && <span className="mr-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Misconception</span>}
              {idea.label.replace(/^Misconception:\s*/, "")}
            </h2>
            <p className="text-sm font-semibold">{idea.percentCorrect} % correct <span className="font-normal text-slate-600">({idea.responses} answers)</span></p>
          </div>
          <Bar percent={idea.percentCorrect} />
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Quiz items on this idea</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">Question</th>
                <th scope="col" className="p-2 text-right">Correct</th>
                <th scope="col" className="p-2 text-right">Answers</th>
                <th scope="col" className="p-2">Most chosen wrong answer</th>
              </tr>
            </thead>
            <tbody>
              {idea.items.map((item) => (
                <tr key={item.itemId} className="border-b align-top" data-testid={`item-${item.itemId}`}>
                  <td className="p-2">{item.prompt}</td>
                  <td className="p-2 text-right font-semibold">{item.percentCorrect} %</td>
                  <td className="p-2 text-right">{item.responses}</td>
                  <td className="p-2">
                    {item.topWrong ? (
                      <>
                        “{item.topWrong.text}” <span className="text-slate-600">— chosen {item.topWrong.count} {item.topWrong.count === 1 ? "time" : "times"}</span>
                      </>
                    ) : (
                      <span className="text-slate-600">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
