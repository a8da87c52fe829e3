/**
 * The scale seed at 500 learners, on the test database (PGlite, or PostgreSQL
 * with TEST_DATABASE_URL): what it writes must hold together the way the app
 * keeps it, so reports and benchmarks measure a believable organisation.
 * No timings here; `npm run bench` is where speed is measured.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dbKind, execRows } from "@/db/client";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { statusSql } from "@/lib/learning/progress/status";
import { isCorrectChoice } from "./quiz-answers";
import { countWords } from "./reflection-text";
import { SeedRefusedError, seedScale } from "./seed";

const t = setupTestDb();
const LEARNERS = 500;

async function one<T extends Record<string, unknown>>(query: Parameters<typeof execRows>[1]) {
  const [r] = await execRows<T>(t.db, query);
  return r;
}

// the seed drops foreign keys and secondary indexes while loading and puts them back
const schemaShape = sql`select
  (select count(*)::int from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.contype = 'f') as fks,
  (select string_agg(indexname || ':' || indexdef, '|' order by indexname) from pg_indexes where schemaname = 'public') as indexes`;

describe("scale seed (500 learners)", () => {
  it("fills an empty database with a whole organisation", async () => {
    const shapeBefore = await one(schemaShape);
    const result = await seedScale({ db: t.db, kind: dbKind(), learners: LEARNERS });
    expect(await one(schemaShape)).toEqual(shapeBefore);
    expect(result.status).toBe("seeded");

    const counts = await one<Record<string, number>>(sql`select
      (select count(*)::int from users where role = 'learner' and is_seed) as learners,
      (select count(*)::int from users where role = 'instructor' and is_seed) as instructors,
      (select count(*)::int from users where role = 'admin' and is_seed) as admins,
      (select count(*)::int from users where not is_seed) as real_users,
      (select count(*)::int from cohorts) as cohorts,
      (select count(*)::int from assignments) as assignments,
      (select count(*)::int from enrolments) as enrolments,
      (select count(*)::int from assignment_progress) as progress,
      (select max(n)::int from (select count(*) as n from enrolments group by cohort_id) s) as biggest_cohort,
      (select count(distinct password_hash)::int from users) as password_hashes`);
    expect(counts).toMatchObject({
      learners: LEARNERS,
      instructors: 60,
      admins: 1,
      real_users: 0,
      enrolments: LEARNERS,
      progress: LEARNERS,
      password_hashes: 1,
    });
    // one cohort of a fifth of the learners (500 at full scale), the rest around 25
    expect(counts.biggest_cohort).toBe(LEARNERS / 5);
    expect(counts.cohorts).toBe(1 + Math.round((LEARNERS - LEARNERS / 5) / 25));
    expect(counts.assignments).toBe(counts.cohorts);
  });

  it("has learners at every status", async () => {
    const rows = await execRows<{ status: string }>(
      t.db,
      sql`select distinct ${statusSql()} as status from assignment_progress join assignments on assignments.id = assignment_progress.assignment_id`,
    );
    expect(rows.map((r) => r.status).sort()).toEqual(["complete", "complete_late", "in_progress", "not_started", "overdue"]);
    const reflectionStatuses = await execRows<{ status: string }>(t.db, sql`select distinct status::text as status from reflections`);
    expect(reflectionStatuses.map((r) => r.status).sort()).toEqual(["accepted", "draft", "revision_requested", "submitted"]);
  });

  it("keeps every progress row's counters equal to its events", async () => {
    const bad = await one<Record<string, number>>(sql`
      select
        count(*) filter (where p.sections_read <> coalesce(s.n, 0))::int as sections,
        count(*) filter (where p.attempts_count <> coalesce(q.n, 0))::int as attempts,
        count(*) filter (where p.best_score is distinct from q.best)::int as best_score,
        count(*) filter (where p.quiz_passed_at is distinct from q.passed_at)::int as quiz_passed,
        count(*) filter (where p.reflections_submitted <> coalesce(r.n, 0))::int as reflections,
        count(*) filter (where (p.completed_at is not null) <> (p.quiz_passed_at is not null and p.reflections_submitted = 3))::int as completion,
        count(*) filter (where p.started_at is not null and p.module_version_id is null)::int as unpinned,
        count(*) filter (where p.last_activity_at > now() or p.started_at > p.last_activity_at)::int as times
      from assignment_progress p
      left join (select progress_id, count(*) as n from section_reads group by progress_id) s on s.progress_id = p.id
      left join (select progress_id, count(*) filter (where status = 'submitted') as n, max(score) as best,
                        min(submitted_at) filter (where passed) as passed_at
                 from quiz_attempts group by progress_id) q on q.progress_id = p.id
      left join (select progress_id, count(*) filter (where submitted_at is not null) as n from reflections group by progress_id) r
        on r.progress_id = p.id`);
    expect(bad).toEqual({ sections: 0, attempts: 0, best_score: 0, quiz_passed: 0, reflections: 0, completion: 0, unpinned: 0, times: 0 });
    const open = await one<{ n: number }>(
      sql`select count(*)::int as n from (select progress_id from quiz_attempts where status = 'in_progress' group by progress_id having count(*) > 1) s`,
    );
    expect(open.n).toBe(0);
  });

  it("gives every completed row one certificate with frozen fields that match", async () => {
    const c = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from assignment_progress where completed_at is not null) as completed,
        count(*)::int as certificates,
        count(distinct c.code)::int as codes,
        count(*) filter (where c.completed_at <> p.completed_at or c.learner_name <> u.name or c.cohort_name <> co.name
                          or c.user_id <> p.user_id or c.module_title <> v.title or c.module_version <> v.version)::int as mismatched,
        count(*) filter (where c.instructor_names <> (select string_agg(iu.name, ', ' order by iu.name) from cohort_instructors ci
                          join users iu on iu.id = ci.user_id where ci.cohort_id = p.cohort_id))::int as wrong_instructors
      from certificates c
      join assignment_progress p on p.id = c.progress_id
      join users u on u.id = p.user_id
      join cohorts co on co.id = p.cohort_id
      join module_versions v on v.id = p.module_version_id`);
    expect(c.completed).toBeGreaterThan(0);
    expect(c).toEqual({ completed: c.completed, certificates: c.completed, codes: c.completed, mismatched: 0, wrong_instructors: 0 });
  });

  it("writes quiz responses that agree with the module content and the attempt's score", async () => {
    const items = new Map(boundariesModule.quiz.map((q) => [q.id, q]));
    const attempts = await execRows<{
      id: string;
      draw: { itemId: string; optionIds: string[] }[];
      score: number;
      correct_count: number;
      passed: boolean;
      pass_mark: number;
    }>(t.db, sql`select id, draw, score, correct_count, passed, pass_mark from quiz_attempts where status = 'submitted'`);
    const responses = await execRows<{
      attempt_id: string;
      item_id: string;
      idea_id: string;
      chosen_option_ids: string[];
      correct: boolean;
    }>(t.db, sql`select attempt_id, item_id, idea_id, chosen_option_ids, correct from quiz_responses`);
    const byAttempt = new Map<string, typeof responses>();
    for (const r of responses) byAttempt.set(r.attempt_id, [...(byAttempt.get(r.attempt_id) ?? []), r]);
    expect(attempts.length).toBeGreaterThan(LEARNERS / 2);
    for (const a of attempts) {
      const rs = byAttempt.get(a.id) ?? [];
      expect(rs.map((r) => r.item_id).sort()).toEqual(a.draw.map((d) => d.itemId).sort());
      for (const d of a.draw)
        expect([...d.optionIds].sort()).toEqual(
          items
            .get(d.itemId)!
            .options.map((o) => o.id)
            .sort(),
        );
      for (const r of rs) {
        const item = items.get(r.item_id)!;
        expect(r.idea_id).toBe(item.ideaId);
        expect(r.chosen_option_ids.every((o) => item.options.some((x) => x.id === o))).toBe(true);
        expect(r.correct).toBe(isCorrectChoice(item, r.chosen_option_ids));
      }
      const right = rs.filter((r) => r.correct).length;
      expect(a.correct_count).toBe(right);
      expect(a.score).toBe(Math.round((100 * right) / rs.length));
      expect(a.passed).toBe(a.score >= a.pass_mark);
    }
  });

  it("writes reflections of realistic length with their reviews", async () => {
    const rows = await execRows<{
      body: string;
      word_count: number;
      status: string;
      submitted_at: Date | null;
      reviews: number;
      last_review: string | null;
    }>(
      t.db,
      sql`select r.body, r.word_count, r.status::text as status, r.submitted_at, count(v.id)::int as reviews,
                 (array_agg(v.decision::text order by v.created_at desc))[1] as last_review
          from reflections r left join reflection_reviews v on v.reflection_id = r.id group by r.id`,
    );
    for (const r of rows) {
      expect(r.word_count).toBe(countWords(r.body));
      if (r.status === "draft") expect(r.submitted_at).toBeNull();
      else {
        expect(r.submitted_at).not.toBeNull();
        expect(r.word_count).toBeGreaterThanOrEqual(75);
        expect(r.word_count).toBeLessThanOrEqual(250);
      }
      if (r.status === "accepted" || r.status === "revision_requested") expect(r.last_review).toBe(r.status);
      if (r.status === "draft") expect(r.reviews).toBe(0);
    }
  });

  it("changes nothing when run again", async () => {
    const before = await one<{ n: number }>(sql`select count(*)::int as n from users`);
    const again = await seedScale({ db: t.db, kind: dbKind(), learners: LEARNERS });
    expect(again).toEqual({ status: "exists", learners: LEARNERS });
    expect((await one<{ n: number }>(sql`select count(*)::int as n from users`)).n).toBe(before.n);
  });

  it("refuses to touch a database with real users, even with --reset", async () => {
    await makeUser({ role: "admin" });
    const before = await one<{ n: number }>(sql`select count(*)::int as n from assignment_progress`);
    await expect(seedScale({ db: t.db, kind: dbKind(), learners: LEARNERS, reset: true })).rejects.toThrow(SeedRefusedError);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from assignment_progress`)).n).toBe(before.n);
  });
});
