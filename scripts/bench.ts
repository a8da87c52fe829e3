/**
 * `npm run bench [-- --no-build] [--fresh] [--only a,b] [--duration s] [--sql-only]`
 *
 * Measures Cohort at organisation scale on PostgreSQL and checks the budgets
 * of issue #7; prints one table and writes it to BENCHMARKS.md. How it works
 * is described in BENCHMARKS.md (written from scripts/bench/report.ts).
 */
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "../db/client";
import { getModuleVersion } from "../lib/learning/module/publish";
import { answerDraw, type DrawnItem } from "../db/seed/scale/quiz-answers";
import { makeRng, seedOf } from "../db/seed/scale/random";
import { SCALE_PASSWORD } from "../db/seed/scale/seed";
import { benchTargets, type BenchContext, type BenchTarget } from "./bench-queries";
import { prepareBenchDatabase, type BenchDb } from "./bench/database";
import { timeSql } from "./bench/explain";
import { mapLimit, runLoad, signIn, type LoadResult, type Request } from "./bench/http";
import { benchmarksMarkdown, budgetLines, judgeBudgets, textTable, type Measured } from "./bench/report";
import { buildApp, RssSampler, startServer, type Server } from "./bench/server";
import { fail } from "./lib";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    only: { type: "string" },
    duration: { type: "string", default: "10" },
    "sql-only": { type: "boolean", default: false },
  },
});

const PORT = Number(process.env.BENCH_PORT ?? 3215);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const DURATION = Number(args.duration);
// a fresh next start is several times slower for its first seconds on a route (lazy chunks, JIT)
const WARMUP = Math.max(1, Math.min(5, DURATION / 2));
const LEARNER_POOL = 200;
const QUIZ_SUBMISSIONS = Math.ceil(Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? 600) / 20) * 20;
const QUIZ_WARMUP = 40;
const EXPORT_RUNS = 3;
const DIST_DIR = ".next-bench";
const OUT_DIR = path.resolve("bench-results");
const ADMIN_EMAIL = "admin@scale.cohort";

// connections per target: one programme admin at a time; a few instructors; the learner load of the budgets
const targets = [
  { key: "sessionApi", label: "session API (reference floor)", connections: 20 },
  { key: "organisationReport", label: "organisation report", connections: 1 },
  { key: "organisationReportFiltered", label: "organisation report, filtered", connections: 1 },
  { key: "export", label: "CSV export, all rows", connections: 1 },
  { key: "cohortPage", label: "cohort page (500 learners)", connections: 4 },
  { key: "learnerHome", label: "learner home", connections: 20 },
  { key: "quizSubmit", label: "quiz submission", connections: 20 },
] as const;
type Key = (typeof targets)[number]["key"];

const log = (s: string) => console.log(s);
const only = args.only ? new Set(args.only.split(",").map((s) => s.trim())) : null;
const wanted = (key: Key) => !only || only.has(key);

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
  return { cohortId: row.cohort_id, instructorId: row.instructor_id, instructorEmail: row.instructor_email, adminId: adminRow.id, adminEmail: ADMIN_EMAIL };
}

async function status(base: string, p: string, cookie: string, init: RequestInit = {}) {
  const res = await fetch(base + p, { redirect: "manual", ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  await res.body?.cancel();
  return res.status;
}

function fromLoad(label: string, connections: number, r: LoadResult, peakRssMb: number, note?: string): Measured {
  const statuses = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2"))
    .map(([s, n]) => `${n}× ${s}`)
    .join(", ");
  return {
    label, load: `${connections} conn`, available: true, requests: r.requests, p50: r.p50, p95: r.p95, p99: r.p99,
    rps: r.rps, errors: r.errors, peakRssMb, note: [note, statuses && `non-2xx: ${statuses}`].filter(Boolean).join("; ") || undefined,
  };
}

const notAvailable = (label: string, connections: number, why: string): Measured => ({ label, load: `${connections} conn`, available: false, note: why });

async function main() {
  const started = new Date();
  const loadAvg = os.loadavg().map((n) => n.toFixed(2)).join(", ");
  log(`Cohort benchmark — ${machine()}; commit ${commit()}; load average ${loadAvg}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });

  const bench = await prepareBenchDatabase({ learners: LEARNERS, fresh: args.fresh, log });
  const ctx = await benchContext(bench);
  const [{ version: pgVersion }] = await bench.client`select current_setting('server_version') as version`;
  const [counts] = await bench.client`
    select (select count(*) from cohorts)::int as cohorts,
           (select count(*) from assignment_progress p join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id
              and e.status = 'active')::int as active_rows`;

  // the reports' SQL alone, while nothing else runs against the database
  const sqlMs: Partial<Record<Key, number | null>> = {};
  for (const [key, target] of Object.entries(benchTargets) as [Key, BenchTarget][]) {
    if (!wanted(key) || !target.queries) continue;
    const t = await timeSql(bench, key, () => target.queries!(ctx), path.join(OUT_DIR, "plans"));
    sqlMs[key] = t?.ms ?? null;
    log(`SQL of ${key}: ${t ? `${t.ms.toFixed(1)} ms over ${t.statements} statement(s)` : "no statements captured"}`);
  }
  if (args["sql-only"]) {
    log(`Plans written to ${path.join(OUT_DIR, "plans")}/.`);
    return closeDb();
  }

  if (!args["no-build"] || !fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    log(`building the app into ${DIST_DIR}…`);
    const t = performance.now();
    await buildApp(DIST_DIR, path.join(OUT_DIR, "build.log"));
    log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const server = await startServer({
    port: PORT,
    distDir: DIST_DIR,
    logFile: path.join(OUT_DIR, "server.log"),
    env: {
      ...process.env,
      DATABASE_URL: bench.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      COHORT_DEMO: "0",
    },
  });
  const sampler = new RssSampler(server.pid);
  sampler.start();
  log(`next start is up on ${server.base} (pid ${server.pid}, ${sampler.mark().toFixed(0)} MB)`);

  const rows: Partial<Record<Key, Measured>> = {};
  try {
    await measureAll(server, sampler, bench, ctx, rows);
  } finally {
    sampler.stop();
    await server.stop();
    await closeDb();
  }

  const table = targets
    .filter((t) => wanted(t.key))
    .map((t) => ({ ...(rows[t.key] ?? notAvailable(t.label, t.connections, "not run")), sqlMs: sqlMs[t.key] ?? null }));
  const budgets = judgeBudgets(Object.fromEntries(targets.map((t) => [t.key, table.find((r) => r.label === t.label)!])));
  const info = {
    date: started.toISOString().replace("T", " ").slice(0, 16) + " UTC",
    commit: commit(),
    machine: machine(),
    load: `${loadAvg} at the start, ${os.loadavg().map((n) => n.toFixed(2)).join(", ")} at the end (1, 5, 15 min; ${os.cpus().length} cores) — other work on the machine makes figures noisy`,
    postgres: `${pgVersion} (default settings), same machine`,
    dataset: `${bench.learners.toLocaleString("en")} learners, ${counts.cohorts.toLocaleString("en")} cohorts, ${counts.active_rows.toLocaleString("en")} progress rows of active enrolments (scale seed${bench.seedSeconds ? `, seeded by this run in ${bench.seedSeconds.toFixed(0)} s` : ""})`,
    settings: `${DURATION} s per target after ${WARMUP} s warm-up; quiz: ${QUIZ_SUBMISSIONS} submissions after ${QUIZ_WARMUP}; export: ${EXPORT_RUNS} runs after 1 warm-up`,
  };
  log("");
  log(textTable(table));
  log("");
  log(budgetLines(budgets));
  const partial = only ? "\n_This run measured only some targets (`--only`)._\n" : "";
  fs.writeFileSync("BENCHMARKS.md", benchmarksMarkdown(info, table, budgets) + partial);
  log("\nWrote BENCHMARKS.md.");
  if (budgets.some((b) => b.verdict === "FAIL")) process.exitCode = 1;
}

async function measureAll(
  server: Server,
  sampler: RssSampler,
  bench: BenchDb,
  ctx: BenchContext,
  rows: Partial<Record<Key, Measured>>,
) {
  const base = server.base;
  const spec = (key: Key) => targets.find((t) => t.key === key)!;

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
  const roundRobin = (p: string): (() => Request) => () => ({ path: p, headers: { cookie: learners[turn++ % learners.length] } });

  /** Warm up, then measure a GET page with fixed connections for DURATION seconds. */
  const page = async (key: Key, p: string, next: () => Request, probeCookie: string) => {
    const { label, connections } = spec(key);
    if (!wanted(key)) return;
    const code = await status(base, p, probeCookie);
    if (code === 404) {
      rows[key] = notAvailable(label, connections, "route answers 404 (not built yet)");
      return log(`${label}: not available (${p} answers 404)`);
    }
    log(`${label}: ${p} (${connections} connections, ${DURATION} s)`);
    await runLoad({ base, connections, duration: WARMUP, next });
    sampler.mark();
    const r = await runLoad({ base, connections, duration: DURATION, next });
    rows[key] = fromLoad(label, connections, r, sampler.peak(), code >= 300 ? `probe answered ${code}` : undefined);
  };

  // a target that breaks is reported as failed; the others still run
  const guard = async (key: Key, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      const { label, connections } = spec(key);
      rows[key] = notAvailable(label, connections, `failed: ${(e as Error).message}`);
      log(`${label}: failed: ${(e as Error).stack ?? e}`);
    }
  };
  await guard("sessionApi", () => page("sessionApi", "/api/auth/session", roundRobin("/api/auth/session"), learners[0]));
  for (const key of ["organisationReport", "organisationReportFiltered"] as const) {
    const p = benchTargets[key].path(ctx);
    await guard(key, () => page(key, p, () => ({ path: p, headers: { cookie: admin } }), admin));
  }
  if (wanted("export")) {
    await guard("export", async () => (rows.export = await measureExport(base, benchTargets.export.path(ctx), admin, sampler, counts(bench))));
  }
  const cohortPath = benchTargets.cohortPage.path(ctx);
  await guard("cohortPage", () => page("cohortPage", cohortPath, () => ({ path: cohortPath, headers: { cookie: instructor } }), instructor));
  const homePath = benchTargets.learnerHome.path(ctx);
  await guard("learnerHome", () => page("learnerHome", homePath, roundRobin(homePath), learners[0]));
  if (wanted("quizSubmit")) await guard("quizSubmit", async () => (rows.quizSubmit = await measureQuiz(base, bench, sampler)));
}

function counts(bench: BenchDb) {
  return bench.client`
    select count(*)::int as n from assignment_progress p
    join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'`.then((r) => r[0].n as number);
}

/** Sequential downloads of the whole export: time to last byte, rows, and how much the server's memory grows. */
async function measureExport(base: string, p: string, cookie: string, sampler: RssSampler, expected: Promise<number>): Promise<Measured> {
  const { label } = targets.find((t) => t.key === "export")!;
  const load = "1 (sequential)";
  const first = await fetch(base + p, { headers: { cookie }, redirect: "manual" });
  await first.body?.cancel();
  if (first.status === 404) {
    log(`${label}: not available (${p} answers 404)`);
    return { label, load, available: false, note: `${p} answers 404 (not built yet)` };
  }
  log(`${label}: ${p} (${EXPORT_RUNS} runs)`);
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
  await download();
  const runs: { ms: number; ok: boolean; rows: number; bytes: number; growth: number; peak: number }[] = [];
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const before = sampler.mark();
    const r = await download();
    const peak = sampler.peak();
    runs.push({ ...r, growth: peak - before, peak });
  }
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs[runs.length - 1];
  const want = await expected;
  return {
    label, load, available: true, requests: runs.length,
    p50: times[Math.floor(times.length / 2)], p95: times[times.length - 1], p99: times[times.length - 1],
    errors: runs.filter((r) => !r.ok).length,
    peakRssMb: Math.max(...runs.map((r) => r.peak)),
    rssGrowthMb: Math.max(...runs.map((r) => r.growth)),
    rows: last.rows,
    note: `${last.rows.toLocaleString("en")} rows (expected ${want.toLocaleString("en")}), ${(last.bytes / 2 ** 20).toFixed(1)} MB; memory growth ≤ ${Math.max(...runs.map((r) => r.growth)).toFixed(0)} MB; p95/p99 = slowest run`,
  };
}

/**
 * Quiz submission: learners with an open assignment and the quiz not yet
 * passed sign in and start an attempt through the API; each benchmark
 * request submits one of those attempts with answers built from the
 * module's content (some right, some wrong, as learners answer).
 */
async function measureQuiz(base: string, bench: BenchDb, sampler: RssSampler): Promise<Measured> {
  const { label, connections } = targets.find((t) => t.key === "quizSubmit")!;
  const need = QUIZ_SUBMISSIONS + QUIZ_WARMUP;
  const candidates = await bench.client`
    select u.email, p.id as progress_id from assignment_progress p
    join assignments a on a.id = p.assignment_id
    join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
    join users u on u.id = p.user_id and u.status = 'active'
    where p.completed_at is null and p.quiz_passed_at is null and a.opens_at <= now() and a.due_at > now()
      and a.max_attempts is null
    order by md5(p.id::text) limit ${need}`;
  if (!candidates.length) return notAvailable(label, connections, "no learner with an open, unpassed assignment");
  const json = (cookie: string, body: unknown) => ({
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const firstCookie = await signIn(base, candidates[0].email, SCALE_PASSWORD);
  const probe = await status(base, "/api/quiz/attempts", firstCookie, json(firstCookie, { progressId: candidates[0].progress_id }));
  if (probe === 404) {
    log(`${label}: not available (POST /api/quiz/attempts answers 404)`);
    return notAvailable(label, connections, "POST /api/quiz/attempts answers 404 (not built yet)");
  }
  log(`${label}: signing in ${candidates.length} learners and starting their attempts…`);
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
  const startNote = `attempts started: ${Object.entries(startCodes).map(([c, n]) => `${n}× ${c}`).join(", ")}`;
  if (queue.length < QUIZ_WARMUP + connections) return notAvailable(label, connections, `only ${queue.length} open attempts (${startNote})`);
  let n = 0;
  const next = () => queue[n++] ?? { method: "POST", path: "/api/quiz/attempts/00000000-0000-0000-0000-000000000000/submit", body: "{}" };
  log(`${label}: ${queue.length - QUIZ_WARMUP} submissions (${connections} connections)`);
  await runLoad({ base, connections, amount: QUIZ_WARMUP, next });
  n = QUIZ_WARMUP;
  sampler.mark();
  const amount = Math.floor((queue.length - QUIZ_WARMUP) / connections) * connections;
  const r = await runLoad({ base, connections, amount, next });
  return fromLoad(label, connections, r, sampler.peak(), startNote);
}

main().catch(async (e) => {
  await closeDb().catch(() => {});
  fail(`Benchmark failed: ${(e as Error).stack ?? e}`);
});
