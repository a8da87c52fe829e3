import Link from "next/link";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { listCohortAssignments, pickAssignment } from "@/lib/cohorts/assignments";
import type { Actor, Cohort } from "@/lib/cohorts/cohorts";
import { getQuizInsights, MIN_ANSWERS } from "@/lib/reports/quiz-insights";
import { formatPercent } from "@/lib/platform/format";
import { getRubricInsights, type RubricInsight } from "@/lib/reports/rubric-insights";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { cardClasses } from "@/app/_components/ui/card";

const itemColumns: Column[] = [
  { key: "prompt", label: "Question" },
  { key: "correct", label: "Correct", numeric: true },
  { key: "answers", label: "Answers", numeric: true },
  { key: "wrong", label: "Most chosen wrong answer" },
];

const rubricColumns: Column[] = [
  { key: "criterion", label: "Criterion" },
  { key: "average", label: "Average (0–2)", numeric: true },
  { key: "scored", label: "Scored", numeric: true },
];

/** The reflection rubric's average per criterion, over each reflection's latest scored review. */
function RubricInsightsCard({ rubric }: { rubric: RubricInsight }) {
  return (
    <Card title="Reflections on the rubric" className="space-y-3" data-testid="rubric-insights">
      {rubric.scored === 0 ? (
        <p className="text-slate-700">No reflection of this cohort has been scored on the rubric yet.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            From {rubric.scored} scored {rubric.scored === 1 ? "reflection" : "reflections"} (the latest review of each): an average of{" "}
            {rubric.averageTotal} of {rubric.max} points; a reflection is accepted at {rubric.acceptAt}.
          </p>
          <Table caption="Average score per rubric criterion" columns={rubricColumns} framed={false}>
            {rubric.criteria.map((c) => (
              <Tr key={c.id} data-testid={`rubric-${c.id}`}>
                <Td>{c.label}</Td>
                <Td numeric className="font-semibold">
                  {c.average === null ? "–" : c.average.toFixed(1)}
                </Td>
                <Td numeric>{c.scored}</Td>
              </Tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}

function Bar({ percent, enough }: { percent: number; enough: boolean }) {
  // too few answers: no colored verdict (a single wrong answer is not a "0 %" red bar)
  if (!enough) return <span className="block h-2 w-full rounded bg-slate-100" aria-hidden="true" />;
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
  const [{ ideas, attempts }, rubric] = await Promise.all([
    getQuizInsights({ actor: user, cohortId: cohort.id, assignmentId: assignment?.id ?? null }),
    getRubricInsights({ actor: user, cohortId: cohort.id, assignmentId: assignment?.id ?? null }),
  ]);
  if (!assignment) {
    return (
      <p className={cardClasses}>
        The module is not assigned yet, so there are no quiz results.{" "}
        {manage && (
          <Link className="link" href={`${basePath}/assignment`}>
            Assign it
          </Link>
        )}
      </p>
    );
  }
  if (!ideas.length) {
    return (
      <div className="space-y-6">
        <EmptyState
          action={
            <Link className={buttonClasses({ variant: "secondary" })} href={basePath}>
              See who has started
            </Link>
          }
        >
          No quiz attempts yet. Insights appear here once learners of this cohort submit the quiz.
        </EmptyState>
        {rubric && <RubricInsightsCard rubric={rubric} />}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        From {attempts} submitted {attempts === 1 ? "attempt" : "attempts"} by learners of this cohort (reset attempts are left out).{" "}
        {ideas.some((i) => i.enough)
          ? "The ideas the cohort finds hardest come first: start the next session there."
          : "There are not enough answers yet to say which ideas the cohort finds hardest."}{" "}
        Percentages show from {MIN_ANSWERS} answers on.
      </p>
      {rubric && <RubricInsightsCard rubric={rubric} />}
      {ideas.map((idea) => (
        <Card
          key={idea.ideaId}
          className="space-y-3"
          data-testid={`idea-${idea.ideaId}`}
          title={
            <>
              {idea.title}
              {idea.kind === "misconception" && (
                <Badge tone="warning" size="sm" className="ml-2 align-middle">
                  Misconception
                </Badge>
              )}
            </>
          }
          actions={
            <p className="text-sm font-semibold" data-testid="idea-score">
              {idea.enough ? `${formatPercent(idea.percentCorrect)} correct` : "Not enough answers yet"}{" "}
              <span className="font-normal text-slate-600">
                ({idea.responses} {idea.responses === 1 ? "answer" : "answers"})
              </span>
            </p>
          }
        >
          <p className="text-sm text-slate-700">{idea.label.replace(/^\s*misconception\s*:\s*/i, "")}</p>
          <Bar percent={idea.percentCorrect} enough={idea.enough} />
          <Table caption="Quiz items on this idea" columns={itemColumns} framed={false}>
            {idea.items.map((item) => (
              <Tr key={item.itemId} data-testid={`item-${item.itemId}`}>
                <Td>{item.prompt}</Td>
                <Td numeric className="font-semibold">
                  {item.enough ? formatPercent(item.percentCorrect) : <span className="font-normal text-slate-600">Too few answers</span>}
                </Td>
                <Td numeric>{item.responses}</Td>
                <Td>
                  {item.topWrong ? (
                    <>
                      “{item.topWrong.text}”{" "}
                      <span className="text-slate-600">
                        — chosen {item.topWrong.count} {item.topWrong.count === 1 ? "time" : "times"}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-600">None</span>
                  )}
                </Td>
              </Tr>
            ))}
          </Table>
        </Card>
      ))}
    </div>
  );
}
