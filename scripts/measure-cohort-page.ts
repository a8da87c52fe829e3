/**
 * Server time of the cohort progress page at 500 learners, on PostgreSQL.
 *
 *   npm run measure:cohort-page            (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
 *   npm run measure:cohort-page -- --keep  (leave the database for a look in the browser; prints its URL)
 *
 * Makes a throwaway database (migrated, demo people, the module), a cohort
 * taught by the demo instructor with 500 learners at every stage — progress
 * counters, quiz attempts with responses, reflections — then times what the
 * page runs: getCohortSummary + listCohortLearners (first page), 20 times
 * after a warm-up, and prints p50/p95. Budget: under 100 ms.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { setDb, closeDb, getDb, type Db } from "../db/client";
import { migrateDb } from "../db/migrate";
import * as schema from "../db/schema";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments, users } from "../db/schema";
import { seedDemo } from "../db/seed/demo/seed";
import { demoAccounts } from "../db/seed/demo/accounts";
import { publishBuiltInModules } from "../lib/learning/module/publish";
import { createProgressForAssignment } from "../lib/learning/progress/rows";
import { getCohortSummary, listCohortLearners } from "../lib/reports/cohort-progress";
import { getQuizInsights } from "../lib/reports/quiz-insights";
import { getCohortCharts, getCohortCompletionTrend, getCohortFunnel } from "../lib/reports/cohort-funnel";

const LEARNERS = Number(process.env.LEARNERS ?? 500);
const RUNS = 20;
const keep = process.argv.includes("--keep");

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: connections, plans, module cache
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(ms, 95).toFixed(1).padStart(6)} ms`,
  );
  return percentile(ms, 95);
}

/** 500 learners at every stage, written in a few set-based statements. */
async function seedCohort(db: Db) {
  const { moduleId, versionId } = await publishBuiltInModules(db);
  const [instructor] = await db
    .select()
    .from(users)
    .where(sql`${users.email} = ${demoAccounts.instructors[0].email}`);
  const [cohort] = await db
    .insert(cohorts)
    .values({ name: `Measured cohort (${LEARNERS} learners)`, createdBy: instructor.id })
    .returning();
  await db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: instructor.id });
  const tag = randomBytes(3).toString("hex");
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`
    insert into ${users} (email, name, role, is_seed)
    select 'measure' || i || '.' || ${tag} || '@measure.test', 'Learner ' || lpad(i::text, 4, '0'), 'learner', true
    from generate_series(1, ${LEARNERS}) i`);
  await db.execute(sql`
    insert into ${enrolments} (cohort_id, user_id, source)
    select ${cohort.id}, id, 'csv' from ${users} where email like ${`%.${tag}@measure.test`}`);
  const now = Date.now();
  const [a] = await db
    .insert(assignments)
    .values({ cohortId: cohort.id, moduleId, opensAt: new Date(now - 21 * 86400_000), dueAt: new Date(now - 2 * 86400_000) })
    .returning();
  await createProgressForAssignment(db, a.id);

  // stages by learner number: 15 % not started, then reading, quiz failed, quiz passed, complete
  await db.execute(sql`
    with n as (select p.id, row_number() over (order by u.name) as i from ${assignmentProgress} p join ${users} u on u.id = p.user_id where p.assignment_id = ${a.id})
    update ${assignmentProgress} p set
      module_version_id = case when n.i % 20 >= 3 then ${versionId}::uuid end,
      started_at = case when n.i % 20 >= 3 then now() - interval '10 days' + (n.i % 7) * interval '1 day' end,
      sections_read = case when n.i % 20 >= 3 then least(7, n.i % 8) else 0 end,
      last_activity_at = case when n.i % 20 >= 3 then now() - (n.i % 240) * interval '1 hour' end
    from n where n.id = p.id`);
  // attempts with ten responses each for everyone past reading
  await db.execute(sql`
    insert into quiz_attempts (progress_id, assignment_id, user_id, module_version_id, status, draw, pass_mark, score, correct_count, passed, created_at, submitted_at)
    select s.id, s.assignment_id, s.user_id, ${versionId}::uuid, 'submitted', '[]'::jsonb, 80, s.score, s.score / 10, s.score >= 80,
      now() - interval '5 days' + s.k * interval '1 hour', now() - interval '5 days' + s.k * interval '1 hour' + interval '20 minutes'
    from (
      select p.id, p.assignment_id, p.user_id, k, (40 + floor(random() * 7) * 10)::int as score
      from ${assignmentProgress} p cross join generate_series(1, 3) k
      where p.assignment_id = ${a.id} and p.started_at is not null and (k = 1 or hashtext(p.id::text || k::text) % 2 = 0)
    ) s`);
  const items = [
    "why-trust-matters",
    "rapport-means-no-limits",
    "friendship-belief",
    "birthday-invite",
    "warm-and-professional",
    "late-night-text",
    "why-professionalism",
    "familiarity-overload",
    "feelings-unprofessional",
    "client-in-tears",
  ];
  const ideas = [
    "trust-rapport",
    "trust-rapport",
    "friendship-myth",
    "friendship-myth",
    "empathy-distance-balance",
    "empathy-distance-balance",
    "professionalism-focus",
    "professionalism-focus",
    "misc-emotional-engagement",
    "misc-emotional-engagement",
  ];
  const wrong = [
    "always-agree",
    "true",
    "fastest-trust",
    "go-to-party",
    "personal-number",
    "call-all-night",
    "arms-length",
    "false",
    "true",
    "blank-and-move-on",
  ];
  await db.execute(sql`
    insert into quiz_responses (attempt_id, item_id, idea_id, chosen_option_ids, correct)
    select t.id, it.item, it.idea, array[it.wrong], false
    from quiz_attempts t
    cross join unnest(string_to_array(${items.join(",")}, ','), string_to_array(${ideas.join(",")}, ','), string_to_array(${wrong.join(",")}, ',')) as it(item, idea, wrong)
    where t.assignment_id = ${a.id}`);
  await db.execute(sql`
    update quiz_responses r set correct = true, chosen_option_ids = array['ok']
    from quiz_attempts t where t.id = r.attempt_id and t.assignment_id = ${a.id} and random() < t.score / 100.0`);
  await db.execute(sql`
    update ${assignmentProgress} p set attempts_count = s.n, best_score = s.best, quiz_passed_at = s.passed_at
    from (select progress_id, count(*)::int n, max(score) best, min(submitted_at) filter (where passed) passed_at from quiz_attempts group by progress_id) s
    where s.progress_id = p.id`);
  // reflections: learners who passed have written some or all; a third of those wait for review
  await db.execute(sql`
    insert into reflections (progress_id, assignment_id, user_id, module_version_id, prompt_id, body, word_count, status, submitted_at)
    select p.id, p.assignment_id, p.user_id, ${versionId}::uuid, pr.id,
      'A reflection of about eighty words written for the measurement, repeated to length. ' || repeat('word ', 75), 85,
      (case when random() < 0.35 then 'submitted' else 'accepted' end)::reflection_status, now() - interval '2 days'
    from ${assignmentProgress} p
    cross join unnest(array['friendliness-blur', 'social-media-request', 'personal-boundary-plan']) with ordinality as pr(id, ord)
    where p.assignment_id = ${a.id} and p.quiz_passed_at is not null and pr.ord <= 1 + (hashtext(p.id::text) & 3)`);
  await db.execute(sql`
    update ${assignmentProgress} p set reflections_submitted = s.n,
      completed_at = case when s.n = 3 then greatest(p.quiz_passed_at, now() - interval '1 day' - (hashtext(p.id::text) & 3) * interval '1 day') end
    from (select progress_id, count(*)::int n from reflections group by progress_id) s
    where s.progress_id = p.id`);
  return { instructor, cohortId: cohort.id, assignmentId: a.id };
}

async function main() {
  const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const host = new URL(base).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host))
    throw new Error(`Refusing to create a database on ${host}: use a local server.`);
  const name = `cohort_measure_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  setDb(db, "postgres", () => client.end({ timeout: 5 }));
  try {
    await migrateDb(db, "postgres");
    await seedDemo(db);
    const started = performance.now();
    const { instructor, cohortId, assignmentId } = await seedCohort(getDb());
    await getDb().execute(sql`analyze`);
    const [{ n }] = (await client`select count(*)::int as n from quiz_responses`) as unknown as { n: number }[];
    console.log(
      `Seeded ${LEARNERS} learners, ${n} quiz responses in ${((performance.now() - started) / 1000).toFixed(1)} s (database ${name}).`,
    );
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
    console.log(
      `PostgreSQL ${(await client`show server_version`)[0].server_version}, ${RUNS} runs after 3 warm-up runs, ${os.cpus().length} cores, load average ${load()}:\n`,
    );
    const actor = { id: instructor.id, role: "instructor" as const, email: instructor.email };
    const args = { actor, cohortId, assignmentId };
    const budget = await time("getCohortSummary + listCohortLearners (one after the other)", async () => {
      await getCohortSummary(args);
      await listCohortLearners(args);
    });
    await time("the same, in parallel as the page runs them", () => Promise.all([getCohortSummary(args), listCohortLearners(args)]));
    await time("  getCohortSummary", () => getCohortSummary(args));
    await time("  listCohortLearners, by name, page 1", () => listCohortLearners(args));
    await time("  listCohortLearners, by status desc, page 10", () =>
      listCohortLearners({ ...args, sort: "status", dir: "desc", page: 10 }),
    );
    await time("  listCohortLearners, status filter + search", () =>
      listCohortLearners({ ...args, status: "in_progress", q: "learner 01" }),
    );
    await time("  getCohortCharts (funnel + trend, beside the table)", () => getCohortCharts(args));
    await time("  getCohortFunnel", () => getCohortFunnel(args));
    await time("  getCohortCompletionTrend", () => getCohortCompletionTrend(args));
    await time("page with charts: summary, learners and charts in parallel", () =>
      Promise.all([getCohortSummary(args), listCohortLearners(args), getCohortCharts(args)]),
    );
    await time("getQuizInsights (insights page)", () => getQuizInsights(args));
    console.log(
      `\nBudget 100 ms: ${budget < 100 ? "met" : "NOT met"} (p95 ${budget.toFixed(1)} ms; load average now ${load()} — other work on the machine shows in these figures).`,
    );
    if (keep)
      console.log(
        `\nKept: DATABASE_URL=${url.toString()}  (sign in as ${demoAccounts.instructors[0].email}; drop it with: dropdb ${name})`,
      );
  } finally {
    await closeDb();
    if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(
    `Measurement failed: ${(e as Error).message}${(e as { cause?: Error }).cause ? `\n  cause: ${(e as { cause?: Error }).cause?.message}` : ""}`,
  );
  process.exit(1);
});
