import { sql } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";
import { assignments, enrolments, reflectionReviews, reflections } from "@/db/schema";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { getLatestVersion } from "@/lib/learning/module/publish";

export type RubricInsight = {
  /** reflections with at least one scored review (each counted once, by its latest scored review) */
  scored: number;
  max: number;
  acceptAt: number;
  averageTotal: number | null;
  criteria: { id: string; label: string; average: number | null; scored: number }[];
};

/**
 * How the cohort's reflections score on the rubric: the average per
 * criterion over each reflection's latest scored review, for the cohort's
 * active learners, in one SQL aggregate. Null when the module has no rubric.
 */
export async function getRubricInsights({
  actor,
  cohortId,
  assignmentId,
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string | null;
}): Promise<RubricInsight | null> {
  await requireCohort(actor, cohortId, "cohort.progress");
  if (!assignmentId) return null;
  const [a] = await execRows<{ module_id: string }>(
    getDb(),
    sql`select ${assignments.moduleId} as module_id from ${assignments} where ${assignments.id} = ${assignmentId} and ${assignments.cohortId} = ${cohortId}`,
  );
  if (!a) return null;
  const rubric = (await getLatestVersion(a.module_id))?.content.reflectionRubric;
  if (!rubric) return null;
  const rows = await execRows<{
    criterion: string | null;
    average: string | number | null;
    scored: number;
    reflections: number;
    total: string | number | null;
  }>(
    getDb(),
    sql`
    with latest as (
      select distinct on (rr.reflection_id) rr.reflection_id, rr.scores
      from ${reflectionReviews} rr
      join ${reflections} r on r.id = rr.reflection_id
      join ${enrolments} e on e.cohort_id = ${cohortId} and e.user_id = r.user_id and e.status = 'active'
      where r.assignment_id = ${assignmentId} and rr.scores is not null
      order by rr.reflection_id, rr.created_at desc, rr.id desc
    ),
    totals as (select reflection_id, (select sum(v::numeric) from jsonb_each_text(scores) as t(k, v)) as total from latest)
    select s.key as criterion, avg(s.value::numeric) as average, count(*)::int as scored,
      (select count(*)::int from latest) as reflections, (select avg(total) from totals) as total
    from latest, jsonb_each_text(latest.scores) as s(key, value)
    group by s.key`,
  );
  const round = (v: string | number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  const by = new Map(rows.map((r) => [r.criterion, r]));
  return {
    scored: rows[0]?.reflections ?? 0,
    max: 2 * rubric.criteria.length,
    acceptAt: rubric.acceptAt,
    averageTotal: round(rows[0]?.total ?? null),
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      average: round(by.get(c.id)?.average ?? null),
      scored: by.get(c.id)?.scored ?? 0,
    })),
  };
}
