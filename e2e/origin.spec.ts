/**
 * Promise 2: requests that change things come from our own pages only.
 * - Every state-changing route handler of e2e/routes.ts refuses a foreign or
 *   missing Origin with 403 and changes nothing; from our origin it works.
 * - Next.js refuses a cross-origin server action POST.
 * - GET changes nothing: every route of e2e/routes.ts fetched as every role
 *   leaves the database as it was.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { actionForms } from "../scripts/action-forms";
import { apiSignIn, createAccount, DEMO_PASSWORD, enrolledLearner, fill, requireE2eSql } from "./fixtures";
import { demoUsers, mutations, routes, type Mutation, type MutationContext, type MutationResult } from "./routes";

const FOREIGN = "https://evil.example";

type Learner = Awaited<ReturnType<typeof enrolledLearner>>;

async function send(m: Mutation, origin: string | null, learner?: Learner): Promise<{ result: MutationResult; ctx: MutationContext }> {
  const api = await playwrightRequest.newContext({ baseURL });
  // a cross-site mutation comes from a mail provider's server: never signed in
  if (m.crossSite) {
    /* no session */
  } else if (m.as === "enrolled learner") await apiSignIn(api, learner!.email, learner!.password);
  else if (m.as !== "anonymous") await apiSignIn(api, demoUsers[m.as].email, DEMO_PASSWORD);
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const values: Record<string, string> = learner ? { enrolledProgressId: learner.progressId } : {};
  const withValues = (s: string) => s.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
  const ctx: MutationContext = { csrfToken, fill: (s) => fill(withValues(s)), api, origin: baseURL, sql: requireE2eSql, learner, values };
  if (m.prepare) Object.assign(values, await m.prepare(ctx));
  const headers: Record<string, string> = origin ? { origin } : {};
  const path = await ctx.fill(m.path);
  const options = {
    headers,
    maxRedirects: 0,
    ...(m.form ? { form: await m.form(ctx) } : {}),
    ...(m.json ? { data: await m.json(ctx) } : {}),
  };
  const res = await api.fetch(path, { method: m.method, ...options });
  const result: MutationResult = {
    status: res.status(),
    // repeated headers joined, one per line: a sign-in sets two cookies (the session and the known-device one)
    headers: res.headersArray().reduce<Record<string, string>>((all, h) => {
      const name = h.name.toLowerCase();
      all[name] = all[name] === undefined ? h.value : `${all[name]}\n${h.value}`;
      return all;
    }, {}),
    body: await res.text(),
    sessionAfter: async () => (await (await api.get("/api/auth/session")).json()) as Record<string, unknown>,
  };
  return { result, ctx };
}

test.describe("state-changing route handlers refuse other origins", () => {
  for (const m of mutations.filter((m) => !m.crossSite)) {
    test(`${m.method} ${m.path}: ${m.name}`, async () => {
      const learner = m.as === "enrolled learner" ? await enrolledLearner("Origin Tester") : undefined;
      for (const origin of [FOREIGN, null, "null", `${baseURL.replace("127.0.0.1", "localhost")}`]) {
        const refused = await send(m, origin, learner);
        expect(refused.result.status, `Origin ${origin}: refused`).toBe(403);
        expect(await m.changed(refused.result, refused.ctx), `Origin ${origin}: nothing changed`).toBe(false);
      }
      const control = await send(m, baseURL, learner);
      expect(control.result.status, `our own origin is accepted: ${control.result.body.slice(0, 200)}`).not.toBe(403);
      expect(await m.changed(control.result, control.ctx), "our own origin's request took effect").toBe(true);
    });
  }
});

test.describe("the one exception: accepted from any site, without a session (SECURITY.md)", () => {
  for (const m of mutations.filter((m) => m.crossSite)) {
    test(`${m.method} ${m.path}: ${m.name}`, async () => {
      const learner = m.as === "enrolled learner" ? await enrolledLearner("Origin Tester") : undefined;
      for (const origin of [FOREIGN, null, "null"]) {
        const sent = await send(m, origin, learner);
        expect(sent.result.status, `Origin ${origin}: accepted (${sent.result.body.slice(0, 200)})`).toBe(200);
        expect(await m.changed(sent.result, sent.ctx), `Origin ${origin}: took effect`).toBe(true);
      }
    });
  }
  test("it is the only one", () => {
    expect(mutations.filter((m) => m.crossSite).map((m) => m.path)).toEqual(["/unsubscribe/{unsubscribeToken}/one-click"]);
  });
});

test("Next.js refuses a server action posted from another origin", async () => {
  const me = await createAccount("learner", "Origin Tester");
  const api = await playwrightRequest.newContext({ baseURL });
  await apiSignIn(api, me.email, me.password);
  // the "Sign out everywhere" form as rendered for browsers without JavaScript: what a cross-site <form> would post
  const form = actionForms(await (await api.get("/account")).text()).find((f) => f.inputs.length === 0);
  expect(form, "the account page renders the sign-out-everywhere action form").toBeTruthy();
  const post = (origin: string) => api.post("/account", { headers: { origin }, multipart: form!.fields, maxRedirects: 0 });

  const refused = await post(FOREIGN);
  expect(refused.status(), "cross-origin action refused").toBeGreaterThanOrEqual(400);
  expect((await api.get("/account", { maxRedirects: 0 })).status(), "still signed in: the action did not run").toBe(200);
  const sql = requireE2eSql();
  const open = async () =>
    (await sql<{ n: number }[]>`select count(*)::int as n from auth_sessions where user_id = ${me.id} and revoked_at is null`)[0].n;
  expect(await open()).toBe(1);

  // control: the same post from our own origin runs it
  const accepted = await post(baseURL);
  expect(accepted.status()).toBeLessThan(400);
  expect(await open()).toBe(0);
  expect((await api.get("/account", { maxRedirects: 0 })).status(), "signed out everywhere").toBe(307);
});

test("GET changes nothing: every route, as every role", async () => {
  const sql = requireE2eSql();
  // accounts and a client address of this test's own, so writes by tests running beside it do not count
  const people = await Promise.all((["admin", "instructor", "learner"] as const).map((role) => createAccount(role, `Reader ${role}`)));
  const ip = `198.51.100.${20 + Math.floor(Math.random() * 200)}`;
  const contexts = [await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } })];
  for (const p of people) {
    const c = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } });
    await apiSignIn(c, p.email, p.password);
    contexts.push(c);
  }
  // every row, in any table, that mentions these people or this address (sessions without their idle clock)
  const needles = [...people.flatMap((p) => [p.id, p.email]), ip].map((n) => `%${n}%`);
  const fingerprint = async () => {
    const tables = await sql<{ s: string; t: string }[]>`
      select table_schema as s, table_name as t from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = 'public' order by 2`;
    const out: Record<string, string> = {};
    for (const { s, t } of tables) {
      const [row] = await sql`
        select count(*)::text || ':' || coalesce(md5(string_agg(j, ',' order by j)), '') as d
        from (select (to_jsonb(x) - 'last_seen_at')::text as j from ${sql(s)}.${sql(t)} x) rows
        where j like any(${needles})
          -- downloading an export is recorded in the audit log by design: a read, logged, not a change
          and j not like '%"action": "export.%'`;
      out[t] = row.d as string;
    }
    return out;
  };
  const before = await fingerprint();
  expect(before.users.startsWith("3:"), "the fingerprint sees this test's accounts").toBe(true);
  expect(Number(before.auth_sessions.split(":")[0]), "and their sessions").toBe(3);
  const extra = ["/api/auth/signout", "/api/auth/signin", "/api/auth/providers", "/api/auth/callback/credentials", "/"];
  for (const c of contexts) {
    for (const r of routes) await c.get(await fill(r.path), { maxRedirects: 0 });
    for (const p of extra) await c.get(p, { maxRedirects: 0 });
  }
  expect(await fingerprint()).toEqual(before);
  // the sessions are all still alive (GET /api/auth/signout only shows a confirmation page)
  for (const c of contexts.slice(1)) expect(((await (await c.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeTruthy();
  for (const c of contexts) await c.dispose();
});
