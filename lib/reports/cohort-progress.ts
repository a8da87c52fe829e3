import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { assignedAtOf, effectiveDueSql } from "@/lib/learning/progress/due";
import { z } from "zod";
import { getDb, preparedOnce, type Db } from "@/db/client";
import { assignmentProgress, assignments, enrolments, moduleVersions, reflections, users } from "@/db/schema";
import { listCohortAssignments, pickAssignment } from "@/lib/cohorts/assignments";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { statuses, statusSql, type ProgressStatus } from "@/lib/learning/progress/status";

export const LEARNERS_PAGE_SIZE = 25;

/** The only columns the learner table sorts by; anything else is refused. */
export const learnerSorts = ["name", "email", "status", "bestScore", "attempts", "reflections", "lastActivity"] as const;
export type LearnerSort = (typeof learnerSorts)[number];

/** Query-string filters of the table and its export, parsed strictly (a bad value is an error, not a guess). */
export const learnerQuerySchema = z.object({
  sort: z.enum(learnerSorts).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  status: z.enum(statuses).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  assignment: z.string().uuid().optional(),
});
export type LearnerQuery = z.infer<typeof learnerQuerySchema>;

// Values go in as placeholders: each shape of these queries is built once and prepared (db/client.ts preparedOnce).
const ph = {
  cohortId: sql.placeholder("cohortId"),
  assignmentId: sql.placeholder("assignmentId"),
  now: sql`${sql.placeholder("now")}::timestamptz`,
};

/** Status of the joined progress row, or null while the cohort has no assignment. */
function statusOrNull() {
  return sql<ProgressStatus | null>`(case when ${assignments.id} is null then null else ${statusSql(ph.now)} end)`;
}

/** Active enrolments of the cohort joined to their progress on one assignment (left join: no assignment yet is fine). */
function learnerRows(hasAssignment: boolean) {
  return {
    progressJoin: hasAssignment
      ? and(eq(assignmentProgress.userId, enrolments.userId), eq(assignmentProgress.assignmentId, ph.assignmentId))
      : sql`false`,
    assignmentJoin: and(eq(assignments.id, assignmentProgress.assignmentId), eq(assignments.cohortId, ph.cohortId)),
    active: and(eq(enrolments.cohortId, ph.cohortId), eq(enrolments.status, "active")),
  };
}

export type CohortSummary = {
  enrolled: number;
  completed: number;
  completePercent: number | null;
  quizTakers: number;
  quizPassed: number;
  quizPassRate: number | null;
  reflectionsSubmitted: number;
  awaitingReview: number;
  overdue: number;
};

/**
 * The tiles of the cohort page, for one assignment: one aggregate query over
 * the cohort's active enrolments. Quiz pass rate is among learners who have
 * submitted at least one (non-reset) attempt.
 */
export async function getCohortSummary({
  actor,
  cohortId,
  assignmentId,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string | null;
  now?: Date;
}): Promise<CohortSummary> {
  await requireCohort(actor, cohortId, "cohort.progress");
  return summaryOf(cohortId, assignmentId, now);
}

function buildSummaryQuery(db: Db, hasAssignment: boolean) {
  const j = learnerRows(hasAssignment);
  const awaiting = hasAssignment
    ? sql<number>`(select count(*)::int from ${reflections}
        join ${enrolments} re on re.user_id = ${reflections.userId} and re.cohort_id = ${ph.cohortId} and re.status = 'active'
        where ${reflections.assignmentId} = ${ph.assignmentId} and ${reflections.status} = 'submitted')`
    : sql<number>`0`;
  return db
    .select({
      enrolled: sql<number>`count(*)::int`,
      completed: sql<number>`count(${assignmentProgress.completedAt})::int`,
      quizTakers: sql<number>`(count(*) filter (where ${assignmentProgress.attemptsCount} > 0))::int`,
      quizPassed: sql<number>`count(${assignmentProgress.quizPassedAt})::int`,
      reflectionsSubmitted: sql<number>`coalesce(sum(${assignmentProgress.reflectionsSubmitted}), 0)::int`,
      overdue: sql<number>`(count(*) filter (where ${statusOrNull()} = 'overdue'))::int`,
      awaitingReview: awaiting,
    })
    .from(enrolments)
    .leftJoin(assignmentProgress, j.progressJoin)
    .leftJoin(assignments, j.assignmentJoin)
    .where(j.active)
    .prepare("cohort_summary");
}

/** The tiles' query, for a cohort whose scope the caller has checked. */
async function summaryOf(cohortId: string, assignmentId: string | null, now: Date): Promise<CohortSummary> {
  const query = preparedOnce(getDb(), `cohort_summary:${Boolean(assignmentId)}`, (db) => buildSummaryQuery(db, Boolean(assignmentId)));
  const [row] = await query.execute({ cohortId, assignmentId, now: now.toISOString() });
  const pct = (n: number, d: number) => (d ? Math.round((n / d) * 100) : null);
  return {
    ...row,
    completePercent: assignmentId ? pct(row.completed, row.enrolled) : null,
    quizPassRate: pct(row.quizPassed, row.quizTakers),
  };
}

export type LearnerRow = {
  userId: string;
  name: string;
  email: string;
  hasPassword: boolean;
  progressId: string | null;
  status: ProgressStatus | null;
  bestScore: number | null;
  attempts: number;
  reflections: number;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  /** the progress bar: sections read and reflections submitted of the learner's module version, quiz passed or not */
  sectionsRead: number;
  sectionsTotal: number;
  quizPassed: boolean;
  reflectionsTotal: number;
  /** when the module reached this learner: the assignment's creation, or their enrollment if later (as the organization export) */
  assignedAt: Date | null;
  /** the learner's own due date (null while the cohort has no assignment) */
  dueAt: Date | null;
  /** the learner has an extension: dueAt is theirs, not the cohort's */
  extended: boolean;
  byPriorCompletion: boolean;
};

/**
 * The learner table: sorted (allowlisted columns), filtered by status,
 * searched by name or email, one page at a time, all in one SQL query
 * (the total comes from a window count). `pageSize: "all"` is for exports.
 */
export async function listCohortLearners({ actor, ...opts }: { actor: Actor } & LearnerTableOptions): Promise<LearnerTable> {
  await requireCohort(actor, opts.cohortId, "cohort.progress");
  return learnersOf(opts);
}

type LearnerTableOptions = {
  cohortId: string;
  assignmentId: string | null;
  sort?: LearnerSort;
  dir?: "asc" | "desc";
  status?: ProgressStatus;
  q?: string;
  page?: number;
  pageSize?: number | "all";
  now?: Date;
};
export type LearnerTable = { rows: LearnerRow[]; total: number; page: number; pageCount: number };

type LearnerShape = { hasAssignment: boolean; sort: LearnerSort; dir: "asc" | "desc"; status: boolean; q: boolean; paged: boolean };

/** The conditions of the learner table for a shape (values are placeholders). */
function learnerConditions(shape: LearnerShape) {
  const j = learnerRows(shape.hasAssignment);
  const where: SQL[] = [j.active!];
  if (shape.status && shape.hasAssignment) where.push(sql`${statusOrNull()} = ${sql.placeholder("status")}`);
  if (shape.q) where.push(sql`(${users.name} ilike ${sql.placeholder("like")} or ${users.email} ilike ${sql.placeholder("like")})`);
  return { j, where: and(...where) };
}

function buildLearnerQuery(db: Db, shape: LearnerShape) {
  const { j, where } = learnerConditions(shape);
  const st = statusOrNull();
  const statusRank = sql`(case ${st} when 'overdue' then 0 when 'not_started' then 1 when 'in_progress' then 2 when 'complete_late' then 3 when 'complete' then 4 end)`;
  const sortBy: Record<LearnerSort, SQL> = {
    name: sql`lower(${users.name})`,
    email: sql`lower(${users.email})`,
    status: statusRank,
    bestScore: sql`${assignmentProgress.bestScore}`,
    attempts: sql`${assignmentProgress.attemptsCount}`,
    reflections: sql`${assignmentProgress.reflectionsSubmitted}`,
    lastActivity: sql`${assignmentProgress.lastActivityAt}`,
  };
  const order = shape.dir === "desc" ? sql`${sortBy[shape.sort]} desc nulls last` : sql`${sortBy[shape.sort]} asc nulls last`;
  const base = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      hasPassword: sql<boolean>`(${users.passwordHash} is not null)`,
      progressId: assignmentProgress.id,
      status: st,
      bestScore: assignmentProgress.bestScore,
      attempts: sql<number>`coalesce(${assignmentProgress.attemptsCount}, 0)`,
      reflections: sql<number>`coalesce(${assignmentProgress.reflectionsSubmitted}, 0)`,
      lastActivityAt: assignmentProgress.lastActivityAt,
      completedAt: assignmentProgress.completedAt,
      sectionsRead: sql<number>`coalesce(${assignmentProgress.sectionsRead}, 0)`,
      quizPassed: sql<boolean>`(${assignmentProgress.quizPassedAt} is not null)`,
      moduleVersionId: assignmentProgress.moduleVersionId,
      assignedAt: sql<Date | null>`(case when ${assignments.id} is null then null else ${assignedAtOf(enrolments.enrolledAt)} end)`.mapWith(
        assignments.createdAt,
      ),
      dueAt: sql<Date | null>`(case when ${assignments.id} is null then null else ${effectiveDueSql} end)`.mapWith(assignments.dueAt),
      extended: sql<boolean>`(${assignmentProgress.dueAtOverride} is not null)`,
      /** complete because the learner completed the same module version in another cohort (which is not named: it may not be taught by the viewer) */
      byPriorCompletion: sql<boolean>`coalesce(${assignmentProgress.creditedFromProgressId} is not null, false)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .leftJoin(assignmentProgress, j.progressJoin)
    .leftJoin(assignments, j.assignmentJoin)
    .where(where)
    .orderBy(order, asc(sql`lower(${users.name})`), desc(users.id));
  return shape.paged
    ? base.limit(sql.placeholder("limit")).offset(sql.placeholder("offset")).prepare("cohort_learners")
    : base.prepare("cohort_learners_all");
}

/** The learner table's query, for a cohort whose scope the caller has checked. */
async function learnersOf({
  cohortId,
  assignmentId,
  sort = "name",
  dir = "asc",
  status,
  q,
  page = 1,
  pageSize = LEARNERS_PAGE_SIZE,
  now = new Date(),
}: LearnerTableOptions): Promise<LearnerTable> {
  if (!learnerSorts.includes(sort)) throw new Error("Unknown sort column.");
  if (dir !== "asc" && dir !== "desc") throw new Error("Unknown sort direction.");
  const size = pageSize === "all" ? null : pageSize;
  const shape: LearnerShape = {
    hasAssignment: Boolean(assignmentId),
    sort,
    dir,
    status: Boolean(status),
    q: Boolean(q),
    paged: size !== null,
  };
  const values = {
    cohortId,
    assignmentId,
    now: now.toISOString(),
    status,
    like: q ? `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined,
    limit: size,
    offset: size ? (page - 1) * size : 0,
  };
  const query = preparedOnce(getDb(), `cohort_learners:${JSON.stringify(shape)}`, (db) => buildLearnerQuery(db, shape));
  const [rows, versions] = await Promise.all([query.execute(values), assignmentId ? versionSizesOf(assignmentId) : []]);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && page > 1) {
    // past the last page: count what there is so the pager can offer a way back (rare: not prepared)
    const { j, where } = learnerConditions(shape);
    const [c] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .leftJoin(assignmentProgress, j.progressJoin)
      .leftJoin(assignments, j.assignmentJoin)
      .where(where)
      .prepare("cohort_learners_count")
      .execute(values);
    total = c.n;
  }
  return {
    rows: rows.map(({ total: _t, moduleVersionId, ...r }) => {
      // a learner who has not started works on the newest version (the first in the list)
      const v = versions.find((x) => x.id === moduleVersionId) ?? versions[0];
      return {
        ...r,
        assignedAt: r.assignedAt ? new Date(r.assignedAt) : null,
        dueAt: r.dueAt ? new Date(r.dueAt) : null,
        extended: Boolean(r.extended),
        attempts: Number(r.attempts),
        reflections: Number(r.reflections),
        sectionsRead: Number(r.sectionsRead),
        sectionsTotal: v?.sections ?? 0,
        reflectionsTotal: v?.prompts ?? 0,
      };
    }),
    total,
    page,
    pageCount: size ? Math.max(1, Math.ceil(total / size)) : 1,
  };
}

/**
 * Section and prompt counts of every version of the assignment's module,
 * newest first: one small query beside the table's (a module has a handful
 * of versions), instead of reading module content for each learner row.
 */
function versionSizesOf(assignmentId: string) {
  const query = preparedOnce(getDb(), "module_version_sizes", (db) =>
    db
      .select({
        id: moduleVersions.id,
        sections: sql<number>`jsonb_array_length(${moduleVersions.content} -> 'sections')::int`,
        prompts: sql<number>`jsonb_array_length(${moduleVersions.content} -> 'reflections')::int`,
      })
      .from(moduleVersions)
      .where(
        eq(
          moduleVersions.moduleId,
          sql`(select ${assignments.moduleId} from ${assignments} where ${assignments.id} = ${sql.placeholder("assignmentId")})`,
        ),
      )
      .orderBy(desc(moduleVersions.version))
      .prepare("module_version_sizes"),
  );
  return query.execute({ assignmentId });
}

/** The same query string for the page: a bad value falls back to the default instead of failing the page. */
export const learnerPageQuerySchema = z.object({
  sort: z.enum(learnerSorts).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  status: z.enum(statuses).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  assignment: z.string().uuid().optional().catch(undefined),
});

/**
 * Everything the cohort page shows, after one scope check: the cohort's
 * assignments, the one chosen in the query (else the first), its tiles and
 * one page of the learner table.
 */
export async function getCohortProgress({
  actor,
  cohortId,
  query,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  query: LearnerPageQuery;
  now?: Date;
}) {
  // the list is read beside the scope check, and nothing of it is returned unless the check passes
  const [, assignmentList] = await Promise.all([requireCohort(actor, cohortId, "cohort.progress"), listCohortAssignments({ cohortId })]);
  const assignment = pickAssignment(assignmentList, query.assignment);
  const assignmentId = assignment?.id ?? null;
  const [summary, table] = await Promise.all([
    summaryOf(cohortId, assignmentId, now),
    learnersOf({
      cohortId,
      assignmentId,
      sort: query.sort,
      dir: query.dir,
      status: query.status,
      q: query.q || undefined,
      page: query.page,
      now,
    }),
  ]);
  return { assignmentList, assignment, summary, table };
}
export type LearnerPageQuery = z.infer<typeof learnerPageQuerySchema>;
