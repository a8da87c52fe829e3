/**
 * The writes the fault test drives while PostgreSQL restarts. Each kind says
 * how to make one write over HTTP, whether the app acknowledged it (the key
 * of what was saved), and which acknowledged keys are in the database
 * afterwards. To cover another write (a quiz attempt, a reflection save, an
 * enrolment), add a kind to `writeKinds`.
 */
import { randomBytes } from "node:crypto";
import { decode } from "next-auth/jwt";
import type postgres from "postgres";
import { actionForms, Browser, multipart } from "../harness";

export type FaultContext = {
  appUrl: string;
  secret: string;
  /** the scratch database, for preparing rows before the load starts */
  sql: postgres.Sql;
  /** the demo learners, all with the demo password */
  learners: string[];
  password: string;
};

export type Attempt = { acknowledged: boolean; key?: string; status: number };

/** Answered by an attempt that had nothing left to do (not counted). */
export const NOTHING_TO_DO = null;

export type WriteKind = {
  name: string;
  /** once, before the load: make what the attempts need */
  prepare?: (ctx: FaultContext) => Promise<void>;
  /** one write; `key` names the row the app said it saved; null when there is nothing left to write */
  attempt: (ctx: FaultContext, n: number) => Promise<Attempt | typeof NOTHING_TO_DO>;
  /** which acknowledged keys are in the database */
  stored: (sql: postgres.Sql, keys: string[]) => Promise<Set<string>>;
};

const signIn: WriteKind = {
  name: "sign-in (session row + audit entry)",
  async attempt(ctx, n) {
    const b = new Browser(ctx.appUrl);
    // a different client address per attempt: only failures are throttled, but keep attempts independent
    const r = await b.signIn(ctx.learners[n % ctx.learners.length], ctx.password, {
      "x-forwarded-for": `198.18.${(n >> 8) & 255}.${n & 255}`,
    });
    const cookie = b.sessionCookie();
    if (!r.ok || !cookie) return { acknowledged: false, status: r.status };
    const token = await decode({ token: cookie, secret: ctx.secret });
    return { acknowledged: Boolean(token?.sid), key: token?.sid, status: r.status };
  },
  async stored(sql, keys) {
    const rows = await sql<{ id: string }[]>`
      select s.id from auth_sessions s
      where s.id = any(${keys}::uuid[])
        and exists (select 1 from audit_log a where a.action = 'auth.sign_in' and a.actor_id = s.user_id and a.created_at >= s.created_at - interval '1 second')`;
    return new Set(rows.map((r) => r.id));
  },
};

/** Accounts that set their password through a set-password link: a server action, posted as a form. */
const pendingLinks: { token: string; userId: string }[] = [];

const setPassword: WriteKind = {
  name: "set password via link (server action)",
  async prepare(ctx) {
    // more links than the load can use, made in two statements (only hashes are stored)
    const { newToken } = await import("@/lib/accounts/set-password-links");
    const users = Array.from({ length: 3000 }, () => ({ email: `fault-${randomBytes(5).toString("hex")}@test.cohort`, ...newToken() }));
    const rows = await ctx.sql<{ id: string; email: string }[]>`
      insert into users ${ctx.sql(users.map((u) => ({ email: u.email, name: "Fault Test", role: "learner" })))} returning id, email`;
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    const expiresAt = new Date(Date.now() + 86400_000);
    await ctx.sql`insert into account_tokens ${ctx.sql(users.map((u) => ({ token_hash: u.tokenHash, user_id: byEmail.get(u.email)!, purpose: "invite", issued_role: "learner", issued_with_password: false, expires_at: expiresAt })))}`;
    for (const u of users) pendingLinks.push({ token: u.token, userId: byEmail.get(u.email)! });
  },
  async attempt(ctx) {
    const link = pendingLinks.shift();
    if (!link) return NOTHING_TO_DO;
    const b = new Browser(ctx.appUrl);
    const page = await b.fetch(`/set-password/${link.token}`);
    if (!page.ok) return { acknowledged: false, status: page.status };
    const form = actionForms(await page.text()).find((f) => f.inputs.includes("password"));
    if (!form) return { acknowledged: false, status: page.status };
    const res = await b.fetch(`/set-password/${link.token}`, {
      method: "POST",
      headers: { origin: ctx.appUrl },
      body: multipart({ ...form.fields, password: "fault test password", confirm: "fault test password" }),
    });
    const text = res.ok ? await res.text() : "";
    return { acknowledged: res.ok && text.includes("Your password is set."), key: link.userId, status: res.status };
  },
  async stored(sql, keys) {
    const rows = await sql<{ id: string }[]>`
      select u.id from users u join account_tokens t on t.user_id = u.id
      where u.id = any(${keys}::uuid[]) and u.password_hash is not null and t.used_at is not null`;
    return new Set(rows.map((r) => r.id));
  },
};

export const writeKinds: WriteKind[] = [signIn, setPassword];
