import { sql, type SQL } from "drizzle-orm";
import { assignments, moduleVersions } from "@/db/schema";

/**
 * The pass mark in force on an assignment: the one set for the cohort's
 * assignment, else the module version's own. A new attempt stores it, so an
 * attempt keeps the pass mark it started with.
 */
export const effectivePassMark = (assignment: { passMarkOverride: number | null }, version: { passMark: number }): number =>
  assignment.passMarkOverride ?? version.passMark;

/** The same rule in SQL; needs assignments and module_versions in the query. */
export const effectivePassMarkSql = (): SQL<number> => sql<number>`coalesce(${assignments.passMarkOverride}, ${moduleVersions.passMark})`;
