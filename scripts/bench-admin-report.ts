/**
 * Times the organisation report and CSV export on generated data (PostgreSQL).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx scripts/bench-admin-report.ts [learners=100000]
 *
 * Makes a throwaway database, bulk-inserts learners in cohorts of 25 with one
 * assignment each (generate_series), times what /admin runs and streams the
 * whole export, then drops the database. Not the product's scale seed.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { closeDb, setDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import * as schema from "../db/schema";
import type { ReportFilters } from "../lib/reports/organisation-filters";

const learners = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 9);
const serverUrlFor = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();
const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function seed(db: ReturnType<typeof drizzle<typeof schema>>) {
  const cohorts = Math.ceil(learners / 25);
  await db.execute(sql`insert into users (email, name, role, is_seed) values ('bench.admin@bench.cohort', 'Bench Admin', 'admin', true)`);
  await db.execute(sql`insert into users (email, name, role, is_seed)
    select 'bench.instructor.' || i || '@bench.cohort', 'Instructor ' || i, 'instructor', true from generate_series(1, 200) i`);
  await db.execute(sql`insert into users (email, name, role, is_seed)
    select 'bench.learner.' || i || '@bench.cohort', 'Learner ' || lpad(i::text, 6, '0'), 'learner', true from generate_series(1, ${learners}) i`);
  await db.execute(sql`insert into modules (slug, title) values ('bench', 'Bench Module')`);
  await db.execute(sql`insert into module_versions (module_id, version, title, content, content_hash, contact_hours, hours_category, pass_mark)
    select id, 1, 'Bench Module', '{}'::jsonb, 'x', 1.0, 'Professional Responsibility', 80 from modules`);
  await db.execute(sql`insert into cohorts (name, status)
    select 'Cohort ' || lpad(i::text, 5, '0'), case when i % 10 = 0 then 'archived'::cohort_status else 'active'::cohort_status end
    from generate_series(1, ${cohorts}) i`);
  await db.execute(sql`insert into cohort_instructors (cohort_id, user_id)
    select c.id, u.id from (select id, row_number() over (order by name) n from cohorts) c
    join (select id, row_number() over (order by email) n from users where role = 'instructor') u on u.n = (c.n % 200) + 1`);
  await db.execute(sql`insert into assignments (cohort_id, module_id, opens_at, due_at, created_at)
    select c.id, m.id, now() - make_interval(days => 400 - (n % 400)::int), now() - make_interval(days => 370 - (n % 400)::int), now() - make_interval(days => 401 - (n % 400)::int)
    from (select id, row_number() over (order by name) n from cohorts) c cross join modules m`);
  await db.execute(sql`insert into enrolments (cohort_id, user_id, source)
    select c.id, l.id, 'seed' from (select id, row_number() over (order by name) - 1 n from users where role = 'learner') l
    join (select id, row_number() over (order by name) - 1 n from cohorts) c on c.n = l.n / 25`);
  await db.execute(sql`insert into assignment_progress (assignment_id, user_id, cohort_id)
    select a.id, e.user_id, e.cohort_id from enrolments e join assignments a on a.cohort_id = e.cohort_id`);
  // 45% complete, 25% in progress, 30% not started
  await db.execute(sql`with p as (select ap.id, a.opens_at, a.due_at, abs(hashtext(ap.id::text)) % 100 r from assignment_progress ap join assignments a on a.id = ap.assignment_id)
    update assignment_progress ap set
      module_version_id = case when p.r < 70 then (select id from module_versions limit 1) end,
      started_at = case when p.r < 70 then p.opens_at + interval '1 day' end,
      attempts_count = case when p.r < 70 then 1 + p.r % 3 else 0 end,
      best_score = case when p.r < 45 then 80 + p.r % 21 when p.r < 70 then 40 + p.r end,
      quiz_passed_at = case when p.r < 45 then p.opens_at + interval '5 days' end,
      reflections_submitted = case when p.r < 45 then 3 when p.r < 70 then p.r % 3 else 0 end,
      completed_at = case when p.r < 45 then p.opens_at + make_interval(days => 6 + p.r % 40) end,
      last_activity_at = case when p.r < 70 then p.opens_at + interval '6 days' end
    from p where p.id = ap.id`);
  await db.execute(sql`insert into certificates (code, progress_id, user_id, learner_name, module_title, module_version, provider_name, cohort_name, instructor_names, completed_at, contact_hours, hours_category)
    select 'B' || substr(md5(ap.id::text), 1, 15), ap.id, ap.user_id, u.name, 'Bench Module', 1, 'Bench', c.name, '', ap.completed_at, 1.0, 'Professional Responsibility'
    from assignment_progress ap join users u on u.id = ap.user_id join cohorts c on c.id = ap.cohort_id where ap.completed_at is not null`);
  await db.execute(sql`insert into reflections (progress_id, assignment_id, user_id, module_version_id, prompt_id, body, word_count, status, submitted_at)
    select ap.id, ap.assignment_id, ap.user_id, ap.module_version_id, 'prompt-' || k, 'bench reflection text', 80,
      case when (abs(hashtext(ap.id::text)) + k) % 3 = 0 then 'submitted'::reflection_status else 'accepted'::reflection_status end, ap.started_at
    from assignment_progress ap cross join generate_series(1, 3) k where ap.reflections_submitted >= k`);
  await db.execute(sql`insert into audit_log (created_at, actor_email, action, ip)
    select now() - make_interval(mins => i), 'bench.learner.' || (i % ${learners}) || '@bench.cohort',
      (array['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'reflection.submit', 'quiz.submit'])[1 + i % 5], '10.0.0.1'
    from generate_series(1, 300000) i`);
  await db.execute(sql`insert into audit_log (created_at, actor_email, action, target_type, target_id, ip)
    select now(), 'bench.admin@bench.cohort', 'user.role_change', 'user', id::text, '10.0.0.2'
    from users where role = 'learner' limit 1000`);
  await db.execute(sql`analyze`);
}

async function time<T>(label: string, runs: number, fn: () => Promise<T>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  // the machine is shared: the minimum is the closest to an unloaded figure, the median what a busy machine gives
  const f = (v: number) => v.toFixed(0).padStart(5);
  console.log(`${label.padEnd(58)} min ${f(ms[0])} ms   median ${f(ms[Math.floor(ms.length / 2)])} ms   max ${f(ms.at(-1)!)} ms`);
}

async function main() {
  const { listAuditActions, listAuditEntries } = await import("../lib/audit/log");
  const { streamOrganisationExport } = await import("../lib/reports/organisation-export");
  const { getCompletionsPerWeek, getOrganisationTiles, hasAnyCohort, listOrganisationCohorts, listReportInstructors } = await import(
    "../lib/reports/organisation"
  );
  // BENCH_DB=<name> reuses a database kept by an earlier run (KEEP=1)
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `cohort_bench_admin_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${name}"`);
  const client = postgres(serverUrlFor(base, name), { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  try {
    let t = performance.now();
    if (!reuse) {
      await migrateDb(db, "postgres");
      await seed(db);
    }
    const [counts] = await client`select (select count(*) from users where role = 'learner') learners, (select count(*) from cohorts) cohorts,
      (select count(*) from assignment_progress) progress, (select count(*) from reflections) reflections, (select count(*) from audit_log) audit`;
    console.log(`load average before timing: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s:`, Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", "));
    setDb(db, "postgres", async () => {});
    const [{ id }] = await client`select id from users where role = 'admin'`;
    const [{ id: instructor }] = await client`select id from users where role = 'instructor' order by email limit 1`;
    const actor = { id, role: "admin" as const, email: "bench.admin@bench.cohort" };
    const f = (over: Partial<ReportFilters> = {}): ReportFilters => ({ sort: "name", dir: "asc", page: 1, ...over });
    const page = (filters: ReportFilters) =>
      Promise.all([
        getOrganisationTiles({ actor, filters }),
        listOrganisationCohorts({ actor, filters }),
        getCompletionsPerWeek({ actor, filters }),
        listReportInstructors({ actor }),
        hasAnyCohort({ actor }),
      ]);
    const from = new Date(Date.now() - 200 * 86400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 20 * 86400_000).toISOString().slice(0, 10);
    if (!process.env.EXPORT_ONLY) await timeReport();
    async function timeReport() {
    await page(f()); // warm up
    await time("report /admin, no filters (every query of the page)", RUNS, () => page(f()));
    await time("  tiles alone", RUNS, () => getOrganisationTiles({ actor, filters: f() }));
    await time("  cohort table alone", RUNS, () => listOrganisationCohorts({ actor, filters: f() }));
    await time("  chart alone", RUNS, () => getCompletionsPerWeek({ actor, filters: f() }));
    await time("report, sorted by median best score desc", RUNS, () => page(f({ sort: "median", dir: "desc" })));
    await time("report, one instructor", RUNS, () => page(f({ instructor })));
    await time("report, status overdue, active cohorts", RUNS, () => page(f({ status: "overdue", cohortStatus: "active" })));
    await time(`report, due ${from}..${to}`, RUNS, () => page(f({ from, to })));
    await time("report, page 100 of the cohort table", RUNS, () => page(f({ page: 100 })));
    await time("audit log, first page", RUNS, () => listAuditEntries({ actor, filters: {} }));
    await time("audit log, actor search + action", RUNS, () => listAuditEntries({ actor, filters: { actor: "learner.77", action: "auth.sign_in" } }));
    await time("audit log, distinct actions", RUNS, () => listAuditActions({ actor }));

    }

    for (const mode of process.env.KEYSET ? (["cursor", "keyset"] as const) : (["cursor"] as const)) {
      let peak = process.memoryUsage().rss;
      const startRss = peak;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      t = performance.now();
      const reader = streamOrganisationExport({ actor, filters: f(), mode }).getReader();
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        for (const b of value) if (b === 10) lines++;
      }
      clearInterval(sampler);
      const secs = (performance.now() - t) / 1000;
      const heap = (process.memoryUsage().heapUsed / 1048576).toFixed(0);
      console.log(
        `export (${mode}) ${lines - 1} rows, ${(bytes / 1048576).toFixed(1)} MiB in ${secs.toFixed(2)} s; RSS ${(startRss / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MiB, heap after ${heap} MiB`,
      );
    }
  } finally {
    await closeDb();
    await client.end({ timeout: 5 });
    if (process.env.KEEP || reuse) console.log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
