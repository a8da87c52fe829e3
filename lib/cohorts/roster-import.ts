import { parse } from "csv-parse/sync";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { enrolments, users } from "@/db/schema";
import { invalid } from "@/lib/platform/errors";
import { assertCohortOpen, requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { emailSchema, nameSchema } from "@/lib/accounts/users";
import { createLearnerWithoutPassword, enrolLearner } from "./enrolment";
import { offerEnrolment } from "./pending-enrolments";

export const MAX_ROSTER_ROWS = 5000;
/** rows per import call: the browser sends the file in chunks and shows progress */
export const ROSTER_CHUNK = 200;

export type RosterRow = { line: number; name: string; email: string };
export type RosterOutcome = "new" | "existing" | "already" | "error";
export type ClassifiedRow = RosterRow & { outcome: RosterOutcome; reason?: string };

/**
 * Read a roster file: columns "name" and "email" named in a first row (any
 * order, extra columns ignored), or, without such a row, name then email.
 * A file that is not CSV at all is refused as a whole; bad rows are marked
 * one by one later.
 */
export function parseRoster(text: string): RosterRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    throw invalid(
      `The file could not be read as CSV${err.lines ? ` (near line ${err.lines})` : ""}. Save it as CSV with the columns name and email, then try again.`,
    );
  }
  records = records.filter((r) => r.record.some((c) => c !== ""));
  if (!records.length) throw invalid("The file is empty. Add one row per learner with their name and email.");
  let nameAt = 0;
  let emailAt = 1;
  const first = records[0].record.map((c) => c.toLowerCase());
  if (first.some((c) => c.includes("email"))) {
    emailAt = first.findIndex((c) => c.includes("email"));
    nameAt = first.findIndex((c) => c === "name" || c === "full name" || c === "learner" || c === "learner name");
    if (nameAt < 0) throw invalid('The first row names the columns but has no "name" column. Use the columns name and email.');
    records = records.slice(1);
  }
  if (records.length > MAX_ROSTER_ROWS) {
    throw invalid(`The file has ${records.length} rows; import at most ${MAX_ROSTER_ROWS} at a time by splitting it.`);
  }
  return records.map(({ record, info }) => ({ line: info.lines, name: record[nameAt] ?? "", email: record[emailAt] ?? "" }));
}

/**
 * Mark each row: a new account, an existing learner, already enrolled, or an
 * error with its reason (missing name, malformed email, duplicate in the
 * file, a staff or deactivated account). Two queries however long the file.
 */
export async function classifyRoster(db: DbOrTx, cohortId: string, rows: RosterRow[]): Promise<ClassifiedRow[]> {
  const firstLine = new Map<string, number>();
  const out: ClassifiedRow[] = rows.map((row) => {
    const name = nameSchema.safeParse(row.name);
    const email = emailSchema.safeParse(row.email);
    const base = { line: row.line, name: row.name.trim(), email: row.email.trim() };
    if (!row.email.trim()) return { ...base, outcome: "error", reason: "No email address." };
    if (!email.success) return { ...base, outcome: "error", reason: `Malformed email address “${row.email.trim()}”.` };
    const seen = firstLine.get(email.data);
    if (seen !== undefined)
      return { ...base, email: email.data, outcome: "error", reason: `Duplicate: the same email is on line ${seen}.` };
    firstLine.set(email.data, row.line);
    return { ...base, name: name.success ? name.data : "", email: email.data, outcome: "new" };
  });
  const emails = out.filter((r) => r.outcome === "new").map((r) => r.email);
  const found = !emails.length
    ? []
    : await db
        .select({
          email: sql<string>`lower(${users.email})`,
          role: users.role,
          status: users.status,
          enrolment: enrolments.status,
        })
        .from(users)
        .leftJoin(enrolments, and(eq(enrolments.userId, users.id), eq(enrolments.cohortId, cohortId)))
        .where(inArray(sql`lower(${users.email})`, emails));
  const byEmail = new Map(found.map((f) => [f.email, f]));
  for (const row of out) {
    if (row.outcome !== "new") continue;
    const f = byEmail.get(row.email);
    if (!f) {
      if (!row.name) Object.assign(row, { outcome: "error", reason: "No name: a new account needs one." });
      continue;
    }
    if (f.role !== "learner")
      Object.assign(row, { outcome: "error", reason: "This email belongs to a staff account; only learners can be enrolled." });
    else if (f.status !== "active")
      Object.assign(row, { outcome: "error", reason: "This learner's account is deactivated; an admin can reactivate it." });
    else if (f.enrolment === "active") Object.assign(row, { outcome: "already", reason: "Already enrolled in this cohort." });
    else
      Object.assign(row, {
        outcome: "existing",
        reason:
          f.enrolment === "removed"
            ? "Existing learner, removed earlier: will be enrolled again."
            : "Existing account: the learner will be asked to accept before joining.",
      });
  }
  return out;
}

/** Step one: what importing this file would do, row by row. Nothing changes. */
export async function previewRoster({ actor, cohortId, csv }: { actor: Actor; cohortId: string; csv: string }) {
  const cohort = await requireCohort(actor, cohortId, "cohort.manage");
  assertCohortOpen(cohort);
  const rows = await classifyRoster(getDb(), cohortId, parseRoster(csv));
  const counts = { new: 0, existing: 0, already: 0, error: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { rows, counts };
}

export type ImportedLink = { name: string; email: string; path: string };

/**
 * Step two, one chunk at a time: enrol the valid rows (bad rows are skipped,
 * blocking nothing). Each row is checked again here; the browser's preview
 * is not trusted. Rows already enrolled change nothing, so importing the
 * same file twice changes nothing the second time. Existing accounts that
 * were never in this cohort are asked to accept (pending-enrolments.ts,
 * which also queues their notification); `offeredUserIds` lists them.
 */
export async function importRosterRows({ actor, cohortId, rows, ip }: { actor: Actor; cohortId: string; rows: RosterRow[]; ip?: string }) {
  if (rows.length > ROSTER_CHUNK * 2) throw invalid(`Send at most ${ROSTER_CHUNK * 2} rows at a time.`);
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const classified = await classifyRoster(tx, cohortId, rows);
    const links: ImportedLink[] = [];
    const offeredUserIds: string[] = [];
    const counts = { created: 0, enrolled: 0, asked: 0, already: 0, skipped: 0 };
    for (const row of classified) {
      if (row.outcome === "error") {
        counts.skipped++;
      } else if (row.outcome === "already") {
        counts.already++;
      } else if (row.outcome === "new") {
        const made = await createLearnerWithoutPassword(tx, { name: row.name, email: row.email, actor, via: "csv" });
        if (!made) {
          counts.skipped++;
          continue;
        }
        await enrolLearner(tx, { cohortId, userId: made.user.id, source: "csv", actor, ip });
        links.push({ name: made.user.name, email: made.user.email, path: made.link.path });
        counts.created++;
      } else {
        const [u] = await tx
          .select({ id: users.id, enrolment: enrolments.status })
          .from(users)
          .leftJoin(enrolments, and(eq(enrolments.userId, users.id), eq(enrolments.cohortId, cohortId)))
          .where(eq(sql`lower(${users.email})`, row.email))
          .limit(1);
        if (u.enrolment) {
          const outcome = await enrolLearner(tx, { cohortId, userId: u.id, source: "csv", actor, ip });
          counts[outcome === "already" ? "already" : "enrolled"]++;
        } else {
          const offered = await offerEnrolment(tx, { cohortId, userId: u.id, source: "csv", actor, ip });
          if (offered === "offered") offeredUserIds.push(u.id);
          counts.asked++;
        }
      }
    }
    return { rows: classified, links, counts, offeredUserIds };
  });
}
