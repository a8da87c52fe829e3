import { stringify } from "csv-stringify/sync";
import { safeCell } from "@/lib/platform/csv";
import { formatHours, isoDate } from "./format";
import type { RecordEntry } from "./record";

export const recordCsvHeader = [
  "learner_name",
  "completed_on",
  "module_title",
  "module_version",
  "contact_hours",
  "hours_category",
  "provider",
  "provider_approval_number",
  "cohort",
  "instructors",
  "certificate_code",
  "status",
  "revoked_on",
  "verification_url",
];

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
      isoDate(e.completedAt),
      e.moduleTitle,
      e.moduleVersion,
      formatHours(e.contactHours),
      e.hoursCategory,
      e.providerName,
      e.providerApprovalNumber ?? "",
      e.cohortName,
      e.instructorNames,
      e.code,
      e.revokedAt ? "revoked" : "valid",
      e.revokedAt ? isoDate(e.revokedAt) : "",
      verifyUrl(e.code),
    ].map(safeCell),
  );
  // a byte-order mark so spreadsheet programs read accented names as UTF-8
  return "\uFEFF" + stringify([recordCsvHeader, ...rows]);
}
