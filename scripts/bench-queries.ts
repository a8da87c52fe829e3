/**
 * What `npm run bench` requests for each target, and the SQL behind it.
 *
 * For each target: `path` is the URL the benchmark loads (the real route),
 * and `queries` calls the same lib/ loaders the page or route handler calls,
 * with the same arguments, in the same order: what the page awaits one after
 * the other goes in separate `phase`s, what it runs side by side (Promise.all)
 * in one phase. Every statement they send through getDb() is captured
 * (scripts/bench/sql.ts) and replayed the same way as the page's SQL
 * reference, and explained into bench-results/plans/. SQL a route runs
 * outside getDb()'s logger (the export's server-side cursor) is returned as
 * drizzle `sql` objects.
 *
 * Keep each `queries` in step with its page: the page/SQL budgets are only
 * as true as this list.
 */
import { readReportFilters } from "@/lib/reports/organisation-filters";
import {
  getCompletionsPerWeek,
  getOrganisationTiles,
  hasAnyCohort,
  listOrganisationCohorts,
  listReportInstructors,
} from "@/lib/reports/organisation";
import { countOrganisationExportRows, exportQuery } from "@/lib/reports/organisation-export";
import { getCohortProgress, learnerPageQuerySchema } from "@/lib/reports/cohort-progress";
import { getCohortCharts } from "@/lib/reports/cohort-funnel";
import { requireCohort } from "@/lib/cohorts/cohorts";
import type { PhaseFn } from "./bench/sql";

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
  queries?: (ctx: BenchContext, phase: PhaseFn) => unknown;
};

const admin = (ctx: BenchContext) => ({ id: ctx.adminId, role: "admin" as const, email: ctx.adminEmail });

function searchOf(path: string) {
  return new URL(path, "http://bench").searchParams;
}

/** app/admin/page.tsx: the five loaders it runs side by side, with the filters read from the URL. */
async function organisationReport(ctx: BenchContext, path: string, phase: PhaseFn) {
  const actor = admin(ctx);
  const { filters } = readReportFilters(searchOf(path));
  const now = new Date();
  await phase("the five loaders, side by side", () =>
    Promise.all([
      getOrganisationTiles({ actor, filters, now }),
      listOrganisationCohorts({ actor, filters, now }),
      getCompletionsPerWeek({ actor, filters, now }),
      listReportInstructors({ actor }),
      hasAnyCohort({ actor }),
    ]),
  );
}

const organisationPath = () => "/admin";
// the page's real filter parameters (lib/reports/organisation-filters.ts): an assignment status and an instructor
const organisationFilteredPath = (ctx: BenchContext) => `/admin?status=overdue&instructor=${ctx.instructorId}`;

export const benchTargets: Record<
  "organisationReport" | "organisationReportFiltered" | "export" | "cohortPage" | "learnerHome",
  BenchTarget
> = {
  learnerHome: {
    path: () => "/learn",
  },
  organisationReport: {
    path: organisationPath,
    queries: (ctx, phase) => organisationReport(ctx, organisationPath(), phase),
  },
  organisationReportFiltered: {
    path: organisationFilteredPath,
    queries: (ctx, phase) => organisationReport(ctx, organisationFilteredPath(ctx), phase),
  },
  export: {
    path: () => "/admin/export.csv",
    // app/admin/export.csv/route.ts: the row count (through getDb), then the rows through a cursor on a reserved
    // connection (for the plans; the export's reference is that cursor alone, bench.ts measureExport)
    queries: async (ctx, phase) => {
      const { filters } = readReportFilters(searchOf("/admin/export.csv"));
      const now = new Date();
      await phase("row count", () => countOrganisationExportRows({ actor: admin(ctx), filters, now }));
      return [exportQuery(filters, now)];
    },
  },
  cohortPage: {
    path: (ctx) => `/instructor/cohorts/${ctx.cohortId}`,
    // app/instructor/cohorts/[cohortId]/page.tsx → requireCohortForRender + CohortProgressView (getCohortProgress) with
    // no query string: the scope-checked cohort, then its assignments, tiles and one page of learners, as the page runs them;
    // beside them CohortCharts (getCohortCharts: funnel and trend), a sibling server component React renders concurrently
    queries: async (ctx, phase) => {
      const actor = { id: ctx.instructorId, role: "instructor" as const, email: ctx.instructorEmail };
      const cohort = await phase("the cohort, scope checked", () => requireCohort(actor, ctx.cohortId, "cohort.progress"));
      await phase("assignments, tiles, learner table, funnel and trend", () =>
        Promise.all([
          getCohortProgress({ actor, cohortId: cohort.id, query: learnerPageQuerySchema.parse({}) }),
          getCohortCharts({ actor, cohortId: cohort.id }),
        ]),
      );
    },
  },
};
