/**
 * Server time of the learner home and of quiz submission, against a running
 * `next start` with the demo data (for example the e2e server:
 * `E2E_PORT=3201 npx tsx scripts/e2e-server.ts`).
 *
 *   BASE=http://127.0.0.1:3201 npx tsx scripts/bench-learner.ts
 *
 * /learn: autocannon, CONNECTIONS (10) connections for DURATION (10) s, as one signed-in learner.
 * Quiz: PARALLEL (8) learners at once, each starting an attempt and submitting it
 * (POST /api/quiz/attempts, POST /api/quiz/attempts/[id]/submit) in a loop;
 * the submit round trips are timed on loopback.
 */
import autocannon from "autocannon";
import { boundariesModule } from "../lib/learning/module/boundaries";

const BASE = process.env.BASE ?? "http://127.0.0.1:3201";
const PASSWORD = "cohort-demo-2026";
const DURATION = Number(process.env.DURATION ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
// learners of the cohorts without an attempt limit (see db/seed/demo/progress.ts)
const LEARNERS = [
  "emily.chen",
  "marcus.brown",
  "aisha.khan",
  "grace.kim",
  "derek.wilson",
  "nia.robinson",
  "chris.taylor",
  "rosa.alvarez",
].slice(0, Number(process.env.PARALLEL ?? 8));
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const key = new Map(boundariesModule.quiz.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: BASE },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  const session = cookies.filter((c) => c.startsWith("cohort.session=") || c.includes("session-token"));
  if (!session.length) throw new Error(`Sign-in failed for ${email} (${res.status}).`);
  return cookies.join("; ");
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function benchHome(cookie: string) {
  const check = await fetch(`${BASE}/learn`, { headers: { cookie } });
  if (check.status !== 200 || !(await check.text()).includes("My training")) throw new Error(`/learn answered ${check.status}`);
  const r = await autocannon({ url: `${BASE}/learn`, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
  if (r.non2xx) throw new Error(`/learn: ${r.non2xx} non-2xx answers`);
  console.log(
    `GET /learn  ${r.requests.average.toFixed(0)} req/s · latency p50 ${r.latency.p50} ms · p97.5 ${r.latency.p97_5} ms · p99 ${r.latency.p99} ms · ${r.requests.total} requests, ${CONNECTIONS} connections, ${DURATION} s`,
  );
}

/** The same load on a signed-in endpoint and on a page with no query of its own, for comparison. */
async function benchBaselines(cookie: string) {
  const staff = await signIn("rivera@demo.cohort");
  for (const [path, c] of [
    ["/api/auth/session", cookie],
    ["/instructor", staff],
  ] as const) {
    const r = await autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: DURATION, headers: { cookie: c } });
    console.log(
      `GET ${path} (baseline)  ${r.requests.average.toFixed(0)} req/s · latency p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms`,
    );
  }
}

async function quizLoop(email: string, times: number[]) {
  const cookie = await signIn(email);
  const html = await (await fetch(`${BASE}/learn`, { headers: { cookie } })).text();
  const progressId = html.match(/href="\/learn\/([0-9a-f-]{36})"/)?.[1];
  if (!progressId) throw new Error(`No assignment for ${email}`);
  const headers = { cookie, origin: BASE, "content-type": "application/json" };
  for (let i = 0; i < ROUNDS; i++) {
    const start = await fetch(`${BASE}/api/quiz/attempts`, { method: "POST", headers, body: JSON.stringify({ progressId }) });
    if (!start.ok) throw new Error(`start: ${start.status} ${await start.text()}`);
    const attempt = (await start.json()) as { attemptId: string; questions: { itemId: string }[] };
    // alternate passing and failing answers
    const answers = Object.fromEntries(
      attempt.questions.map((q, k) => [
        q.itemId,
        i % 2 === 0 || k > 2
          ? key.get(q.itemId)!
          : [boundariesModule.quiz.find((x) => x.id === q.itemId)!.options.find((o) => !o.correct)!.id],
      ]),
    );
    const t0 = performance.now();
    const submit = await fetch(`${BASE}/api/quiz/attempts/${attempt.attemptId}/submit`, {
      method: "POST",
      headers,
      body: JSON.stringify({ answers }),
    });
    await submit.text();
    times.push(performance.now() - t0);
    if (!submit.ok) throw new Error(`submit: ${submit.status}`);
  }
}

async function main() {
  const cookie = await signIn("emily.chen@demo.cohort");
  await benchBaselines(cookie);
  await benchHome(cookie);
  const times: number[] = [];
  const t0 = performance.now();
  await Promise.all(LEARNERS.map((l) => quizLoop(`${l}@demo.cohort`, times)));
  const wall = (performance.now() - t0) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `POST submit ${sorted.length} submissions by ${LEARNERS.length} learners in parallel · p50 ${pct(sorted, 50).toFixed(0)} ms · p95 ${pct(sorted, 95).toFixed(0)} ms · p99 ${pct(sorted, 99).toFixed(0)} ms · max ${sorted[sorted.length - 1].toFixed(0)} ms · ${(sorted.length / wall).toFixed(1)} start+submit pairs/s`,
  );
  await benchHome(cookie);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
