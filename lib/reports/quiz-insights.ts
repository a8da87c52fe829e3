import { sql } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";
import { assignments, enrolments, quizAttempts, quizResponses } from "@/db/schema";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import type { ModuleContent } from "@/lib/learning/module/content-schema";
import { countedAttemptSql } from "@/lib/learning/quiz/counted";
import { getLatestVersion, getModuleVersion } from "@/lib/learning/module/publish";

/** Below this many answers a percentage says more about chance than about the cohort: not ranked, not charted. */
export const MIN_ANSWERS = 5;

export type ItemInsight = {
  itemId: string;
  prompt: string;
  responses: number;
  correct: number;
  percentCorrect: number;
  /** at least MIN_ANSWERS answers: the percentage is shown and ranked */
  enough: boolean;
  /** the wrong option picked most often among wrong answers, with how many picked it */
  topWrong: { optionId: string; text: string; count: number } | null;
};

export type IdeaInsight = {
  ideaId: string;
  label: string;
  /** the label as a heading: "Trust and rapport are the base of peer support", "The belief that showing feelings is unprofessional" */
  title: string;
  kind: "idea" | "misconception" | null;
  responses: number;
  percentCorrect: number;
  enough: boolean;
  items: ItemInsight[];
};

/**
 * An idea's label (a sentence or two of module content) as a heading: its
 * first clause, without a "Misconception:" prefix; a misconception reads as
 * "The belief that …" so it is not mistaken for what the course teaches.
 */
export function ideaTitle(label: string, kind: IdeaInsight["kind"]): string {
  const text = label.replace(/^\s*misconception\s*:\s*/i, "").trim();
  const first = (text.split(/(?<=[.!?])\s+|:\s+|;\s+/)[0] ?? text).replace(/[.!?]+$/, "").split(/,\s+(?:so|and|but)\s+/)[0];
  if (kind === "misconception") return `The belief that ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/**
 * What the cohort still gets wrong: per quiz item, percent correct, number of
 * responses and the most chosen wrong option, grouped by the idea or
 * misconception it tests, worst first. Counts only the attempts that count
 * (lib/learning/quiz/counted.ts: submitted, not reset) of the cohort's active learners, in one SQL aggregate; the option
 * and idea wording comes from the module content.
 */
export async function getQuizInsights({ actor, cohortId, assignmentId }: { actor: Actor; cohortId: string; assignmentId: string | null }) {
  await requireCohort(actor, cohortId, "cohort.progress");
  if (!assignmentId) return { ideas: [] as IdeaInsight[], attempts: 0 };
  const rows = await execRows<{
    item_id: string;
    idea_id: string;
    responses: number;
    correct: number;
    attempts: number;
    version_id: string;
    option_counts: Record<string, number> | string | null;
  }>(
    getDb(),
    sql`
    with r as (
      select ${quizResponses.itemId} as item_id, ${quizResponses.ideaId} as idea_id, ${quizResponses.correct} as correct,
        ${quizResponses.chosenOptionIds} as chosen, ${quizAttempts.id} as attempt_id, ${quizAttempts.moduleVersionId} as version_id
      from ${quizResponses}
      join ${quizAttempts} on ${quizAttempts.id} = ${quizResponses.attemptId}
      join ${assignments} on ${assignments.id} = ${quizAttempts.assignmentId}
      join ${enrolments} on ${enrolments.cohortId} = ${assignments.cohortId} and ${enrolments.userId} = ${quizAttempts.userId} and ${enrolments.status} = 'active'
      where ${quizAttempts.assignmentId} = ${assignmentId} and ${assignments.cohortId} = ${cohortId}
        and ${countedAttemptSql()}
    ),
    wrong_picks as (
      select item_id, option_id, count(*)::int as n
      from r, unnest(r.chosen) as option_id
      where not r.correct
      group by item_id, option_id
    )
    select r.item_id, min(r.idea_id) as idea_id, count(*)::int as responses,
      (count(*) filter (where r.correct))::int as correct,
      (select count(distinct attempt_id)::int from r) as attempts,
      max(r.version_id::text) as version_id,
      (select jsonb_object_agg(w.option_id, w.n) from wrong_picks w where w.item_id = r.item_id) as option_counts
    from r
    group by r.item_id`,
  );
  if (!rows.length) return { ideas: [] as IdeaInsight[], attempts: 0 };

  const [{ module_id: moduleId }] = await execRows<{ module_id: string }>(
    getDb(),
    sql`select ${assignments.moduleId} as module_id from ${assignments} where ${assignments.id} = ${assignmentId}`,
  );
  const latest = await getLatestVersion(moduleId);
  const contents = new Map<string, ModuleContent>();
  const contentFor = async (versionId: string) => {
    if (!contents.has(versionId)) {
      const v = await getModuleVersion(versionId);
      if (v) contents.set(versionId, v.content);
    }
    return contents.get(versionId) ?? latest?.content;
  };

  const ideas = new Map<string, IdeaInsight>();
  for (const row of rows) {
    // the wording of the latest version that has this item (ids are stable across versions)
    const content = latest?.content.quiz.some((q) => q.id === row.item_id) ? latest.content : await contentFor(row.version_id);
    const item = content?.quiz.find((q) => q.id === row.item_id);
    const counts: Record<string, number> =
      typeof row.option_counts === "string" ? JSON.parse(row.option_counts) : (row.option_counts ?? {});
    let topWrong: ItemInsight["topWrong"] = null;
    for (const [optionId, count] of Object.entries(counts)) {
      const option = item?.options.find((o) => o.id === optionId);
      if (option?.correct) continue; // a correct option ticked inside a wrong multiple-select answer
      if (!topWrong || count > topWrong.count || (count === topWrong.count && optionId < topWrong.optionId)) {
        topWrong = { optionId, text: option?.text ?? optionId, count };
      }
    }
    const responses = Number(row.responses);
    const correct = Number(row.correct);
    const insight: ItemInsight = {
      itemId: row.item_id,
      prompt: item?.prompt ?? row.item_id,
      responses,
      correct,
      percentCorrect: Math.round((correct / responses) * 100),
      enough: responses >= MIN_ANSWERS,
      topWrong,
    };
    const ideaId = row.idea_id; // as tagged when the attempt was scored
    let group = ideas.get(ideaId);
    if (!group) {
      const idea = (latest?.content ?? content)?.ideas.find((i) => i.id === ideaId);
      const label = idea?.label ?? ideaId;
      const kind = idea?.kind ?? null;
      group = { ideaId, label, title: ideaTitle(label, kind), kind, responses: 0, percentCorrect: 0, enough: false, items: [] };
      ideas.set(ideaId, group);
    }
    group.items.push(insight);
  }
  // hardest first among those with enough answers; the rest after them, most answered first, unranked
  const worstFirst = <T extends { percentCorrect: number; responses: number; enough: boolean }>(a: T, b: T) =>
    Number(b.enough) - Number(a.enough) || (a.enough ? a.percentCorrect - b.percentCorrect : 0) || b.responses - a.responses;
  const grouped = [...ideas.values()].map((g) => {
    const responses = g.items.reduce((s, i) => s + i.responses, 0);
    const correct = g.items.reduce((s, i) => s + i.correct, 0);
    const enough = responses >= MIN_ANSWERS;
    return { ...g, responses, percentCorrect: Math.round((correct / responses) * 100), enough, items: g.items.sort(worstFirst) };
  });
  return { ideas: grouped.sort(worstFirst), attempts: Number(rows[0].attempts) };
}
