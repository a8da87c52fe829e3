/**
 * Prior completion, defined once: a learner who completed a module version
 * in one cohort has completed it in every other cohort that assigns the same
 * version. The row it was earned on keeps the certificate and the hours; the
 * other rows are complete "by prior completion" (credited_from_progress_id
 * names the row that earned it), carry no certificate and earn no hours.
 *
 * Applied when it can first hold, in the transaction that makes it hold: a
 * completion (complete.ts), a new assignment or enrolment (rows.ts). Every
 * reader then reads completed_at as before, so reports keep their indexes;
 * readers that credit hours or certificates skip credited rows
 * (earnedHereSql).
 */
import { sql, type SQL } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { assignmentProgress } from "@/db/schema";

/**
 * The version a progress row is or will be measured against: the pinned one,
 * or the module's latest until the learner starts (the version they would pin).
 * Needs the row's table as `target` and its assignment's module id.
 */
const targetVersionSql = (target: SQL, moduleId: SQL): SQL =>
  sql`coalesce(${target}.module_version_id,
    (select mv.id from module_versions mv where mv.module_id = ${moduleId} order by mv.version desc limit 1))`;

/**
 * THE rule, as one SQL expression: the learner's earliest completion earned
 * (not itself credited) on another row of the same module version, or no row.
 * `target` is the alias of an assignment_progress row; `moduleId` its module.
 */
export function priorCompletionSql(target: SQL, moduleId: SQL): SQL {
  return sql`(select earned.id from assignment_progress earned
    where earned.user_id = ${target}.user_id and earned.id <> ${target}.id
      and earned.completed_at is not null and earned.credited_from_progress_id is null
      and earned.module_version_id = ${targetVersionSql(target, moduleId)}
    order by earned.completed_at, earned.id limit 1)`;
}

/** A completion earned on this row (not by prior completion): it holds the certificate and the hours. */
export function earnedHereSql(): SQL {
  return sql`${assignmentProgress.creditedFromProgressId} is null`;
}

/**
 * Complete, by prior completion, every unfinished row in `scope` (a condition
 * on the alias `target`) whose learner completed the same version elsewhere.
 * The row takes the earning row's completion time and version. Idempotent.
 */
export async function creditPriorCompletions(tx: DbOrTx, scope: SQL): Promise<number> {
  const rows = await execRows<{ id: string }>(
    tx,
    sql`
    update assignment_progress credited
    set completed_at = earned.completed_at,
        credited_from_progress_id = earned.id,
        module_version_id = earned.module_version_id
    from (
      select target.id as target_id, ${priorCompletionSql(sql`target`, sql`a.module_id`)} as earned_id
      from assignment_progress target
      join assignments a on a.id = target.assignment_id
      where target.completed_at is null and ${scope}
    ) found
    join assignment_progress earned on earned.id = found.earned_id
    where credited.id = found.target_id and credited.completed_at is null
    returning credited.id`,
  );
  return rows.length;
}

/** After a completion earned on `progressId`: the learner's other rows of that version. */
export function creditAfterCompletion(tx: DbOrTx, { userId }: { userId: string }) {
  return creditPriorCompletions(tx, sql`target.user_id = ${userId}::uuid`);
}

/** The cohort a row's completion was earned in, when it is complete by prior completion (else null). Needs assignment_progress in the query. */
export function creditedFromCohortSql(): SQL<string | null> {
  return sql<string | null>`(select earned_cohort.name from assignment_progress earned_row
    join cohorts earned_cohort on earned_cohort.id = earned_row.cohort_id
    where earned_row.id = ${assignmentProgress.creditedFromProgressId})`;
}

/** The row that holds the certificate and hours of this row's completion: itself, or the row it was credited from. */
export function earningProgressIdSql(): SQL<string> {
  return sql<string>`coalesce(${assignmentProgress.creditedFromProgressId}, ${assignmentProgress.id})`;
}
