import { and, eq, sql } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";
import { assignments, modules, outboxMessages } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { audit } from "@/lib/audit/record";
import { assertCohortOpen, requireCohort } from "@/lib/cohorts/cohorts";
import { invalid, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { manualReminderText, usDate } from "./compose";
import { DEFAULT_TIME_ZONE, messageKey, timeZoneOf } from "./outbox";
import { eventSendTime } from "./schedule";

/**
 * An instructor's "Send a reminder now" on the cohort page. Each learner gets
 * at most one manual reminder per assignment in any 24 hours: sends for one
 * assignment are serialized by an advisory lock and skip anyone reminded in
 * the 24 hours before; the outbox key (one per learner, assignment and UTC
 * day) keeps a second one out even if that check were bypassed. Like every
 * reminder, its text is worked out again when it is sent, so a learner who
 * completes in between gets nothing.
 */
export const MANUAL_REMINDER_GAP_MS = 24 * 3600_000;
/** more learners than a cohort page shows is a mistake, not a selection */
export const MAX_SELECTED = 1000;

type Instructor = Pick<CurrentUser, "id" | "role" | "email" | "name">;

async function requireAssignment(actor: Instructor, cohortId: string, assignmentId: string) {
  requirePermission(actor, "reminder.send");
  const cohort = await requireCohort(actor, cohortId, "cohort.manage");
  if (!isUuid(assignmentId)) throw notFound();
  const [a] = await getDb()
    .select({ id: assignments.id, dueAt: assignments.dueAt, moduleTitle: modules.title })
    .from(assignments)
    .innerJoin(modules, eq(modules.id, assignments.moduleId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)));
  if (!a) throw notFound();
  return { cohort, assignment: a };
}

/** What the learners will read, in the instructor's time zone (each learner gets it in theirs). */
export async function previewManualReminder({
  actor,
  cohortId,
  assignmentId,
  now = new Date(),
}: {
  actor: Instructor;
  cohortId: string;
  assignmentId: string;
  now?: Date;
}) {
  const [{ cohort, assignment }, timeZone] = await Promise.all([
    requireAssignment(actor, cohortId, assignmentId),
    timeZoneOf(getDb(), actor.id),
  ]);
  return manualReminderPreview({ instructorName: actor.name, cohortName: cohort.name, assignment, timeZone, now });
}

/**
 * The same text from what a page has already loaded (the cohort page: its
 * cohort, the assignment it shows, the viewer's time zone), so showing the
 * preview adds no round trip after the page's own queries.
 */
export function manualReminderPreview({
  instructorName,
  cohortName,
  assignment,
  timeZone,
  now = new Date(),
}: {
  instructorName: string;
  cohortName: string;
  assignment: { moduleTitle: string; dueAt: Date };
  timeZone: string;
  now?: Date;
}) {
  return manualReminderText({
    instructorName,
    moduleTitle: assignment.moduleTitle,
    cohortName,
    due: usDate(assignment.dueAt, timeZone),
    overdue: assignment.dueAt.getTime() <= now.getTime(),
  });
}

export type ReminderOutcome =
  | { learnerId: string; name: string; sent: true }
  | { learnerId: string; name: string; sent: false; reason: "complete" | "inactive" | "recent"; lastSentAt?: Date };

type Candidate = {
  learner_id: string;
  name: string;
  active: boolean;
  progress_id: string;
  completed_at: Date | null;
  tz: string;
  last_sent: Date | null;
};

/**
 * Queue a manual reminder for the chosen learners of the cohort (or every
 * learner not complete), one audit entry for the send. A learner id that is
 * not an active learner of this cohort is not_found, and nothing is sent.
 */
export async function sendManualReminders({
  actor,
  cohortId,
  assignmentId,
  learners,
  ip,
  now = new Date(),
}: {
  actor: Instructor;
  cohortId: string;
  assignmentId: string;
  learners: string[] | "not_complete";
  ip?: string | null;
  now?: Date;
}): Promise<{ outcomes: ReminderOutcome[]; sent: number; skipped: number }> {
  const { cohort } = await requireAssignment(actor, cohortId, assignmentId);
  assertCohortOpen(cohort);
  const ids = learners === "not_complete" ? null : [...new Set(learners)];
  if (ids && ids.length === 0) throw invalid("Choose at least one learner, or everyone not complete.");
  if (ids && ids.length > MAX_SELECTED) throw invalid(`Choose at most ${MAX_SELECTED} learners at a time.`);
  if (ids && !ids.every(isUuid)) throw notFound();
  const nowSql = sql`${now.toISOString()}::timestamptz`;

  return getDb().transaction(async (tx) => {
    // two sends for one assignment (two tabs, two co-instructors) take turns, so the 24-hour check below sees the other's rows
    await execRows(tx, sql`select pg_advisory_xact_lock(hashtextextended(${`manual_reminder:${assignmentId}`}, 0))`);
    const candidates = await execRows<Candidate>(
      tx,
      sql`select u.id as learner_id, u.name, u.status = 'active' as active, p.id as progress_id, p.completed_at,
            coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE}) as tz,
            (select max(m.created_at) from outbox_messages m
              where m.recipient_id = u.id and m.kind = 'manual_reminder' and m.subject_id = p.id
                and m.created_at > ${nowSql} - interval '24 hours') as last_sent
          from enrolments e
          join users u on u.id = e.user_id and u.role = 'learner'
          join assignment_progress p on p.assignment_id = ${assignmentId}::uuid and p.user_id = e.user_id
          left join org_settings o on o.id = 1
          where e.cohort_id = ${cohortId}::uuid and e.status = 'active'
            ${
              ids
                ? sql`and u.id in (${sql.join(
                    ids.map((id) => sql`${id}::uuid`),
                    sql`, `,
                  )})`
                : sql`and p.completed_at is null and u.status = 'active'`
            }
          order by u.name, u.id`,
    );
    if (ids && candidates.length !== ids.length) throw notFound("A learner you chose is not in this cohort.");

    const outcomes: ReminderOutcome[] = [];
    const toSend: Candidate[] = [];
    for (const c of candidates) {
      if (!c.active) outcomes.push({ learnerId: c.learner_id, name: c.name, sent: false, reason: "inactive" });
      else if (c.completed_at) outcomes.push({ learnerId: c.learner_id, name: c.name, sent: false, reason: "complete" });
      else if (c.last_sent)
        outcomes.push({ learnerId: c.learner_id, name: c.name, sent: false, reason: "recent", lastSentAt: new Date(c.last_sent) });
      else toSend.push(c);
    }
    const day = now.toISOString().slice(0, 10);
    const inserted = toSend.length
      ? await tx
          .insert(outboxMessages)
          .values(
            toSend.map((c) => ({
              key: messageKey({ recipientId: c.learner_id, kind: "manual_reminder", subjectId: c.progress_id, period: `manual-${day}` }),
              recipientId: c.learner_id,
              kind: "manual_reminder",
              subjectId: c.progress_id,
              payload: { instructorName: actor.name, instructorId: actor.id },
              sendAfter: eventSendTime(now, c.tz),
              createdAt: now,
            })),
          )
          .onConflictDoNothing({ target: outboxMessages.key })
          .returning({ recipientId: outboxMessages.recipientId })
      : [];
    const queued = new Set(inserted.map((r) => r.recipientId));
    for (const c of toSend) {
      outcomes.push(
        queued.has(c.learner_id)
          ? { learnerId: c.learner_id, name: c.name, sent: true }
          : { learnerId: c.learner_id, name: c.name, sent: false, reason: "recent" },
      );
    }
    outcomes.sort((a, b) => a.name.localeCompare(b.name));
    const sent = queued.size;
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "reminder.send",
      targetType: "cohort",
      targetId: cohortId,
      ip,
      details: { assignmentId, chosen: ids ? "selected" : "not_complete", sent, skipped: outcomes.length - sent },
    });
    return { outcomes, sent, skipped: outcomes.length - sent };
  });
}
