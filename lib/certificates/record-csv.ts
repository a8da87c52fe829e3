import { stringify } from "csv-stringify/sync";
import { csvHeader, csvTimestamp, safeCell } from "@/lib/platform/csv";
import { formatHours } from "@/lib/platform/format";
import type { RecordEntry } from "./record";

export const recordCsvHeader = csvHeader(
  "learnerName",
  "completed",
  "module",
  "moduleVersion",
  "contactHours",
  "hoursCategory",
  "provider",
  "providerApproval",
  "cohort",
  "instructors",
  "certificateCode",
  "certificateStatus",
  "revoked",
  "verificationUrl",
);

/** One row per completed module; revoked ones say so (and count nothing in the totals). */
export function trainingRecordCsv({
  learnerName,
  entries,
  verifyUrl,
}: {
  learnerName: string;
  entries: RecordEntry[];
  verifyUrl: (code: string) => string;
}) {
  const rows = entries.map((e) =>
    [
      learnerName,
      csvTimestamp(e.completedAt),
      e.moduleTitle,
      e.moduleVersion,
      formatHours(e.contactHours),
      e.hoursCategory,
      e.providerName,
      e.providerApprovalNumber ?? "",
      e.cohortName,
      e.instructorNames,
      e.code,
      e.revokedAt ? "Revoked" : "Valid",
      csvTimestamp(e.revokedAt),
      verifyUrl(e.code),
    ].map(safeCell),
  );
  // a byte-order mark so spreadsheet programs read accented names as UTF-8
  return "\uFEFF" + stringify([recordCsvHeader, ...rows]);
}
