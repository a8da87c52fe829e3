/**
 * Every route of the app, in one list, for the cross-cutting tests:
 * security-headers.spec.ts (headers of every kind of response),
 * middleware-lesson.spec.ts (no data without the right session, whatever the
 * headers), origin.spec.ts (foreign Origin refused, nothing changes on GET).
 *
 * Add each new page, export and route handler here: what answers GET to
 * `routes`, what changes state to `mutations`. app/routes-coverage.test.ts
 * fails when a page.tsx or route.ts of app/ is missing (or an entry names a
 * route that does not exist). `{placeholders}` in paths are filled by
 * e2e/fixtures.ts (add a resolver there for a new one).
 */
import type { APIRequestContext } from "@playwright/test";
import type postgres from "postgres";
import { unsubscribeToken } from "../lib/notifications/unsubscribe";

/** "staff": admins and instructors (of the cohort the example belongs to) */
export type Audience = "anyone" | "signed-in" | "staff" | "admin" | "instructor" | "learner";

export type Route = {
  path: string;
  /** who may see it; everyone else must get a redirect to sign-in (anonymous) or 404 (wrong role) */
  audience: Audience;
  /**
   * page: HTML; export: a file download; handler: another route handler's
   * answer; json: a learner's JSON route handler, whose signed-out answer is
   * 401 (the page that called it keeps the learner's work); redirect: the
   * audience is sent on to `redirectsTo`
   */
  kind: "page" | "export" | "handler" | "json" | "redirect";
  /**
   * Data the right audience sees and nobody else may (never a title or a
   * heading: those are not secret). Without it, the tests use the signed-in
   * person's name (pages) or email (exports) as the data. For an answer
   * that holds nothing personal of the test account (an empty record, a
   * compressed PDF), something only that answer carries.
   */
  marker?: string;
  /** kind "redirect": the start of where the audience is sent (`{placeholders}` allowed) */
  redirectsTo?: string;
};

export const routes: Route[] = [
  { path: "/", audience: "anyone", kind: "redirect", redirectsTo: "/signin" },
  { path: "/signin", audience: "anyone", kind: "page", marker: "Sign in to your training" },
  { path: "/set-password/{unknownToken}", audience: "anyone", kind: "page", marker: "This link is not valid" },
  { path: "/join/{unknownToken}", audience: "anyone", kind: "page", marker: "This invite link does not work" },
  { path: "/verify", audience: "anyone", kind: "page", marker: "Enter the verification code printed" },
  { path: "/verify/{certificateCode}", audience: "anyone", kind: "handler" },
  { path: "/admin", audience: "admin", kind: "page" },
  { path: "/admin/users", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/{learnerId}/data", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/{learnerId}", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/invites", audience: "admin", kind: "page" },
  { path: "/admin/users/new", audience: "admin", kind: "page" },
  { path: "/admin/users/import", audience: "admin", kind: "page" },
  { path: "/admin/cohorts/new", audience: "admin", kind: "page" },
  { path: "/admin/cohorts/{cohortId}/enrol", audience: "admin", kind: "page" },
  { path: "/admin/audit", audience: "admin", kind: "page" },
  { path: "/admin/messages", audience: "admin", kind: "page" },
  { path: "/admin/messages/{messageId}", audience: "admin", kind: "page" },
  { path: "/admin/messages/templates", audience: "admin", kind: "page", marker: "Can be turned off" },
  { path: "/admin/messages/templates/revision_requested", audience: "admin", kind: "page", marker: "Their feedback" },
  { path: "/admin/settings", audience: "admin", kind: "page" },
  // the certificate logo (a transparent pixel while none is set): the PNG signature is the marker
  { path: "/admin/settings/logo", audience: "admin", kind: "export", marker: "PNG" },
  { path: "/admin/cohorts/{cohortId}", audience: "admin", kind: "page", marker: "jordan.lee@demo.cohort" },
  { path: "/admin/cohorts/{cohortId}/insights", audience: "admin", kind: "page" },
  { path: "/admin/cohorts/{cohortId}/export.csv", audience: "admin", kind: "export", marker: "jordan.lee@demo.cohort" },
  { path: "/admin/export.csv", audience: "admin", kind: "export", marker: "emily.chen@demo.cohort" },
  { path: "/admin/item-analysis", audience: "admin", kind: "page" },
  // the organisation chart's drill-down: one week's completions (a Monday, UTC)
  { path: "/admin/completions?week=2026-11-30", audience: "admin", kind: "page" },
  // every item of the bank is listed, answered or not: an item id is data only this file carries
  { path: "/admin/item-analysis/export.csv", audience: "admin", kind: "export", marker: "why-trust-matters" },
  { path: "/instructor", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/new", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}", audience: "instructor", kind: "page", marker: "jordan.lee@demo.cohort" },
  { path: "/instructor/cohorts/{cohortId}/assignment", audience: "instructor", kind: "page" },
  {
    path: "/instructor/cohorts/{cohortId}/assignment/{assignmentId}/calendar.ics",
    audience: "instructor",
    kind: "export",
    marker: "BEGIN:VEVENT",
  },
  { path: "/instructor/cohorts/{cohortId}/enrol", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/settings", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/insights", audience: "instructor", kind: "page" },
  {
    path: "/instructor/cohorts/{cohortId}/learners/{cohortLearnerId}",
    audience: "instructor",
    kind: "page",
    marker: "jordan.lee@demo.cohort",
  },
  { path: "/instructor/cohorts/{cohortId}/export.csv", audience: "instructor", kind: "export", marker: "jordan.lee@demo.cohort" },
  { path: "/instructor/reviews", audience: "instructor", kind: "page" },
  { path: "/instructor/reviews/{reflectionId}", audience: "instructor", kind: "page" },
  { path: "/learn", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/lesson", audience: "learner", kind: "redirect", redirectsTo: "/learn/{progressId}/lesson/" },
  { path: "/learn/{progressId}/lesson/{sectionId}", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/quiz", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/quiz/{attemptId}", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/reflections", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/calendar.ics", audience: "learner", kind: "export", marker: "BEGIN:VEVENT" },
  { path: "/learn/record", audience: "learner", kind: "page" },
  // the role tests' learner has completed nothing: the header row and the PDF itself are what only they get
  { path: "/learn/record.csv", audience: "learner", kind: "export", marker: "Learner name,Completed" },
  { path: "/learn/record.pdf", audience: "learner", kind: "export", marker: "%PDF-" },
  { path: "/api/reflections/{progressId}/{promptId}", audience: "learner", kind: "json", marker: '"wordCount":' },
  // a learner of a cohort the role tests' instructor teaches, with a certificate; a learner sees only their own
  { path: "/people/{learnerId}/record", audience: "staff", kind: "page", marker: "Emily Chen" },
  { path: "/people/{learnerId}/record.csv", audience: "staff", kind: "export", marker: "Emily Chen" },
  { path: "/people/{learnerId}/record.pdf", audience: "staff", kind: "export", marker: "%PDF-" },
  { path: "/certificates/{certificateId}", audience: "staff", kind: "page", marker: "Emily Chen" },
  { path: "/certificates/{certificateId}/pdf", audience: "staff", kind: "export", marker: "%PDF-" },
  { path: "/account", audience: "signed-in", kind: "page" },
  { path: "/notifications", audience: "signed-in", kind: "page" },
  { path: "/notifications/preferences", audience: "signed-in", kind: "page" },
  { path: "/unsubscribe/{unknownToken}", audience: "anyone", kind: "page", marker: "This unsubscribe link is not valid" },
  // GET on the List-Unsubscribe URL (a person opening it) changes nothing: on to the page with the button
  { path: "/unsubscribe/{unknownToken}/one-click", audience: "anyone", kind: "redirect", redirectsTo: "/unsubscribe/{unknownToken}" },
  { path: "/account/export.json", audience: "signed-in", kind: "export" },
  // public: the token is the credential (a feed of the role tests' learner made by e2e/fixtures.ts)
  { path: "/calendar/{calendarToken}.ics", audience: "anyone", kind: "handler", marker: "BEGIN:VCALENDAR" },
  { path: "/api/auth/session", audience: "anyone", kind: "handler" },
  { path: "/api/auth/csrf", audience: "anyone", kind: "handler" },
];

/** Who each role-bound test signs in as (demo accounts that only sign in; sign-outs use a fresh session). */
export const demoUsers = {
  admin: { email: "admin@demo.cohort", name: "Alex Morgan" },
  instructor: { email: "rivera@demo.cohort", name: "Dana Rivera" },
  learner: { email: "jordan.lee@demo.cohort", name: "Jordan Lee" },
} as const;

export type Identity = "anonymous" | "admin" | "instructor" | "learner";

/** Does this identity belong to the route's audience? */
export function mayOpen(route: Route, who: Identity): boolean {
  if (route.audience === "anyone") return true;
  if (who === "anonymous") return false;
  if (route.audience === "staff") return who === "admin" || who === "instructor";
  return route.audience === "signed-in" || route.audience === who;
}

/**
 * Route handlers (and next-auth's endpoints) that change state. Each is sent
 * with a foreign Origin, without Origin, and — as a control — from our own
 * origin. `as` is the role of a fresh session made for the request (never a
 * shared one: the request may end it), or "enrolled learner": a learner
 * account made for the test and enrolled in the demo cohort (e2e/fixtures.ts
 * enrolledLearner), for changes to one's own training. `prepare` runs before
 * each request and returns values for `{placeholders}` and the checks;
 * `form` or `json` builds the request body. `changed` answers whether the
 * request took effect, and must be false after the refused requests and true
 * after the control.
 */
export type MutationContext = {
  csrfToken: string;
  /** resolves `{placeholders}` like paths do, `values` first */
  fill: (s: string) => Promise<string>;
  /** the request context the request goes out on, signed in as `as` (for requests `prepare` makes from our own origin) */
  api: APIRequestContext;
  origin: string;
  /** the e2e database (the test is skipped on PGlite) */
  sql: () => postgres.Sql;
  /** the account the request is sent as, for "enrolled learner" */
  learner?: { id: string; email: string; progressId: string };
  /** `{ enrolledProgressId }` for "enrolled learner", plus what `prepare` returned for this request */
  values: Record<string, string>;
};

export type Mutation = {
  name: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  as: Identity | "enrolled learner";
  prepare?: (ctx: MutationContext) => Promise<Record<string, string>>;
  form?: (ctx: MutationContext) => Promise<Record<string, string>> | Record<string, string>;
  json?: (ctx: MutationContext) => Promise<unknown> | unknown;
  changed: (result: MutationResult, ctx: MutationContext) => Promise<boolean> | boolean;
  /**
   * Accepted from any site, by design (only RFC 8058 one-click unsubscribe:
   * mail providers POST it from their servers, without a session — SECURITY.md).
   * origin.spec.ts sends it without signing in, with a foreign, a missing and a
   * "null" Origin, and expects each to take effect.
   */
  crossSite?: true;
};

export type MutationResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** GET /api/auth/session with the session the request was sent with (after the request) */
  sessionAfter: () => Promise<Record<string, unknown>>;
};

const randomText = () => Math.random().toString(36).slice(2, 10);

/** The reflection on `{promptId}` of the enrolled learner, as saved. */
async function reflectionOf(ctx: MutationContext) {
  const promptId = await ctx.fill("{promptId}");
  const [r] = await ctx.sql()<{ body: string; version: number; status: string }[]>`
    select body, version, status from reflections where progress_id = ${ctx.learner!.progressId} and prompt_id = ${promptId}`;
  return r ?? { body: "", version: 0, status: "none" };
}

/** Every section of the learner's lesson read: the quiz opens only then (the assignment's default). */
async function readWholeLesson(sql: postgres.Sql, progressId: string) {
  await sql`
    insert into section_reads (progress_id, section_id)
    select p.id, s->>'id' from assignment_progress p join assignments a on a.id = p.assignment_id
    join module_versions v on v.id = coalesce(p.module_version_id, (select id from module_versions where module_id = a.module_id order by version desc limit 1))
    cross join jsonb_array_elements(v.content->'sections') s
    where p.id = ${progressId} on conflict do nothing`;
}

const setsSessionCookie = (r: MutationResult) =>
  /cohort\.session=[^;]+/.test(r.headers["set-cookie"] ?? "") && !/cohort\.session=;/.test(r.headers["set-cookie"] ?? "");

export const mutations: Mutation[] = [
  {
    name: "one-click unsubscribe (RFC 8058), from a mail provider",
    method: "POST",
    path: "/unsubscribe/{unsubscribeToken}/one-click",
    as: "enrolled learner",
    crossSite: true,
    prepare: async ({ sql, learner }) => {
      await sql()`delete from notification_preferences where user_id = ${learner!.id}`;
      return { unsubscribeToken: unsubscribeToken(process.env.E2E_NEXTAUTH_SECRET!, learner!.id, "due_soon") };
    },
    form: () => ({ "List-Unsubscribe": "One-Click" }),
    changed: async (r, { sql, learner }) => {
      const prefs = await sql()<
        { kind: string; email: boolean }[]
      >`select kind, email from notification_preferences where user_id = ${learner!.id}`;
      return r.status === 200 && prefs.length === 1 && prefs[0].kind === "due_soon" && prefs[0].email === false;
    },
  },
  {
    name: "sign in (next-auth credentials callback)",
    method: "POST",
    path: "/api/auth/callback/credentials",
    as: "anonymous",
    form: ({ csrfToken }) => ({ csrfToken, email: "emily.chen@demo.cohort", password: "cohort-demo-2026", json: "true" }),
    changed: (r) => setsSessionCookie(r),
  },
  {
    name: "sign out (next-auth)",
    method: "POST",
    path: "/api/auth/signout",
    as: "learner",
    form: ({ csrfToken }) => ({ csrfToken, json: "true" }),
    changed: async (r) => !(await r.sessionAfter()).user,
  },
  {
    name: "start a quiz attempt",
    method: "POST",
    path: "/api/quiz/attempts",
    as: "enrolled learner",
    // the quiz opens once the lesson is read (the assignment's default)
    prepare: async ({ sql, learner }) => {
      await readWholeLesson(sql(), learner!.progressId);
      return {};
    },
    json: ({ learner }) => ({ progressId: learner!.progressId }),
    changed: async (_r, { sql, learner }) =>
      (await sql()<{ n: number }[]>`select count(*)::int as n from quiz_attempts where progress_id = ${learner!.progressId}`)[0].n > 0,
  },
  {
    name: "submit a quiz attempt",
    method: "POST",
    path: "/api/quiz/attempts/{openAttemptId}/submit",
    as: "enrolled learner",
    // the learner's open attempt (started through the app, from our own page), every question answered with its first option
    prepare: async ({ api, origin, sql, learner }) => {
      await readWholeLesson(sql(), learner!.progressId);
      const res = await api.post("/api/quiz/attempts", { headers: { origin }, data: { progressId: learner!.progressId } });
      const { attemptId, questions } = (await res.json()) as {
        attemptId: string;
        questions: { itemId: string; options: { id: string }[] }[];
      };
      return { openAttemptId: attemptId, answers: JSON.stringify(Object.fromEntries(questions.map((q) => [q.itemId, [q.options[0].id]]))) };
    },
    json: ({ values }) => ({ answers: JSON.parse(values.answers) }),
    changed: async (_r, { sql, values }) =>
      (await sql()<{ status: string }[]>`select status from quiz_attempts where id = ${values.openAttemptId}`)[0].status === "submitted",
  },
  {
    name: "save a reflection draft",
    method: "PUT",
    path: "/api/reflections/{enrolledProgressId}/{promptId}",
    as: "enrolled learner",
    prepare: async () => ({ text: `A draft about saying no kindly ${randomText()}` }),
    json: async (ctx) => ({ body: ctx.values.text, version: (await reflectionOf(ctx)).version }),
    changed: async (_r, ctx) => (await reflectionOf(ctx)).body === ctx.values.text,
  },
  {
    name: "submit a reflection",
    method: "POST",
    path: "/api/reflections/{enrolledProgressId}/{promptId}/submit",
    as: "enrolled learner",
    // long enough for the module's minimum
    prepare: async ({ sql, learner }) => {
      const [{ minWords }] = await sql()<{ minWords: number }[]>`
        select (v.content->>'minWords')::int as "minWords" from assignment_progress p join assignments a on a.id = p.assignment_id
        join module_versions v on v.module_id = a.module_id where p.id = ${learner!.progressId} order by v.version desc limit 1`;
      const sentence = "When a client asks for my personal number I say no kindly and offer the office line instead.";
      return { text: `${Array.from({ length: Math.ceil(minWords / 10) + 1 }, () => sentence).join(" ")} ${randomText()}` };
    },
    json: async (ctx) => ({ body: ctx.values.text, version: (await reflectionOf(ctx)).version }),
    changed: async (_r, ctx) => (await reflectionOf(ctx)).status === "submitted",
  },
];
