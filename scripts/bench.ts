/**
 * `npm run bench [-- --quick] [--no-build] [--fresh] [--throwaway] [--only a,b] [--duration s] [--sql-only] [--profile]`
 *
 * Measures Cohort at organisation scale on PostgreSQL and judges each target
 * against a reference measured alongside it in the same run (issue #16);
 * prints one table and writes it to BENCHMARKS.md (quick mode: to
 * bench-results/quick.md). How it works is described in BENCHMARKS.md
 * (written from scripts/bench/report.ts).
 */
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, execRows } from "@/db/client";
import { smtpTransport } from "@/lib/notifications/transport";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { EXPORT_BATCH, EXPORT_WORK_MEM, exportQuery } from "@/lib/reports/organisation-export";
import { readReportFilters } from "@/lib/reports/organisation-filters";
import { answerDraw, type DrawnItem } from "@/db/seed/scale/quiz-answers";
import { makeRng, seedOf } from "@/db/seed/scale/random";
import { SCALE_PASSWORD } from "@/db/seed/scale/seed";
import { benchTargets, type BenchContext } from "./bench-queries";
import { dropThrowawayDatabase, prepareBenchDatabase, type BenchDb } from "./bench/database";
import { capturePhases, cursorToDevNull, explain, replay, replayLoad, statementCount, type Phase } from "./bench/sql";
import { mapLimit, mergeSamples, runLoad, signIn, summarize, type Request, type Samples } from "./bench/http";
import { benchmarksMarkdown, budgetLines, judgeBudgets, runMarkdown, textTable, type Measured, type Reference } from "./bench/report";
import { buildApp, RssSampler, startServer, treeCpuMs, type Server } from "./bench/server";
import { fail } from "./lib";
import { CONCURRENCY } from "@/lib/notifications/worker";
import {
  directSends,
  preRendered,
  queueForSending,
  resetSending,
  resetSweep,
  seedClock,
  startSmtpSink,
  timedSweep,
  total,
  workerConfigFor,
  workerSends,
} from "./bench/notifications";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    throwaway: { type: "boolean", default: false },
    only: { type: "string" },
    duration: { type: "string" },
    "sql-only": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
});

const QUICK = args.quick;
const PORT = Number(process.env.BENCH_PORT ?? 3215);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? (QUICK ? 10_000 : 100_000));
const DATABASE = QUICK ? "cohort_bench_quick" : "cohort_bench";
/** seconds each target is measured, and its reference as long again */
const DURATION = Number(args.duration ?? (QUICK ? 3 : 10));
/** target and reference alternate in rounds this long, so both see the same moments of the machine */
const ROUND = QUICK ? 1 : 2;
const ROUNDS = Math.max(1, Math.round(DURATION / ROUND));
// a fresh next start is several times slower for its first seconds on a route (lazy chunks, JIT)
const WARMUP = QUICK ? 1.5 : Math.max(1, Math.min(5, DURATION / 2));
const LEARNER_POOL = QUICK ? 40 : 200;
const QUIZ_CONNECTIONS = 20;
const QUIZ_SUBMISSIONS =
  Math.ceil(Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? (QUICK ? 120 : 600)) / (ROUNDS * QUIZ_CONNECTIONS)) * ROUNDS * QUIZ_CONNECTIONS;
const QUIZ_WARMUP = QUICK ? 10 : 40;
const EXPORT_RUNS = QUICK ? 2 : 3;
/** messages the worker sends to the SMTP sink (issue #14: 10,000), and as many straight through the transport */
const SEND_MESSAGES = Number(process.env.BENCH_SEND_MESSAGES ?? (QUICK ? 1_000 : 10_000));
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const OUT_DIR = path.resolve("bench-results");
const ADMIN_EMAIL = "admin@scale.cohort";
/** the page-vs-SQL targets' second reference: a page every user has, with the shell and one small indexed query */
const BARE_PAGE = "/notifications/preferences";

/**
 * Every target, in the order they run, with its concurrency: the learner
 * load of the budgets (20 connections); one admin, one instructor at a time
 * for the pages judged against their SQL. (At 4 connections the one-thread
 * server queues requests while PostgreSQL runs the SQL reference's four
 * streams on every core, so p50 there measures queueing, not what a page
 * adds to its SQL; throughput under load is the learner home's budget.)
 * Each target's budget is in scripts/bench/report.ts.
 */
const targets = [
  { key: "sessionApi", label: "session API (reference)", connections: 20 },
  { key: "learnerHome", label: "learner home", connections: 20 },
  { key: "quizSubmit", label: "quiz submission", connections: QUIZ_CONNECTIONS },
  { key: "cohortPage", label: "cohort page (500 learners)", connections: 1 },
  { key: "organisationReport", label: "organisation report", connections: 1 },
  { key: "organisationReportFiltered", label: "organisation report, filtered", connections: 1 },
  { key: "export", label: "CSV export, all rows", connections: 1 },
  // the reminders issue (#14): the sweep the worker runs every 15 minutes, learners' requests while it runs, and
  // the worker sending to an SMTP sink (scripts/bench/notifications.ts)
  { key: "reminderSweep", label: "reminder sweep (enqueues)", connections: 1 },
  { key: "reminderSweepAgain", label: "reminder sweep again (adds nothing)", connections: 1 },
  { key: "learnerHomeDuringSweep", label: "learner home during the sweep", connections: 20 },
  { key: "notificationSend", label: "notification sending (SMTP sink)", connections: CONCURRENCY },
] as const satisfies readonly { key: string; label: string; connections: number }[];
type Key = (typeof targets)[number]["key"];

const log = (s: string) => console.log(s);
const only = args.only ? new Set(args.only.split(",").map((s) => s.trim())) : null;
const wanted = (key: Key) =>
  !only ||
  only.has(key) ||
  (key === "sessionApi" && (only.has("learnerHome") || only.has("quizSubmit"))) ||
  ((key === "reminderSweepAgain" || key === "learnerHomeDuringSweep") && only.has("reminderSweep"));
const spec = (key: Key) => targets.find((t) => t.key === key)!;
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function commit() {
  try {
    const sha = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim() ? " (with uncommitted changes)" : "";
    return sha + dirty;
  } catch {
    return "unknown";
  }
}

async function benchContext(bench: BenchDb): Promise<BenchContext> {
  const [row] = await bench.client`
    select e.cohort_id, u.id as instructor_id, u.email as instructor_email
    from (select cohort_id, count(*) as n from enrolments where status = 'active' group by cohort_id order by n desc limit 1) e
    join cohort_instructors ci on ci.cohort_id = e.cohort_id join users u on u.id = ci.user_id
    order by u.email limit 1`;
  const [adminRow] = await bench.client`select id from users where email = ${ADMIN_EMAIL}`;
  if (!adminRow) throw new Error(`${ADMIN_EMAIL} is missing from the benchmark database; use --fresh to reseed`);
  return {
    cohortId: row.cohort_id,
    instructorId: row.instructor_id,
    instructorEmail: row.instructor_email,
    adminId: adminRow.id,
    adminEmail: ADMIN_EMAIL,
  };
}

async function status(base: string, p: string, cookie: string, init: RequestInit = {}) {
  const res = await fetch(base + p, { redirect: "manual", ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  await res.body?.cancel();
  return res.status;
}

const notAvailable = (key: Key, why: string): Measured => ({
  label: spec(key).label,
  load: `${spec(key).connections} conn`,
  available: false,
  note: why,
});

/** A target's rounds as one row; `cpuMs` is the server CPU time spent during them. */
function row(key: Key, s: Samples, extra: { cpuMs?: number; peakRssMb?: number; note?: string; reference?: Reference } = {}): Measured {
  const r = summarize(s);
  const odd = Object.entries(r.statuses)
    .filter(([k]) => !k.startsWith("2") && k !== "sql")
    .map(([k, n]) => `${n}× ${k}`)
    .join(", ");
  return {
    label: spec(key).label,
    load: `${spec(key).connections} conn`,
    available: true,
    requests: r.requests,
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    rps: r.rps,
    errors: r.errors,
    cpuMs: extra.cpuMs !== undefined && r.requests ? extra.cpuMs / r.requests : undefined,
    peakRssMb: extra.peakRssMb,
    reference: extra.reference,
    note: [extra.note, odd && `non-2xx: ${odd}`].filter(Boolean).join("; ") || undefined,
  };
}

const asReference = (label: string, s: Samples): Reference => {
  const r = summarize(s);
  return { label, requests: r.requests, p50: r.p50, p99: r.p99, rps: r.rps };
};

async function main() {
  const started = new Date();
  const loadAtStart = loadAverage();
  log(`Cohort benchmark${QUICK ? " (quick mode)" : ""} — ${machine()}; commit ${commit()}; load average ${loadAtStart}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });

  // Ctrl-C or a CI timeout while seeding: the throwaway database goes too (replaced below once next start runs)
  // (`on`, not `once`: Ctrl-C reaches this process twice, from the terminal and relayed by tsx, and a second
  // signal with no handler left would kill it before the drop)
  let stopping = false;
  const early = () => {
    if (stopping) return;
    stopping = true;
    void dropThrowawayDatabase(log)
      .catch((e) => log(`could not drop the throwaway database: ${(e as Error).message}`))
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", early);
  process.on("SIGTERM", early);
  const bench = await prepareBenchDatabase({ name: DATABASE, learners: LEARNERS, fresh: args.fresh, throwaway: args.throwaway, log });
  const ctx = await benchContext(bench);
  const [{ version: pgVersion }] = await bench.client`select current_setting('server_version') as version`;
  const [counts] = await bench.client`
    select (select count(*) from cohorts)::int as cohorts,
           (select count(*) from assignment_progress p join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id
              and e.status = 'active')::int as active_rows`;

  // each page's SQL, captured from its loaders; plans written while nothing else runs against the database
  const phases: Partial<Record<Key, Phase[]>> = {};
  for (const [key, target] of Object.entries(benchTargets) as [Key, (typeof benchTargets)[keyof typeof benchTargets]][]) {
    if (!wanted(key) || !target.queries) continue;
    const captured = await capturePhases(bench, (phase) => target.queries!(ctx, phase));
    phases[key] = captured;
    if (!captured.length) {
      log(`SQL of ${key}: no statements captured`);
      continue;
    }
    const server = await explain(bench, key, captured, path.join(OUT_DIR, "plans"));
    log(
      `SQL of ${key}: ${statementCount(captured)} statement(s) in ${captured.length} phase(s), ${server.toFixed(1)} ms planning + execution on the server`,
    );
  }
  if (args["sql-only"]) {
    log(`Plans written to ${path.join(OUT_DIR, "plans")}/.`);
    await closeDb();
    return bench.dropThrowaway();
  }

  if (!args["no-build"] || !fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    log(`building the app into ${DIST_DIR}…`);
    const t = performance.now();
    await buildApp(DIST_DIR, path.join(OUT_DIR, "build.log"));
    log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } else {
    log(`using the existing build in ${DIST_DIR}`);
  }
  const profileDir = path.join(OUT_DIR, "profiles");
  if (args.profile) fs.mkdirSync(profileDir, { recursive: true });
  const server = await startServer({
    port: PORT,
    distDir: DIST_DIR,
    logFile: path.join(OUT_DIR, "server.log"),
    nodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    env: {
      ...process.env,
      DATABASE_URL: bench.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      COHORT_DEMO: "0",
      // the benchmark runs the sweep and the sending itself, when it measures them; a worker in the server would
      // sweep and send in the middle of other targets
      NOTIFICATIONS_WORKER: "0",
    },
  });
  // an interrupted run (Ctrl-C, a CI timeout) must not leave next start running: it is in its own process group
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.off(signal, early);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping next start (pid ${server.pid})`);
      void server
        .stop()
        .then(() => closeDb())
        .then(() => dropThrowawayDatabase(log))
        .catch(() => {})
        .finally(() => process.exit(130));
    });
  }
  const sampler = new RssSampler(server.pid);
  sampler.start();
  log(`next start is up on ${server.base} (pid ${server.pid}, ${sampler.mark().toFixed(0)} MB)`);

  const rows: Partial<Record<Key, Measured>> = {};
  try {
    await measureAll(server, sampler, bench, ctx, phases, rows);
  } finally {
    sampler.stop();
    await server.stop();
    await closeDb();
    await bench.dropThrowaway();
  }
  if (args.profile) log(`CPU profile of the server: ${profileDir}/ (open in Chrome DevTools or speedscope)`);

  const table = targets.filter((t) => wanted(t.key)).map((t) => rows[t.key] ?? notAvailable(t.key, "not run"));
  const results = judgeBudgets(rows, { quick: QUICK }).filter((b) => !only || !b.measured.startsWith("not measured"));
  const info = {
    date: started.toISOString().replace("T", " ").slice(0, 16) + " UTC",
    commit: commit(),
    machine: machine(),
    load: `${loadAtStart} at the start, ${loadAverage()} at the end (1, 5, 15 min; ${os.cpus().length} cores)${Number(loadAtStart.split(",")[0]) > os.cpus().length * 0.5 ? " — the machine was busy with other work: absolute figures are noisy, ratios less so" : ""}`,
    postgres: `${pgVersion} (default settings), same machine`,
    dataset: `${bench.learners.toLocaleString("en")} learners, ${counts.cohorts.toLocaleString("en")} cohorts, ${counts.active_rows.toLocaleString("en")} progress rows of active enrolments (scale seed${bench.seedSeconds ? `, seeded by this run in ${bench.seedSeconds.toFixed(0)} s` : ""})`,
    settings: `${QUICK ? "quick mode: " : ""}${DURATION} s per target and as long for its reference, alternating in ${ROUNDS} round(s), after ${WARMUP} s warm-up; quiz: ${QUIZ_SUBMISSIONS} submissions after ${QUIZ_WARMUP}; export: ${EXPORT_RUNS} runs after 1 warm-up`,
  };
  log(`\nthe run took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
  log(textTable(table));
  log("");
  log(budgetLines(results));
  const partial = only ? "\n_This run measured only some targets (`--only`)._\n" : "";
  const run = runMarkdown(QUICK ? "Quick run" : "Latest run", info, table, results) + partial;
  if (QUICK) {
    fs.writeFileSync(path.join(OUT_DIR, "quick.md"), run);
    log(`\nWrote ${path.join(OUT_DIR, "quick.md")} (quick mode leaves BENCHMARKS.md alone).`);
  } else {
    fs.writeFileSync("BENCHMARKS.md", benchmarksMarkdown([run, previousRun()].filter(Boolean) as string[]));
    log("\nWrote BENCHMARKS.md.");
  }
  if (results.some((b) => b.verdict === "FAIL")) process.exitCode = 1;
}

/** The run BENCHMARKS.md showed as latest, kept below the new one as the previous run. */
function previousRun(): string | null {
  try {
    const text = fs.readFileSync("BENCHMARKS.md", "utf8");
    const start = text.indexOf("## Latest run");
    if (start < 0) return null;
    const end = text.indexOf("## Previous run", start);
    return (
      text
        .slice(start, end < 0 ? undefined : end)
        .replace("## Latest run", "## Previous run")
        .trimEnd() + "\n"
    );
  } catch {
    return null;
  }
}

async function measureAll(
  server: Server,
  sampler: RssSampler,
  bench: BenchDb,
  ctx: BenchContext,
  phases: Partial<Record<Key, Phase[]>>,
  rows: Partial<Record<Key, Measured>>,
) {
  const base = server.base;
  /** Load `next` on the server for `seconds`; the server's CPU time is added to `counter`. */
  const http = async (connections: number, next: () => Request, seconds: number, counter?: { ms: number }) => {
    const c0 = treeCpuMs(server.pid);
    const s = await runLoad({ base, connections, duration: seconds, next });
    if (counter) counter.ms += treeCpuMs(server.pid) - c0;
    return s;
  };

  log("signing in…");
  const admin = await signIn(base, ADMIN_EMAIL, SCALE_PASSWORD);
  const instructor = await signIn(base, ctx.instructorEmail, SCALE_PASSWORD);
  const poolEmails = (
    await bench.client`
      select u.email from users u join enrolments e on e.user_id = u.id and e.status = 'active'
      where u.role = 'learner' and u.status = 'active' order by md5(u.id::text) limit ${LEARNER_POOL}`
  ).map((r) => r.email as string);
  const t = performance.now();
  const learners = await mapLimit(poolEmails, 4, (email) => signIn(base, email, SCALE_PASSWORD));
  log(`signed in the admin, ${ctx.instructorEmail} and ${learners.length} learners (${((performance.now() - t) / 1000).toFixed(0)} s)`);

  let turn = 0;
  const roundRobin =
    (p: string): (() => Request) =>
    () => ({ path: p, headers: { cookie: learners[turn++ % learners.length] } });
  const sessionNext = roundRobin("/api/auth/session");
  const sessionConnections = spec("sessionApi").connections;

  // a target that breaks is reported as failed; the others still run
  const guard = async (key: Key, run: () => Promise<unknown>) => {
    if (!wanted(key)) return;
    try {
      await run();
    } catch (e) {
      rows[key] = notAvailable(key, `failed: ${(e as Error).message}`);
      log(`${spec(key).label}: failed: ${(e as Error).stack ?? e}`);
    }
  };
  /** A GET page, or null (and the row says why) when its route is not there. */
  const probe = async (key: Key, p: string, cookie: string) => {
    const code = await status(base, p, cookie);
    if (code === 404) {
      rows[key] = notAvailable(key, "route answers 404 (not built yet)");
      log(`${spec(key).label}: not available (${p} answers 404)`);
      return null;
    }
    return code >= 300 ? `probe answered ${code}` : undefined;
  };

  // the learner home against the session API, round by round
  await guard("learnerHome", async () => {
    const homePath = benchTargets.learnerHome.path(ctx);
    const note = await probe("learnerHome", homePath, learners[0]);
    if (note === null) return;
    const { connections } = spec("learnerHome");
    log(`learner home: ${homePath} and the session API, ${connections} connections, ${ROUNDS} × ${ROUND} s each`);
    await http(sessionConnections, sessionNext, WARMUP);
    await http(connections, roundRobin(homePath), WARMUP);
    sampler.mark();
    const ref: Samples[] = [];
    const page: Samples[] = [];
    // what any page costs a learner (same wrapper and shell, one small indexed query), in the same rounds: how far
    // above the session API the fixed cost of a page already is, before the learner home's own work
    const barePage: Samples[] = [];
    const bare = (await status(base, BARE_PAGE, learners[0])) === 200;
    if (bare) await http(connections, roundRobin(BARE_PAGE), WARMUP / 2);
    const refCpu = { ms: 0 };
    const pageCpu = { ms: 0 };
    const bareCpu = { ms: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      ref.push(await http(sessionConnections, sessionNext, ROUND, refCpu));
      page.push(await http(connections, roundRobin(homePath), ROUND, pageCpu));
      if (bare) barePage.push(await http(connections, roundRobin(BARE_PAGE), ROUND / 2, bareCpu));
    }
    const session = mergeSamples(ref);
    rows.sessionApi = row("sessionApi", session, { cpuMs: refCpu.ms, note: "in rounds alternating with the learner home" });
    rows.learnerHome = row("learnerHome", mergeSamples(page), {
      cpuMs: pageCpu.ms,
      peakRssMb: sampler.peak(),
      note,
      reference: asReference("session API", session),
    });
    if (bare) {
      const b = summarize(mergeSamples(barePage));
      rows.learnerHome.extra = { barePageRps: b.rps, barePageP99: b.p99, barePageCpuMs: bareCpu.ms / b.requests };
    }
  });

  if (wanted("quizSubmit")) await guard("quizSubmit", async () => (rows.quizSubmit = await measureQuiz(base, bench, sampler, sessionNext)));

  // pages against their own SQL, replayed at the same concurrency, round by round
  const pageVsSql = async (key: "cohortPage" | "organisationReport" | "organisationReportFiltered", cookie: string) => {
    const p = benchTargets[key].path(ctx);
    const note = await probe(key, p, cookie);
    if (note === null) return;
    const sql = phases[key];
    const { label, connections } = spec(key);
    log(
      `${label}: ${p} and its SQL (${sql ? statementCount(sql) : 0} statements), ${connections} connection(s), ${ROUNDS} × ${ROUND} s each`,
    );
    const next = () => ({ path: p, headers: { cookie } });
    // what any page costs this user (quick mode judges the page less it): same wrapper and shell, one small query
    const bareNext = () => ({ path: BARE_PAGE, headers: { cookie } });
    const bare = (await status(base, BARE_PAGE, cookie)) === 200;
    await http(connections, next, WARMUP);
    if (bare) await http(connections, bareNext, WARMUP / 2);
    if (sql?.length) for (let i = 0; i < 3; i++) await replay(bench, sql);
    sampler.mark();
    const ref: Samples[] = [];
    const page: Samples[] = [];
    const barePage: Samples[] = [];
    const pageCpu = { ms: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      if (sql?.length) ref.push(await replayLoad(bench, sql, connections, ROUND));
      page.push(await http(connections, next, ROUND, pageCpu));
      if (bare) barePage.push(await http(connections, bareNext, ROUND / 2));
    }
    const r = row(key, mergeSamples(page), {
      cpuMs: pageCpu.ms,
      peakRssMb: sampler.peak(),
      note,
      reference: ref.length ? { label: "its SQL", ...pick(summarize(mergeSamples(ref))) } : undefined,
    });
    if (bare) r.extra = { barePageP50: summarize(mergeSamples(barePage)).p50 };
    rows[key] = r;
  };
  await guard("cohortPage", () => pageVsSql("cohortPage", instructor));
  await guard("organisationReport", () => pageVsSql("organisationReport", admin));
  await guard("organisationReportFiltered", () => pageVsSql("organisationReportFiltered", admin));
  await guard(
    "export",
    async () => (rows.export = await measureExport(base, bench, benchTargets.export.path(ctx), admin, sampler, server.pid)),
  );

  // the reminder sweep, with learners' requests running beside it and without, round by round
  await guard("reminderSweep", async () => {
    const homePath = benchTargets.learnerHome.path(ctx);
    const { connections } = spec("learnerHomeDuringSweep");
    const at = await seedClock(bench.db);
    const homeNext = roundRobin(homePath);
    log(
      `reminder sweep: at the seed's clock (${at.toISOString()}), ${ROUNDS} round(s); ${homePath} at ${connections} connections during the sweeps and as long without`,
    );
    await resetSweep(bench.db, bench.client);
    await timedSweep(bench.db, at); // warm-up: plans and caches as a worker that has swept before
    await http(connections, homeNext, WARMUP);
    const first: number[] = [];
    const again: number[] = [];
    let enqueued = "";
    let firstCount = 0;
    let added = 0;
    const during: Samples[] = [];
    const without: Samples[] = [];
    const cpu = { ms: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      await resetSweep(bench.db, bench.client);
      // with: the learner load runs while sweeps run back to back: the first enqueues, the rest add nothing,
      // until the round is at least ROUND s long and has had one repeat
      let done = false;
      const t0 = performance.now();
      const sweeps = (async () => {
        try {
          const f = await timedSweep(bench.db, at);
          first.push(f.ms);
          firstCount = total(f.result);
          enqueued = Object.entries(f.result)
            .map(([k, n]) => `${k} ${n.toLocaleString("en")}`)
            .join(", ");
          do {
            const a = await timedSweep(bench.db, at);
            again.push(a.ms);
            added = Math.max(added, total(a.result));
          } while (performance.now() - t0 < ROUND * 1000);
        } finally {
          done = true;
        }
      })();
      const c0 = treeCpuMs(server.pid);
      during.push(await runLoad({ base, connections, until: () => done, next: homeNext }));
      cpu.ms += treeCpuMs(server.pid) - c0;
      await sweeps;
      const seconds = (performance.now() - t0) / 1000;
      without.push(await http(connections, homeNext, seconds));
    }
    await resetSweep(bench.db, bench.client);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const load = "1 (the worker's)";
    rows.reminderSweep = {
      label: spec("reminderSweep").label,
      load,
      available: true,
      requests: first.length,
      p50: median(first),
      p95: Math.max(...first),
      p99: Math.max(...first),
      errors: 0,
      extra: { secondsPer100k: median(first) / 1000 / (bench.learners / 100_000), learners: bench.learners },
      note: `enqueues ${firstCount.toLocaleString("en")} messages (${enqueued}); p50 = median round, p95/p99 = slowest`,
    };
    rows.reminderSweepAgain = {
      label: spec("reminderSweepAgain").label,
      load,
      available: true,
      requests: again.length,
      p50: median(again),
      p95: Math.max(...again),
      p99: Math.max(...again),
      errors: 0,
      extra: { added },
      note: `${again.length} repeats, each right after the first; the most one added: ${added}`,
    };
    rows.learnerHomeDuringSweep = row("learnerHomeDuringSweep", mergeSamples(during), {
      cpuMs: cpu.ms,
      peakRssMb: sampler.peak(),
      reference: asReference("learner home without it", mergeSamples(without)),
      note: "in rounds: while sweeps run, then as long without",
    });
  });

  // sending: the worker to an SMTP sink, against the same transport sending pre-rendered messages, round by round
  await guard("notificationSend", async () => {
    const sink = await startSmtpSink();
    const [org] = await execRows<{ name: string }>(bench.db, sql`select organisation_name as name from org_settings where id = 1`);
    const orgName = org?.name ?? "Cohort Training Program";
    const config = await workerConfigFor(sink.url, orgName, randomBytes(32).toString("base64"));
    const direct = await smtpTransport(sink.url);
    try {
      log(
        `notification sending: ${SEND_MESSAGES.toLocaleString("en")} messages through the worker to ${sink.url}, and as many straight through the transport, ${ROUNDS} round(s)`,
      );
      await resetSending(bench.db);
      // warm-up: connections open, statements planned
      await queueForSending(bench.db, 100, -1);
      await workerSends(bench.db, config);
      await directSends(direct, await preRendered(100, orgName));
      const per = Math.ceil(SEND_MESSAGES / ROUNDS);
      let workerMs = 0;
      let directMs = 0;
      let sent = 0;
      let queued = 0;
      const outcomes: Record<string, number> = {};
      let cpuMs = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const msgs = await preRendered(per, orgName, i * per);
        directMs += (await directSends(direct, msgs)).ms;
        queued += await queueForSending(bench.db, per, i);
        const c0 = treeCpuMs(process.pid);
        const w = await workerSends(bench.db, config);
        cpuMs += treeCpuMs(process.pid) - c0;
        workerMs += w.ms;
        sent += w.sent;
        for (const [k, n] of Object.entries(w.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
      }
      const received = await sink.count();
      const rate = sent / (workerMs / 1000);
      rows.notificationSend = {
        label: spec("notificationSend").label,
        load: `${CONCURRENCY} at a time`,
        available: true,
        requests: sent,
        rps: rate,
        errors: queued - sent,
        cpuMs: cpuMs / Math.max(1, sent),
        reference: { label: "the transport alone", requests: per * ROUNDS, rps: (per * ROUNDS) / (directMs / 1000) },
        note: `${sent.toLocaleString("en")} of ${queued.toLocaleString("en")} sent (${Object.entries(outcomes)
          .map(([k, n]) => `${n} ${k}`)
          .join(
            ", ",
          )}) in ${(workerMs / 1000).toFixed(1)} s; the sink accepted ${received.toLocaleString("en")} in all; CPU is the bench process's (worker and transport)`,
      };
    } finally {
      config.transport.close();
      direct.close();
      sink.stop();
      await resetSending(bench.db);
    }
  });
}

const pick = (r: { requests: number; p50: number; p99: number }) => ({ requests: r.requests, p50: r.p50, p99: r.p99 });

/**
 * Sequential downloads of the whole export, each after a run of its bare
 * cursor query to /dev/null: time to last byte, rows, and how much the
 * server's memory grows.
 */
async function measureExport(base: string, bench: BenchDb, p: string, cookie: string, sampler: RssSampler, pid: number): Promise<Measured> {
  const { label } = spec("export");
  const load = "1 (sequential)";
  const first = await fetch(base + p, { headers: { cookie }, redirect: "manual" });
  await first.body?.cancel();
  if (first.status === 404) {
    log(`${label}: not available (${p} answers 404)`);
    return { label, load, available: false, note: `${p} answers 404 (not built yet)` };
  }
  log(`${label}: ${p} and its cursor query to /dev/null, ${EXPORT_RUNS} runs each`);
  const { filters } = readReportFilters(new URL(p, base).searchParams);
  const download = async () => {
    const t0 = performance.now();
    let lines = 0;
    let bytes = 0;
    let ok = false;
    try {
      const res = await fetch(base + p, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(120_000) });
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
        }
      }
      ok = res.ok;
    } catch (e) {
      log(`${label}: download failed after ${bytes} bytes: ${(e as Error).message}`);
    }
    return { ms: performance.now() - t0, ok, rows: Math.max(0, lines - 1), bytes };
  };
  const cursor = () => cursorToDevNull(bench, exportQuery(filters, new Date()), { batchSize: EXPORT_BATCH, workMem: EXPORT_WORK_MEM });
  await cursor();
  await download();
  const runs: { ms: number; ok: boolean; rows: number; bytes: number; growth: number; peak: number; cpuMs: number }[] = [];
  const refs: number[] = [];
  let refRows = 0;
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const c = await cursor();
    refs.push(c.ms);
    refRows = c.rows;
    const before = sampler.mark();
    const c0 = treeCpuMs(pid);
    const r = await download();
    const cpuMs = treeCpuMs(pid) - c0;
    const peak = sampler.peak();
    runs.push({ ...r, growth: peak - before, peak, cpuMs });
  }
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const median = (v: number[]) => sorted(v)[Math.floor(v.length / 2)];
  const last = runs[runs.length - 1];
  const growth = Math.max(...runs.map((r) => r.growth));
  return {
    label,
    load,
    available: true,
    requests: runs.length,
    p50: median(runs.map((r) => r.ms)),
    p95: Math.max(...runs.map((r) => r.ms)),
    p99: Math.max(...runs.map((r) => r.ms)),
    errors: runs.filter((r) => !r.ok).length,
    cpuMs: runs.reduce((t, r) => t + r.cpuMs, 0) / runs.length,
    peakRssMb: Math.max(...runs.map((r) => r.peak)),
    rssGrowthMb: growth,
    rows: last.rows,
    expectedRows: refRows,
    reference: { label: "bare cursor to /dev/null", requests: refs.length, p50: median(refs), p99: Math.max(...refs) },
    note: `${last.rows.toLocaleString("en")} rows (the cursor: ${refRows.toLocaleString("en")}), ${(last.bytes / 2 ** 20).toFixed(1)} MB; memory growth ≤ ${growth.toFixed(0)} MB; p50 = median run, p95/p99 = slowest`,
  };
}

/**
 * Quiz submission against the session API: learners with an open
 * assignment and the quiz not yet passed sign in and start an attempt
 * through the API; each benchmark request submits one of those attempts
 * with answers built from the module's content (some right, some wrong, as
 * learners answer). Rounds of submissions alternate with rounds of the
 * session API.
 */
async function measureQuiz(base: string, bench: BenchDb, sampler: RssSampler, sessionNext: () => Request): Promise<Measured> {
  const key = "quizSubmit";
  const { connections } = spec(key);
  const need = QUIZ_SUBMISSIONS + QUIZ_WARMUP;
  const candidates = await bench.client`
    select u.email, p.id as progress_id from assignment_progress p
    join assignments a on a.id = p.assignment_id
    join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
    join users u on u.id = p.user_id and u.status = 'active'
    where p.completed_at is null and p.quiz_passed_at is null and a.opens_at <= now() and a.due_at > now()
      and a.max_attempts is null
    order by md5(p.id::text) limit ${need}`;
  if (!candidates.length) return notAvailable(key, "no learner with an open, unpassed assignment");
  // the quiz opens once every lesson section is read (an assignment setting, on by default): these learners have read it all
  const ids = candidates.map((c) => c.progress_id as string);
  await bench.client`
    insert into section_reads (progress_id, section_id)
    select p.id, s->>'id' from assignment_progress p
    join assignments a on a.id = p.assignment_id
    join module_versions v on v.id = coalesce(p.module_version_id, (select id from module_versions where module_id = a.module_id order by version desc limit 1))
    cross join jsonb_array_elements(v.content->'sections') s
    where p.id = any(${ids}::uuid[])
    on conflict do nothing`;
  await bench.client`
    update assignment_progress p set sections_read = (select count(*)::int from section_reads r where r.progress_id = p.id)
    where p.id = any(${ids}::uuid[])`;
  const json = (cookie: string, body: unknown) => ({
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const firstCookie = await signIn(base, candidates[0].email, SCALE_PASSWORD);
  const probe = await status(base, "/api/quiz/attempts", firstCookie, json(firstCookie, { progressId: candidates[0].progress_id }));
  if (probe === 404) {
    log(`quiz submission: not available (POST /api/quiz/attempts answers 404)`);
    return notAvailable(key, "POST /api/quiz/attempts answers 404 (not built yet)");
  }
  log(`quiz submission: signing in ${candidates.length} learners and starting their attempts…`);
  const cookies = new Map<string, string>();
  const startCodes: Record<number, number> = {};
  await mapLimit(candidates, 4, async (c, i) => {
    const cookie = i === 0 ? firstCookie : await signIn(base, c.email, SCALE_PASSWORD);
    cookies.set(c.progress_id, cookie);
    const code = await status(base, "/api/quiz/attempts", cookie, json(cookie, { progressId: c.progress_id }));
    startCodes[code] = (startCodes[code] ?? 0) + 1;
  });
  const open = await bench.client`
    select id, progress_id, draw, module_version_id from quiz_attempts
    where status = 'in_progress' and progress_id = any(${candidates.map((c) => c.progress_id as string)}::uuid[])`;
  const queue: Request[] = [];
  for (const [i, a] of open.entries()) {
    const version = await getModuleVersion(a.module_version_id);
    if (!version) continue;
    const rng = makeRng(seedOf(i, 77));
    const responses = answerDraw(version.content, a.draw as DrawnItem[], rng, rng.int(6, version.content.drawCount));
    queue.push({
      method: "POST",
      path: `/api/quiz/attempts/${a.id}/submit`,
      headers: { cookie: cookies.get(a.progress_id)!, origin: base, "content-type": "application/json" },
      body: JSON.stringify({ answers: Object.fromEntries(responses.map((r) => [r.itemId, r.chosenOptionIds])) }),
    });
  }
  // every run uses up learners (many pass); a database used for many runs runs short: --fresh reseeds it
  const short =
    queue.length < need
      ? `only ${queue.length} of ${need} learners left with an open, unpassed quiz (npm run bench -- --fresh reseeds)`
      : "";
  if (short) log(`quiz submission: ${short}`);
  const startNote = [
    `attempts started: ${Object.entries(startCodes)
      .map(([c, n]) => `${n}× ${c}`)
      .join(", ")}`,
    short,
  ]
    .filter(Boolean)
    .join("; ");
  if (queue.length < QUIZ_WARMUP + connections * ROUNDS) return notAvailable(key, `only ${queue.length} open attempts (${startNote})`);
  let n = 0;
  const next = () => queue[n++] ?? { method: "POST", path: "/api/quiz/attempts/00000000-0000-0000-0000-000000000000/submit", body: "{}" };
  const perRound = Math.floor((queue.length - QUIZ_WARMUP) / (connections * ROUNDS)) * connections;
  log(`quiz submission: ${perRound * ROUNDS} submissions and the session API, ${connections} connections, ${ROUNDS} rounds`);
  await runLoad({ base, connections, amount: QUIZ_WARMUP, next });
  n = QUIZ_WARMUP;
  sampler.mark();
  const ref: Samples[] = [];
  const page: Samples[] = [];
  let cpuMs = 0;
  for (let i = 0; i < ROUNDS; i++) {
    ref.push(await runLoad({ base, connections: spec("sessionApi").connections, duration: ROUND, next: sessionNext }));
    const pid = sampler.root;
    const c0 = treeCpuMs(pid);
    page.push(await runLoad({ base, connections, amount: perRound, next }));
    cpuMs += treeCpuMs(pid) - c0;
  }
  return row(key, mergeSamples(page), {
    cpuMs,
    peakRssMb: sampler.peak(),
    note: startNote,
    reference: asReference("session API", mergeSamples(ref)),
  });
}

main().catch(async (e) => {
  await closeDb().catch(() => {});
  await dropThrowawayDatabase(log).catch((d) => log(`could not drop the throwaway database: ${(d as Error).message}`));
  fail(`Benchmark failed: ${(e as Error).stack ?? e}`);
});
