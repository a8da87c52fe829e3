/**
 * Every route of the app, in one list, for the cross-cutting tests:
 * security-headers.spec.ts (headers of every kind of response),
 * middleware-lesson.spec.ts (no data without the right session, whatever the
 * headers), origin.spec.ts (foreign Origin refused, nothing changes on GET).
 *
 * Add each new page, export and route handler here. `{placeholders}` in paths
 * are filled by e2e/fixtures.ts (add a resolver there for a new one).
 */

export type Audience = "anyone" | "signed-in" | "admin" | "instructor" | "learner";

export type Route = {
  path: string;
  /** who may see it; everyone else must get a redirect to sign-in (anonymous) or 404 (wrong role) */
  audience: Audience;
  kind: "page" | "export" | "handler";
  /**
   * Data the right audience sees and nobody else may (never a title or a
   * heading: those are not secret). Without it, the tests use the signed-in
   * person's name (pages) or email (exports) as the data.
   */
  marker?: string;
};

export const routes: Route[] = [
  { path: "/signin", audience: "anyone", kind: "page", marker: "Sign in to your training" },
  { path: "/set-password/{unknownToken}", audience: "anyone", kind: "page", marker: "This link is not valid" },
  { path: "/admin", audience: "admin", kind: "page" },
  { path: "/admin/users", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/{learnerId}/data", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/{learnerId}", audience: "admin", kind: "page", marker: "emily.chen@demo.cohort" },
  { path: "/admin/users/invites", audience: "admin", kind: "page" },
  { path: "/admin/audit", audience: "admin", kind: "page" },
  { path: "/admin/settings", audience: "admin", kind: "page" },
  { path: "/admin/cohorts/{cohortId}", audience: "admin", kind: "page", marker: "jordan.lee@demo.cohort" },
  { path: "/admin/cohorts/{cohortId}/insights", audience: "admin", kind: "page" },
  { path: "/admin/cohorts/{cohortId}/export.csv", audience: "admin", kind: "export", marker: "jordan.lee@demo.cohort" },
  { path: "/admin/export.csv", audience: "admin", kind: "export", marker: "emily.chen@demo.cohort" },
  { path: "/instructor", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/new", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}", audience: "instructor", kind: "page", marker: "jordan.lee@demo.cohort" },
  { path: "/instructor/cohorts/{cohortId}/assignment", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/enrol", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/settings", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/insights", audience: "instructor", kind: "page" },
  { path: "/instructor/cohorts/{cohortId}/learners/{cohortLearnerId}", audience: "instructor", kind: "page", marker: "jordan.lee@demo.cohort" },
  { path: "/instructor/cohorts/{cohortId}/export.csv", audience: "instructor", kind: "export", marker: "jordan.lee@demo.cohort" },
  { path: "/instructor/reviews", audience: "instructor", kind: "page" },
  { path: "/instructor/reviews/{reflectionId}", audience: "instructor", kind: "page" },
  { path: "/learn", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/quiz", audience: "learner", kind: "page" },
  { path: "/learn/{progressId}/reflections", audience: "learner", kind: "page" },
  { path: "/learn/record", audience: "learner", kind: "page" },
  { path: "/account", audience: "signed-in", kind: "page" },
  { path: "/account/export.json", audience: "signed-in", kind: "export" },
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
  return route.audience === "signed-in" || route.audience === who;
}

/**
 * Route handlers (and next-auth's endpoints) that change state. Each is sent
 * with a foreign Origin, without Origin, and — as a control — from our own
 * origin. `as` is the role of a fresh session made for the request (never a
 * shared one: the request may end it); `body` builds the request body.
 * `changed` answers whether the request took effect, and must be false after
 * the refused requests and true after the control.
 */
export type MutationContext = {
  csrfToken: string;
  /** resolves `{placeholders}` like paths do */
  fill: (s: string) => Promise<string>;
};

export type Mutation = {
  name: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  as: Identity;
  form?: (ctx: MutationContext) => Promise<Record<string, string>> | Record<string, string>;
  json?: (ctx: MutationContext) => Promise<unknown> | unknown;
  changed: (result: MutationResult) => Promise<boolean> | boolean;
};

export type MutationResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** GET /api/auth/session with the session the request was sent with (after the request) */
  sessionAfter: () => Promise<Record<string, unknown>>;
};

const setsSessionCookie = (r: MutationResult) => /cohort\.session=[^;]+/.test(r.headers["set-cookie"] ?? "") && !/cohort\.session=;/.test(r.headers["set-cookie"] ?? "");

export const mutations: Mutation[] = [
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
];
