import { stringify } from "csv-stringify/sync";

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula. Prefixing a quote makes it text.
 * A plain negative number ("-0.31") runs nothing and stays a number.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? csvTimestamp(value) : String(value);
  if (/^-\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A whole CSV document with every cell neutralised. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))]);
}

/**
 * "2026-12-01T14:05:00Z": how every CSV writes a moment (ISO 8601, UTC,
 * whole seconds), whatever export it comes from; empty when there is none.
 */
export function csvTimestamp(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The one vocabulary of CSV column names: the same thing is called the same
 * in every export, in words a spreadsheet user reads (no snake_case).
 * Timestamps are ISO 8601 UTC (csvTimestamp), so no column says "(UTC)".
 */
export const csvColumns = {
  learnerName: "Learner name",
  email: "Email",
  cohort: "Cohort",
  instructors: "Instructors",
  module: "Module",
  moduleVersion: "Module version",
  assigned: "Assigned",
  due: "Due",
  status: "Status",
  bestScore: "Best score",
  attempts: "Quiz attempts",
  reflections: "Reflections submitted",
  lastActivity: "Last activity",
  completed: "Completed",
  contactHours: "Contact hours",
  hoursCategory: "Hours category",
  provider: "Provider",
  providerApproval: "Provider approval number",
  certificateCode: "Certificate code",
  certificateStatus: "Certificate status",
  revoked: "Revoked",
  verificationUrl: "Verification URL",
  byPriorCompletion: "By prior completion",
} as const;

export type CsvColumn = keyof typeof csvColumns;

export const csvHeader = (...columns: CsvColumn[]): string[] => columns.map((c) => csvColumns[c]);
