import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { execRows } from "@/db/client";
import { setupTestDb } from "@/db/test/test-db";
import { renderEmail } from "@/emails/render";
import { notificationKinds } from "@/lib/notifications/kinds";
import { DEMO_REFLECTION_SENTENCE, JOURNEY_LEARNER, seedDemo } from "./seed";

const t = setupTestDb();

async function counts() {
  const [row] = await execRows<Record<string, number>>(
    t.db,
    sql`select
      (select count(*)::int from cohorts) as cohorts,
      (select count(*)::int from enrolments) as enrolments,
      (select count(*)::int from assignment_progress) as progress,
      (select count(*)::int from quiz_attempts) as attempts,
      (select count(*)::int from quiz_responses) as responses,
      (select count(*)::int from reflections) as reflections,
      (select count(*)::int from reflection_reviews) as reviews,
      (select count(*)::int from certificates) as certificates,
      (select count(*)::int from module_versions) as versions,
      (select count(*)::int from outbox_messages) as messages,
      (select count(*)::int from notifications) as notices`,
  );
  return row;
}

describe("demo seed", () => {
  it("builds three cohorts with learners at every stage, consistently, and running it again changes nothing", async () => {
    await seedDemo(t.db, { render: renderEmail });
    const first = await counts();
    await seedDemo(t.db, { render: renderEmail });
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({ cohorts: 3, versions: 1 });
    expect(first.attempts).toBeGreaterThan(15);
    expect(first.responses).toBe(first.attempts * 10);

    const teaching = await execRows<{ email: string; n: number }>(
      t.db,
      sql`select u.email, count(*)::int as n from cohort_instructors ci join users u on u.id = ci.user_id group by u.email order by u.email`,
    );
    expect(teaching).toEqual([
      { email: "okafor@demo.cohort", n: 2 },
      { email: "rivera@demo.cohort", n: 2 },
    ]);

    const statuses = await execRows<{ status: string; n: number }>(
      t.db,
      sql`select case
          when p.completed_at is not null then case when p.completed_at > a.due_at then 'complete_late' else 'complete' end
          when now() > a.due_at then 'overdue'
          when p.started_at is not null then 'in_progress' else 'not_started' end as status, count(*)::int as n
        from assignment_progress p join assignments a on a.id = p.assignment_id group by 1`,
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["not_started", "in_progress", "complete", "complete_late", "overdue"]));

    // every counter agrees with the rows it counts; completion and certificates follow the rule
    const inconsistent = await execRows(
      t.db,
      sql`select p.id from assignment_progress p
        left join certificates c on c.progress_id = p.id
        where p.sections_read <> (select count(*) from section_reads s where s.progress_id = p.id)
          or p.attempts_count <> (select count(*) from quiz_attempts q where q.progress_id = p.id and q.status = 'submitted' and q.reset_at is null)
          or p.best_score is distinct from (select max(score) from quiz_attempts q where q.progress_id = p.id and q.status = 'submitted')
          or (p.quiz_passed_at is not null) <> exists (select 1 from quiz_attempts q where q.progress_id = p.id and q.passed)
          or p.reflections_submitted <> (select count(*) from reflections r where r.progress_id = p.id and r.submitted_at is not null)
          or (p.credited_from_progress_id is null and (p.completed_at is not null) <> (p.quiz_passed_at is not null and case when (select a.reflections_must_be_accepted from assignments a where a.id = p.assignment_id)
               then (select count(*) from reflections r where r.progress_id = p.id and r.status = 'accepted') = 3
               else p.reflections_submitted = 3 end))
          or (p.credited_from_progress_id is null and (p.completed_at is not null) <> (c.id is not null))
          -- complete by prior completion (lib/learning/progress/prior-completion.ts): complete, no certificate of its own
          or (p.credited_from_progress_id is not null and (p.completed_at is null or c.id is not null))
          or (p.started_at is null) <> (p.module_version_id is null)`,
    );
    expect(inconsistent).toEqual([]);

    const stages = await execRows<{
      email: string;
      cohort: string;
      sections_read: number;
      attempts_count: number;
      best_score: number | null;
      started_at: string | null;
    }>(
      t.db,
      sql`select u.email, c.name as cohort, p.sections_read, p.attempts_count, p.best_score, p.started_at
        from assignment_progress p join users u on u.id = p.user_id join cohorts c on c.id = p.cohort_id`,
    );
    const stage = (email: string) => stages.filter((s) => s.email === email);
    for (const untouched of [JOURNEY_LEARNER, "jordan.lee@demo.cohort", "maria.santos@demo.cohort", "tyrone.jackson@demo.cohort"]) {
      expect(stage(untouched)).toHaveLength(1);
      expect(stage(untouched)[0]).toMatchObject({ sections_read: 0, attempts_count: 0, started_at: null });
    }
    expect(stage("marcus.brown@demo.cohort")[0]).toMatchObject({ attempts_count: 1, best_score: 60 });
    expect(stage("emily.chen@demo.cohort")).toHaveLength(2);
    // she completed the module in Northside, so Evening counts it too, by prior completion (defect 12)
    const emily = await execRows<{ cohort: string; credited: boolean; complete: boolean }>(
      t.db,
      sql`select c.name as cohort, p.credited_from_progress_id is not null as credited, p.completed_at is not null as complete
        from assignment_progress p join users u on u.id = p.user_id join cohorts c on c.id = p.cohort_id
        where u.email = 'emily.chen@demo.cohort' order by c.name`,
    );
    expect(emily).toEqual([
      { cohort: "Evening Peer Support Cohort", credited: true, complete: true },
      { cohort: "Northside Recovery Cohort", credited: false, complete: true },
    ]);
    expect(stage("tom.becker@demo.cohort")[0]).toMatchObject({ attempts_count: 3, best_score: 70 });

    const reflectionStates = await execRows<{ status: string; n: number }>(
      t.db,
      sql`select status::text, count(*)::int as n from reflections group by 1`,
    );
    expect(new Set(reflectionStates.map((r) => r.status))).toEqual(new Set(["draft", "submitted", "accepted", "revision_requested"]));
    const revision = await execRows<{ feedback: string }>(
      t.db,
      sql`select rv.feedback from reflection_reviews rv join reflections r on r.id = rv.reflection_id
        where rv.decision = 'revision_requested' and r.status = 'revision_requested'`,
    );
    expect(revision.length).toBeGreaterThanOrEqual(1);
    expect(revision[0].feedback.length).toBeGreaterThan(20);

    const secret = await execRows<{ status: string; cohort: string; email: string }>(
      t.db,
      sql`select r.status::text, c.name as cohort, u.email from reflections r
        join assignment_progress p on p.id = r.progress_id join cohorts c on c.id = p.cohort_id join users u on u.id = r.user_id
        where position(${DEMO_REFLECTION_SENTENCE} in r.body) > 0`,
    );
    expect(secret).toEqual([{ status: "submitted", cohort: "Northside Recovery Cohort", email: "hannah.cohen@demo.cohort" }]);

    // the Evening cohort's credit waits for acceptance: all three accepted completes, a revision request holds it back
    const evening = await execRows<{ email: string; complete: boolean; certificate: boolean }>(
      t.db,
      sql`select u.email, p.completed_at is not null as complete, exists (select 1 from certificates c where c.progress_id = p.id) as certificate
        from assignment_progress p join users u on u.id = p.user_id join cohorts c on c.id = p.cohort_id
        where c.name = 'Evening Peer Support Cohort' and u.email in ('grace.kim@demo.cohort', 'derek.wilson@demo.cohort') order by u.email`,
    );
    expect(evening).toEqual([
      { email: "derek.wilson@demo.cohort", complete: false, certificate: false },
      { email: "grace.kim@demo.cohort", complete: true, certificate: true },
    ]);

    // defect 10 of issue 15: the demo showed "Assigned 2026-12-01, Completed 2026-11-18" (assignments stamped at seed time)
    const assignedAfterWork = await execRows(
      t.db,
      sql`select p.id from assignment_progress p join assignments a on a.id = p.assignment_id
        join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id
        where greatest(a.created_at, e.created_at) > coalesce(p.started_at, p.completed_at, 'infinity')`,
    );
    expect(assignedAfterWork).toEqual([]);

    const tooShort = await execRows(t.db, sql`select id from reflections where submitted_at is not null and word_count < 75`);
    expect(tooShort).toEqual([]);

    // the admin's mailbox: every kind, and sent, failed (with the server's words), retrying and queued; nothing emailed out
    const messages = await execRows<{
      kind: string;
      status: string;
      last_error: string | null;
      text_body: string | null;
      html_body: string | null;
    }>(t.db, sql`select kind, status::text, last_error, text_body, html_body from outbox_messages`);
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(Object.keys(notificationKinds)));
    expect(new Set(messages.map((m) => m.status))).toEqual(new Set(["sent", "failed", "retrying", "queued"]));
    for (const m of messages.filter((m) => m.status === "failed" || m.status === "retrying")) expect(m.last_error).toMatch(/^\d{3} /);
    for (const m of messages.filter((m) => m.status === "sent")) {
      expect(m.text_body).toContain("Hello ");
      expect(m.html_body).toContain('lang="en"');
    }
    // the demo learner's bell: unread notices of several kinds
    const bell = await execRows<{ kind: string }>(
      t.db,
      sql`select n.kind from notifications n join users u on u.id = n.user_id where u.email = 'jordan.lee@demo.cohort' and n.read_at is null`,
    );
    expect(new Set(bell.map((n) => n.kind)).size).toBeGreaterThanOrEqual(3);
  }); // seeds everything twice: about 25 s at load 25 (the global ceiling, 180 s, applies)
});
