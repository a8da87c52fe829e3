/**
 * What the cross-cutting tests need beyond the browser: the e2e database
 * (PostgreSQL runs only: TEST_DATABASE_URL set), `{placeholder}` resolution for
 * e2e/routes.ts, accounts made for one test, API sign-in, and the strings that
 * must never reach someone who may not see them.
 */
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { demoAccounts, demoLearners } from "../db/seed/demo/accounts";
import { storage } from "./helpers";
import { demoUsers, type Identity } from "./routes";

export const DEMO_PASSWORD = "cohort-demo-2026";

export function e2eDatabaseUrl(): string | null {
  const base = process.env.TEST_DATABASE_URL;
  const name = process.env.E2E_DB_NAME;
  if (!base || !name) return null;
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

let client: postgres.Sql | null = null;

/** The e2e server's database, or null on embedded PGlite (the server holds it). */
export function e2eSql(): postgres.Sql | null {
  const url = e2eDatabaseUrl();
  if (!url) return null;
  client ??= postgres(url, { max: 2, idle_timeout: 5, onnotice: () => {} });
  return client;
}

/** For tests that read or write the database directly: skipped (with the reason) on PGlite. */
export function requireE2eSql(): postgres.Sql {
  const sql = e2eSql();
  test.skip(!sql, "needs the e2e database: run with TEST_DATABASE_URL (CI does)");
  return sql!;
}

const argon = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * A learner of one's own enrolled in the role tests' demo cohort, as an
 * instructor's "enrol by email" makes one (enrolment plus a progress row per
 * assignment), for tests that change a learner's own training.
 */
export async function enrolledLearner(name = "Enrolled Tester") {
  const sql = requireE2eSql();
  const me = await createAccount("learner", name);
  const cohortId = await placeholders.cohortId();
  await sql`insert into enrolments (cohort_id, user_id, source) values (${cohortId}, ${me.id}, 'email')`;
  await sql`insert into assignment_progress (assignment_id, user_id, cohort_id) select id, ${me.id}, cohort_id from assignments where cohort_id = ${cohortId}`;
  const [p] = await sql<{ id: string }[]>`
    select p.id from assignment_progress p join assignments a on a.id = p.assignment_id where p.user_id = ${me.id} order by a.created_at limit 1`;
  return { ...me, progressId: p.id };
}

/** An account of one's own, for tests that sign out everywhere, change passwords or erase data. */
export async function createAccount(role: "admin" | "instructor" | "learner" = "learner", name = "Test Person") {
  const sql = requireE2eSql();
  const email = `e2e-${role}-${randomBytes(4).toString("hex")}@test.cohort`;
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const [row] = await sql<{ id: string }[]>`
    insert into users (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${await hash(password, argon)})
    returning id`;
  return { id: row.id, email, name, role, password };
}

const placeholders: Record<string, () => Promise<string>> = {
  unknownToken: async () => "x".repeat(43),
  learnerId: () => userIdOf("emily.chen@demo.cohort"),
  adminId: () => userIdOf(demoUsers.admin.email),
  instructorId: () => userIdOf(demoUsers.instructor.email),
  // the demo cohort the role tests' instructor (Rivera) teaches and their learner (Jordan Lee) is in
  cohortId: () => one(`select id from cohorts where name = 'Evening Peer Support Cohort'`),
  cohortLearnerId: () => userIdOf(demoUsers.learner.email),
  progressId: () =>
    one(`select p.id from assignment_progress p join users u on u.id = p.user_id join cohorts c on c.id = p.cohort_id
         where u.email = '${demoUsers.learner.email}' and c.name = 'Evening Peer Support Cohort'`),
  // a reviewed reflection: stays put while the review journey empties the queue
  reflectionId: () =>
    one(`select r.id from reflections r join cohort_instructors ci on ci.cohort_id = (select cohort_id from assignment_progress where id = r.progress_id)
         join users u on u.id = ci.user_id where u.email = '${demoUsers.instructor.email}' and r.status = 'accepted' order by r.id limit 1`),
  // the first section and the first reflection prompt of the module the role tests' learner works on
  sectionId: async () => (await contentOf(await placeholders.progressId())).sectionId,
  promptId: async () => (await contentOf(await placeholders.progressId())).promptId,
  // a submitted quiz attempt of the role tests' learner, for the quiz result page
  attemptId: () => submittedAttemptOfDemoLearner(),
  // a certificate of {learnerId}'s, from a cohort the role tests' instructor teaches
  certificateId: () => certificateOfLearner().then((c) => c.id),
  certificateCode: () => certificateOfLearner().then((c) => c.code),
  // the Evening cohort's assignment (the role tests' instructor teaches it)
  assignmentId: () =>
    one(`select a.id from assignments a join cohorts c on c.id = a.cohort_id where c.name = 'Evening Peer Support Cohort' limit 1`),
  // a calendar feed of the role tests' learner: the same token every time, so parallel workers agree
  calendarToken: async () => {
    const sql = requireE2eSql();
    const token = "e2eCalendarFeedToken".padEnd(43, "x");
    await sql`insert into calendar_feeds (user_id, token_hash, role)
      select id, ${createHash("sha256").update(token).digest("hex")}, 'learner' from users where email = ${demoUsers.learner.email}
      on conflict (user_id) do update set token_hash = excluded.token_hash, role = 'learner'`;
    return token;
  },
  // a message in the admin's mailbox (made here if the seed made none)
  messageId: () =>
    one(`with made as (insert into outbox_messages (key, recipient_id, kind)
           select 'e2e:' || u.id, u.id, 'manual_reminder' from users u where u.email = '${demoUsers.learner.email}'
           on conflict (key) do nothing returning id)
         select id from made union all (select id from outbox_messages order by created_at limit 1) limit 1`),
};

async function certificateOfLearner() {
  const sql = requireE2eSql();
  const [c] = await sql<{ id: string; code: string }[]>`
    select c.id, c.code from certificates c
    join assignment_progress p on p.id = c.progress_id
    join cohort_instructors ci on ci.cohort_id = p.cohort_id
    join users i on i.id = ci.user_id
    where c.user_id = ${await placeholders.learnerId()} and i.email = ${demoUsers.instructor.email}
    order by c.created_at limit 1`;
  if (!c)
    throw new Error("e2e fixture: the demo learner of {learnerId} has no certificate from a cohort the role tests' instructor teaches");
  return c;
}

/** Ids from the module version a progress row works against (pinned at first activity, else the module's latest). */
async function contentOf(progressId: string) {
  const sql = requireE2eSql();
  const [v] = await sql<{ sectionId: string; promptId: string }[]>`
    select v.content->'sections'->0->>'id' as "sectionId", v.content->'reflections'->0->>'id' as "promptId"
    from assignment_progress p join assignments a on a.id = p.assignment_id
    join module_versions v on v.id = coalesce(p.module_version_id, (select id from module_versions where module_id = a.module_id order by version desc limit 1))
    where p.id = ${progressId}`;
  if (!v) throw new Error(`e2e fixture: no module version for progress ${progressId}`);
  return v;
}

/**
 * The role tests' learner has not taken the quiz in the demo data: the first
 * test that needs a result page has them take it once through the app (every
 * question answered with its first option), as the quiz page would.
 */
async function submittedAttemptOfDemoLearner(): Promise<string> {
  const sql = requireE2eSql();
  const progressId = await placeholders.progressId();
  const done = async () =>
    (
      await sql<
        { id: string }[]
      >`select id from quiz_attempts where progress_id = ${progressId} and status = 'submitted' order by created_at limit 1`
    )[0]?.id;
  const existing = await done();
  if (existing) return existing;
  // the quiz opens once every lesson section is read (the assignment's default): mark them read as the lesson's button would
  await sql`
    insert into section_reads (progress_id, section_id, created_at)
    select p.id, s->>'id', now() from assignment_progress p
    join assignments a on a.id = p.assignment_id
    join module_versions v on v.id = coalesce(p.module_version_id, (select id from module_versions where module_id = a.module_id order by version desc limit 1))
    cross join jsonb_array_elements(v.content->'sections') s
    where p.id = ${progressId}
    on conflict do nothing`;
  await sql`update assignment_progress set sections_read = (select count(*)::int from section_reads where progress_id = ${progressId}) where id = ${progressId}`;
  const api = await playwrightRequest.newContext({ baseURL: baseOrigin(), storageState: storage.learner });
  try {
    const headers = { origin: baseOrigin() };
    // another worker may be doing the same: starting hands back its open attempt, submitting twice answers the same result
    const started = await api.post("/api/quiz/attempts", { headers, data: { progressId } });
    if (!started.ok())
      throw new Error(`e2e fixture: starting the demo learner's quiz failed (${started.status()}): ${await started.text()}`);
    const { attemptId, questions } = (await started.json()) as {
      attemptId: string;
      questions: { itemId: string; options: { id: string }[] }[];
    };
    const answers = Object.fromEntries(questions.map((q) => [q.itemId, [q.options[0].id]]));
    const submitted = await api.post(`/api/quiz/attempts/${attemptId}/submit`, { headers, data: { answers } });
    if (!submitted.ok())
      throw new Error(`e2e fixture: submitting the demo learner's quiz failed (${submitted.status()}): ${await submitted.text()}`);
    return attemptId;
  } finally {
    await api.dispose();
  }
}

async function one(query: string) {
  const sql = requireE2eSql();
  const rows = await sql.unsafe<{ id: string }[]>(query);
  if (!rows[0]) throw new Error(`e2e fixture query found nothing: ${query}`);
  return rows[0].id;
}

async function userIdOf(email: string) {
  const sql = requireE2eSql();
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email} in the e2e database`);
  return row.id;
}

/** A path of e2e/routes.ts with its `{placeholders}` filled (skips the test where that needs the database). */
export async function fill(path: string): Promise<string> {
  let out = path;
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const resolve = placeholders[name];
    if (!resolve) throw new Error(`e2e/fixtures.ts has no resolver for {${name}} (used in ${path})`);
    out = out.replace(`{${name}}`, await resolve());
  }
  return out;
}

/**
 * Strings nobody but their owner and staff may see: every demo person's email
 * and name. `except` leaves out the requester's own.
 */
export function secretStrings(except?: Identity): string[] {
  const own = except && except !== "anonymous" ? demoUsers[except].email : null;
  const people = [demoAccounts.admin, ...demoAccounts.instructors, ...demoLearners].filter((p) => p.email !== own);
  // names with an apostrophe are HTML-escaped in pages: their emails still count
  return people.flatMap((p) => (p.name.includes("'") ? [p.email] : [p.email, p.name]));
}

/** A fresh session through next-auth's own endpoints, as the browser's sign-in form makes one. */
export async function apiSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: { origin: baseOrigin() },
    maxRedirects: 0,
  });
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name.endsWith("cohort.session"));
  if (!cookie) throw new Error(`API sign-in as ${email} failed (${res.status()})`);
  return { cookie: cookie.value, cookieName: cookie.name };
}

export function baseOrigin() {
  return `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
}

export function cookieHeader(value: string, name = "cohort.session") {
  return { cookie: `${name}=${value}` };
}
