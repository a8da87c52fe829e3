/**
 * The organisation report's filters, as they travel in the URL (a GET form),
 * so a filtered view can be shared. The page, the CSV export and the tests
 * read them with the same schema.
 */
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDayInRange } from "@/lib/platform/dates";
import { statuses, type ProgressStatus } from "@/lib/learning/progress/status";
import { isUuid } from "@/lib/platform/ids";

export const cohortSortKeys = ["name", "enrolled", "complete", "overdue", "median", "due"] as const;
export type CohortSortKey = (typeof cohortSortKeys)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "That date does not exist.")
  .refine(isDayInRange, DATE_RANGE_MESSAGE);

const fields = {
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  instructor: z.preprocess(blankToUndefined, z.string().refine(isUuid, "Unknown instructor.").optional()),
  cohortStatus: z.preprocess(blankToUndefined, z.enum(["active", "archived"]).optional()),
  status: z.preprocess(blankToUndefined, z.enum(statuses).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(cohortSortKeys).default("name")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("asc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
};

/** Strict: any value that is not understood is an error (the CSV export answers 400). */
export const reportFiltersSchema = z
  .object(fields)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date." });

export type ReportFilters = {
  from?: string;
  to?: string;
  instructor?: string;
  cohortStatus?: "active" | "archived";
  status?: ProgressStatus;
  sort: CohortSortKey;
  dir: "asc" | "desc";
  page: number;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function flatten(params: Params): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

/** Lenient (the page): values that are not understood are dropped and named, the rest kept. */
export function readReportFilters(params: Params): { filters: ReportFilters; ignored: string[] } {
  const raw = flatten(params);
  const out: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) out[key] = r.data;
    else {
      ignored.push(key);
      out[key] = (schema as z.ZodType).parse(undefined);
    }
  }
  const filters = out as ReportFilters;
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push("to");
    filters.to = undefined;
  }
  return { filters, ignored };
}

/** The query string of a view; defaults are left out so URLs stay short. */
export function reportQuery(f: Partial<ReportFilters>, overrides: Partial<ReportFilters> = {}): string {
  const merged = { ...f, ...overrides };
  const p = new URLSearchParams();
  if (merged.from) p.set("from", merged.from);
  if (merged.to) p.set("to", merged.to);
  if (merged.instructor) p.set("instructor", merged.instructor);
  if (merged.cohortStatus) p.set("cohortStatus", merged.cohortStatus);
  if (merged.status) p.set("status", merged.status);
  if (merged.sort && merged.sort !== "name") p.set("sort", merged.sort);
  if (merged.dir && merged.dir !== "asc") p.set("dir", merged.dir);
  if (merged.page && merged.page > 1) p.set("page", String(merged.page));
  return p.toString();
}

/** Filters that narrow the learner-assignments themselves (not only which cohorts). */
export function hasRowFilters(f: Pick<ReportFilters, "from" | "to" | "status">) {
  return Boolean(f.from || f.to || f.status);
}

/** Start of a UTC day, and the start of the day after (for an inclusive end date). */
export function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
export function dayAfter(date: string): Date {
  return new Date(dayStart(date).getTime() + 86_400_000);
}
