import { stringify } from "csv-stringify/sync";
import { assignedAtOf, effectiveDueSql } from "@/lib/learning/progress/due";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { dbKind, execRows, getDb } from "@/db/client";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments, modules, moduleVersions, users } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { csvHeader, safeCell } from "@/lib/platform/csv";
import { statusLabels, statusSql, type ProgressStatus } from "@/lib/learning/progress/status";
import { reportQuery, type ReportFilters } from "./organisation-filters";
import { hoursEarnedSql, hoursJoins, learnerAssignmentConditions, learnerAssignmentsFrom, nowSql, whereSql } from "./organisation-sql";

type Actor = Pick<CurrentUser, "id" | "role" | "email">;

export const EXPORT_BATCH = 2000;
export const EXPORT_WORK_MEM = "96MB";

export const exportHeader = csvHeader(
  "learnerName",
  "email",
  "cohort",
  "instructors",
  "module",
  "moduleVersion",
  "assigned",
  "due",
  "status",
  "bestScore",
  "attempts",
  "reflections",
  "completed",
  "contactHours",
  "byPriorCompletion",
);

type ExportRow = {
  id: string;
  cohort_name: string;
  cohort_id: string;
  learner_name: string;
  email: string;
  instructors: string | null;
  module: string;
  version: string | null;
  assigned: string;
  due: string;
  status: ProgressStatus;
  best_score: string | null;
  attempts: string;
  reflections: string;
  completed: string | null;
  hours: string;
  prior: boolean;
};

/** "Assigned" (lib/learning/progress/due.ts), with the learner's enrollment read beside each progress row. */
const assignedAtSql = assignedAtOf(sql`(select ${enrolments.enrolledAt} from ${enrolments}
  where ${enrolments.cohortId} = ${assignmentProgress.cohortId} and ${enrolments.userId} = ${assignmentProgress.userId})`);

// ISO 8601 UTC, as csvTimestamp writes it, but by the database: 100,000 rows cost no Date objects
const utc = (column: SQL | unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * One row per learner and assignment in view, ordered by cohort, then learner.
 * `after` continues after a row (keyset pagination).
 */
export function exportQuery(filters: ReportFilters, now: Date, after?: ExportRow, limit?: number): SQL {
  const where = learnerAssignmentConditions(filters, now, "due");
  if (after) {
    where.push(sql`(${cohorts.name}, ${cohorts.id}, ${users.name}, ${assignmentProgress.id})
      > (${after.cohort_name}, ${after.cohort_id}::uuid, ${after.learner_name}, ${after.id}::uuid)`);
  }
  return sql`with instructors as (
      select ${cohortInstructors.cohortId} as cohort_id, string_agg(${users.name}, ', ' order by ${users.name}) as names
      from ${cohortInstructors} join ${users} on ${users.id} = ${cohortInstructors.userId}
      group by ${cohortInstructors.cohortId}
    )
    select ${assignmentProgress.id}::text as id, ${cohorts.name} as cohort_name, ${cohorts.id}::text as cohort_id,
      ${users.name} as learner_name, ${users.email} as email, instructors.names as instructors,
      coalesce(${moduleVersions.title}, ${modules.title}) as module, ${moduleVersions.version}::text as version,
      ${utc(assignedAtSql)} as assigned, ${utc(effectiveDueSql)} as due,
      ${statusSql(nowSql(now))} as status,
      ${assignmentProgress.bestScore}::text as best_score, ${assignmentProgress.attemptsCount}::text as attempts,
      ${assignmentProgress.reflectionsSubmitted}::text as reflections,
      ${utc(assignmentProgress.completedAt)} as completed,
      (${hoursEarnedSql})::float8::text as hours,
      (${assignmentProgress.creditedFromProgressId} is not null) as prior
    from ${learnerAssignmentsFrom}
      join ${users} on ${users.id} = ${assignmentProgress.userId}
      join ${modules} on ${modules.id} = ${assignments.moduleId}
      left join instructors on instructors.cohort_id = ${cohorts.id}
      ${hoursJoins}
    ${whereSql(where)}
    order by ${cohorts.name}, ${cohorts.id}, ${users.name}, ${assignmentProgress.id}
    ${limit ? sql`limit ${limit}` : sql``}`;
}

function toRecord(r: ExportRow): string[] {
  return [
    r.learner_name,
    r.email,
    r.cohort_name,
    r.instructors ?? "",
    r.module,
    r.version ?? "",
    r.assigned,
    r.due,
    statusLabels[r.status],
    r.best_score ?? "",
    r.attempts,
    r.reflections,
    r.completed ?? "",
    r.hours,
    r.prior ? "Yes" : "",
  ].map(safeCell);
}

/** Batches of rows: a server-side cursor on PostgreSQL, keyset pages elsewhere (PGlite). */
async function* exportBatches(
  filters: ReportFilters,
  now: Date,
  mode: "cursor" | "keyset",
  batchSize: number,
): AsyncGenerator<ExportRow[]> {
  const db = getDb();
  if (mode === "cursor") {
    // one connection of the pool for the whole export: its sort gets room in memory
    // (100,000 rows sort in ~50 MB instead of spilling to disk), reset before it goes back
    const connection = await (db as unknown as { $client: Sql }).$client.reserve();
    try {
      await connection.unsafe(`set work_mem = '${EXPORT_WORK_MEM}'`);
      const q = new PgDialect().sqlToQuery(exportQuery(filters, now));
      yield* connection.unsafe<ExportRow[]>(q.sql, q.params as never[]).cursor(batchSize);
    } finally {
      await connection.unsafe("reset work_mem").catch(() => {});
      connection.release();
    }
    return;
  }
  let after: ExportRow | undefined;
  for (;;) {
    const rows = await execRows<ExportRow>(db, exportQuery(filters, now, after, batchSize));
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}

/** How many rows the export of this view has (for the browser's progress). */
export async function countOrganisationExportRows({
  actor,
  filters,
  now = new Date(),
}: {
  actor: Actor;
  filters: ReportFilters;
  now?: Date;
}) {
  requirePermission(actor, "reports.organisation");
  const [r] = await execRows<{ n: number }>(
    getDb(),
    sql`select count(*)::int as n from ${learnerAssignmentsFrom} ${whereSql(learnerAssignmentConditions(filters, now, "due"))}`,
  );
  return r.n;
}

/**
 * The organisation CSV as a byte stream, read from the database a batch at a
 * time as the client takes it, so memory stays flat however many rows there
 * are. When it ends (or the client stops reading) the export is audited
 * with its filters and the number of rows sent.
 */
export function streamOrganisationExport({
  actor,
  filters,
  ip,
  now = new Date(),
  batchSize = EXPORT_BATCH,
  mode = dbKind() === "postgres" ? "cursor" : "keyset",
}: {
  actor: Actor;
  filters: ReportFilters;
  ip?: string | null;
  now?: Date;
  batchSize?: number;
  mode?: "cursor" | "keyset";
}): ReadableStream<Uint8Array> {
  requirePermission(actor, "reports.organisation");
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<ExportRow[]> | undefined;
  let rowCount = 0;
  let audited = false;
  const record = async (completed: boolean) => {
    if (audited) return;
    audited = true;
    const { sort: _s, dir: _d, page: _p, ...applied } = filters;
    await audit(getDb(), {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "export.org_csv",
      ip,
      details: { filters: applied, query: reportQuery(applied), rows: rowCount, completed },
    });
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(stringify([exportHeader])));
      },
      async pull(controller) {
        try {
          batches ??= exportBatches(filters, now, mode, batchSize);
          const next = await batches.next();
          if (next.done) {
            await record(true);
            controller.close();
            return;
          }
          rowCount += next.value.length;
          controller.enqueue(encoder.encode(stringify(next.value.map(toRecord))));
        } catch (e) {
          controller.error(e);
          await batches?.return(undefined).catch(() => {});
          await record(false).catch(() => {});
        }
      },
      async cancel() {
        await batches?.return(undefined).catch(() => {});
        await record(false);
      },
    },
    // one batch ahead at most: the database is read as fast as the client takes it
    { highWaterMark: 1 },
  );
}

export function exportFilename(now = new Date()) {
  return `cohort-completion-${now.toISOString().slice(0, 10)}.csv`;
}
