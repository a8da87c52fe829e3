import { sql, type SQL } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { effectiveDueOf } from "@/lib/learning/progress/due";
import { DEFAULT_TIME_ZONE } from "./outbox";

/**
 * The reminder sweep: one INSERT … SELECT per kind, each keyed so that a
 * second sweep (or a second instance sweeping at the same time) adds
 * nothing. It only queues: whether a reminder still applies is decided
 * again when it is sent (lib/notifications/compose.ts). Reminders are due at
 * the next 9 a.m. in the recipient's time zone. Reads use no locks beyond
 * the inserted rows', so learners' requests never wait for a sweep.
 */

/** 9 a.m. today in the zone `tz` (a SQL text expression), or tomorrow's if today's has passed. */
export const nextNineSql = (tz: SQL, now: SQL): SQL => sql`(case
    when ((date_trunc('day', ${now} at time zone ${tz}) + interval '9 hours') at time zone ${tz}) >= ${now}
    then ((date_trunc('day', ${now} at time zone ${tz}) + interval '9 hours') at time zone ${tz})
    else ((date_trunc('day', ${now} at time zone ${tz}) + interval '1 day 9 hours') at time zone ${tz}) end)`;

/**
 * Active learners' incomplete work in active cohorts, with each learner's zone
 * and own due date (`due_at`: an extension when there is one). `ext` tells
 * the keys apart: an extended date is a new date to remind about, while the
 * keys of work without one stay what they always were.
 */
const openWork = (now: SQL) => sql`
  select p.id as progress_id, p.user_id, a.opens_at, ${effectiveDueOf("p", "a")} as due_at,
         (case when p.due_at_override is null then '' else ':ext-' || floor(extract(epoch from p.due_at_override))::bigint end) as ext,
         coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE}) as tz
  from assignment_progress p
  join assignments a on a.id = p.assignment_id
  join cohorts c on c.id = p.cohort_id and c.status = 'active'
  join users u on u.id = p.user_id and u.status = 'active'
  join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
  left join org_settings o on o.id = 1
  where p.completed_at is null and a.opens_at <= ${now} + interval '1 day'`;

/** How long after the three days a reflection still gets its nudge (a sweep that did not run for that long catches up). */
export const REVIEW_NUDGE_CATCH_UP = "7 days";

export type SweepResult = {
  dueSoon: number;
  overdue: number;
  opensToday: number;
  reviewWaiting: number;
  digests: number;
  summaries: number;
};

/**
 * After each statement the sweep pauses this many times as long as the
 * statement took, so it keeps at most a tenth of one core busy: learners'
 * requests on the same database never queue behind it for CPU (the
 * 100,000-learner benchmark measures the learner home while sweeps run).
 * A sweep of 100,000 learners still ends within a few seconds.
 */
export const SWEEP_PAUSE_RATIO = 10;

export type SweepOptions = {
  /** how to wait between statements (tests pass their own) */
  pause?: (ms: number) => Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sweepReminders(db: DbOrTx, at: Date = new Date(), { pause = sleep }: SweepOptions = {}): Promise<SweepResult> {
  const inserted = async (db: DbOrTx, query: SQL): Promise<number> => {
    const started = performance.now();
    const rows = await execRows<{ id: string }>(db, sql`${query} on conflict (key) do nothing returning id`);
    await pause((performance.now() - started) * SWEEP_PAUSE_RATIO);
    return rows.length;
  };
  const now = sql`${at.toISOString()}::timestamptz`;
  const dueSoon = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'due_soon:' || w.user_id || ':' || w.progress_id || ':once' || w.ext, w.user_id, 'due_soon', w.progress_id, ${nextNineSql(sql`w.tz`, now)}
      from (${openWork(now)}) w
      where w.due_at > ${now} and w.due_at <= ${now} + interval '3 days' and w.opens_at <= ${now}`,
  );
  // once when it becomes overdue, then weekly, three times at most: the period is the week of lateness
  const overdue = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'overdue:' || w.user_id || ':' || w.progress_id || ':week-' || (floor(extract(epoch from (${now} - w.due_at)) / 604800)::int + 1) || w.ext,
             w.user_id, 'overdue', w.progress_id, ${nextNineSql(sql`w.tz`, now)}
      from (${openWork(now)}) w
      where w.due_at <= ${now} and w.due_at > ${now} - interval '21 days'`,
  );
  const opensToday = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'opens_today:' || w.user_id || ':' || w.progress_id || ':once', w.user_id, 'opens_today', w.progress_id,
             greatest(w.opens_at, ((date_trunc('day', ${now} at time zone w.tz) + interval '9 hours') at time zone w.tz))
      from (${openWork(now)}) w
      where (w.opens_at at time zone w.tz)::date = (${now} at time zone w.tz)::date
        -- today in any zone is within a day of now: lets the plan start from the few assignments opening now
        and w.opens_at > ${now} - interval '1 day'`,
  );
  // each instructor of the active cohort, once per reflection that has waited three days: a nudge when the wait
  // reaches three days, not for every old wait (the weekly digest reports those, with the oldest). A sweep that
  // ran not at all for up to a week still catches up. Without the window the sweep's work grew with history, and
  // turning reminders on for an organisation with months of unreviewed reflections would nudge for each of them
  // at once (the 100,000-learner benchmark: about 80,000 emails to 60 instructors, and a sweep of ~15 s)
  const reviewWaiting = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'review_waiting:' || ci.user_id || ':' || r.id || ':once', ci.user_id, 'review_waiting', r.id, ${nextNineSql(sql`coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})`, now)}
      from reflections r
      join assignment_progress p on p.id = r.progress_id
      join cohorts c on c.id = p.cohort_id and c.status = 'active'
      join cohort_instructors ci on ci.cohort_id = p.cohort_id
      join users u on u.id = ci.user_id and u.status = 'active'
      left join org_settings o on o.id = 1
      where r.status = 'submitted' and r.submitted_at <= ${now} - interval '3 days'
        and r.submitted_at > ${now} - interval '3 days' - ${REVIEW_NUDGE_CATCH_UP}::interval`,
  );
  // weekly: keyed by ISO week, sent Monday 9 a.m. (or at the next 9 a.m. when a sweep first sees the week)
  const week = sql`to_char(${now} at time zone 'UTC', 'IYYY-"W"IW')`;
  const digests = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'weekly_digest:' || ci.user_id || ':' || c.id || ':' || ${week}, ci.user_id, 'weekly_digest', c.id, ${nextNineSql(sql`coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})`, now)}
      from cohorts c
      join cohort_instructors ci on ci.cohort_id = c.id
      join users u on u.id = ci.user_id and u.status = 'active'
      left join org_settings o on o.id = 1
      where c.status = 'active' and extract(isodow from ${now} at time zone coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})) = 1`,
  );
  const summaries = await inserted(
    db,
    sql`insert into outbox_messages (key, recipient_id, kind, send_after)
      select 'org_summary:' || u.id || ':-:' || ${week}, u.id, 'org_summary', ${nextNineSql(sql`coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})`, now)}
      from users u left join org_settings o on o.id = 1
      where u.role = 'admin' and u.status = 'active' and extract(isodow from ${now} at time zone coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})) = 1`,
  );
  return { dueSoon, overdue, opensToday, reviewWaiting, digests, summaries };
}
