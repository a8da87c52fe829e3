/**
 * What `npm run bench` requests for each target, and the SQL behind it.
 *
 * For each target: `path` is the URL the benchmark loads (the real route),
 * and `queries` calls the same lib/reports functions the page or route
 * handler calls, with the same arguments. Every statement they send through
 * getDb() is captured and timed with EXPLAIN ANALYZE, so page time can be
 * compared with SQL time. SQL a route runs outside getDb()'s logger (the
 * export's server-side cursor) is returned as drizzle `sql` objects and
 * timed as well.
 */
import { readReportFilters } from "@/lib/reports/organisation-filters";
import { getCompletionsPerWeek, getOrganisationTiles, hasAnyCohort, listOrganisationCohorts, listReportInstructors } from "@/lib/reports/organisation";
import { countOrganisationExportRows, exportQuery } from "@/lib/reports/organisation-export";
import { getCohortProgress, learnerPageQuerySchema } from "@/lib/reports/cohort-progress";
import { requireCohort } from "@/lib/cohorts/cohorts";

export type BenchContext = {
  /** the cohort of 500 */
  cohortId: string;
  /** an instructor of that cohort (the one the bench signs in) */
  instructorId: string;
  instructorEmail: string;
  /** the scale admin */
  adminId: string;
  adminEmail: string;
};

export type BenchTarget = {
  path: (ctx: BenchContext) => string;
  queries?: (ctx: BenchContext) => unknown;
};

const admin = (ctx: BenchContext) => ({ id: ctx.adminId, role: "admin" as const, email: ctx.adminEmail });

function searchOf(path: string) {
  return new URL(path, "http://bench").searchParams;
}

/** app/admin/page.tsx: the five loaders it runs side by side, with the filters read from the URL. */
async function organisationReport(ctx: BenchContext, path: string) {
  const actor = admin(ctx);
  const { filters } = readReportFilters(searchOf(path));
  const now = new Date();
  await getOrganisationTiles({ actor, filters, now });
  await listOrganisationCohorts({ actor, filters, now });
  await getCompletionsPerWeek({ actor, filters, now });
  await listReportInstructors({ actor });
  await hasAnyCohort({ actor });
}

const organisationPath = () => "/admin";
// the page's real filter parameters (lib/reports/organisation-filters.ts): an assignment status and an instructor
const organisationFilteredPath = (ctx: BenchContext) => `/admin?status=overdue&instructor=${ctx.instructorId}`;

export const benchTargets: Record<"organisationReport" | "organisationReportFiltered" | "export" | "cohortPage" | "learnerHome", BenchTarget> = {
  learnerHome: {
    path: () => "/learn",
  },
  organisationReport: {
    path: organisationPath,
    queries: (ctx) => organisationReport(ctx, organisationPath()),
  },
  organisationReportFiltered: {
    path: organisationFilteredPath,
    queries: (ctx) => organisationReport(ctx, organisationFilteredPath(ctx)),
  },
  export: {
    path: () => "/admin/export.csv",
    // app/admin/export.csv/route.ts: the row count (through getDb), then the rows through a cursor on a reserved connection
    queries: async (ctx) => {
      const { filters } = readReportFilters(searchOf("/admin/export.csv"));
      const now = new Date();
      await countOrganisationExportRows({ actor: admin(ctx), filters, now });
      return [exportQuery(filters, now)];
    },
  },
  cohortPage: {
    path: (ctx) => `/instructor/cohorts/${ctx.cohortId}`,
    // app/instructor/cohorts/[cohortId]/page.tsx → requireCohort + CohortProgressView (getCohortProgress) with no query string:
    // two scope checks, the assignments, the tiles and one page of learners, as the page runs them
    queries: async (ctx) => {
      const actor = { id: ctx.instructorId, role: "instructor" as const, email: ctx.instructorEmail };
      const cohort = await requireCohort(actor, ctx.cohortId, "cohort.progress");
      await getCohortProgress({ actor, cohortId: cohort.id, query: learnerPageQuerySchema.parse({}) });
    },
  },
};
