/**
 * Promise 3: sessions end when they should.
 * - Sign-out ends the session on the server: the old cookie, replayed, is anonymous.
 * - A forged or edited cookie is anonymous (bad key, tampered, alg none, plain
 *   JWS, expired, another user's session); even a correctly encrypted cookie
 *   claiming another role gets only the database's role.
 * - "Sign out everywhere" and a password change on /account; the idle lifetime.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { decode, encode, type JWT } from "next-auth/jwt";
import { baseURL } from "../playwright.config";
import { apiSignIn, createAccount, requireE2eSql } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

const secret = process.env.E2E_NEXTAUTH_SECRET!;
const COOKIE = "cohort.session";

/** What a request with exactly this session cookie gets. */
async function withCookie(value: string) {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${COOKIE}=${value}` } });
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { email?: string; role?: string } };
  const learn = await api.get("/learn", { maxRedirects: 0 });
  const admin = await api.get("/admin", { maxRedirects: 0 });
  const account = await api.get("/account", { maxRedirects: 0 });
  const result = {
    sessionUser: session.user ?? null,
    learn: learn.status(),
    learnLocation: learn.headers()["location"] ?? "",
    admin: admin.status(),
    account: account.status(),
    accountBody: account.status() === 200 ? await account.text() : "",
  };
  await api.dispose();
  return result;
}

async function expectAnonymous(value: string, what: string) {
  const r = await withCookie(value);
  expect(r.sessionUser, `${what}: /api/auth/session`).toBeNull();
  expect(r.learn, `${what}: /learn`).toBe(307);
  expect(r.learnLocation, what).toMatch(/^\/signin/);
  expect(r.admin, `${what}: /admin`).toBe(307);
  expect(r.account, `${what}: /account`).toBe(307);
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

test("sign-out ends the session: the old cookie replayed is anonymous (API level)", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { cookie } = await apiSignIn(api, "hannah.cohen@demo.cohort");
  const live = await withCookie(cookie);
  expect(live.sessionUser?.email).toBe("hannah.cohen@demo.cohort");
  expect(live.learn).toBe(200);

  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await api.post("/api/auth/signout", { form: { csrfToken, json: "true" }, headers: { origin: baseURL } });
  expect(out.status()).toBe(200);
  await expectAnonymous(cookie, "replayed after sign-out");
});

test.describe("a forged or edited session cookie is anonymous", () => {
  let learner: { cookie: string; token: JWT };
  let admin: { token: JWT };

  test.beforeAll(async () => {
    const a = await playwrightRequest.newContext({ baseURL });
    const l = await apiSignIn(a, "omar.farouk@demo.cohort");
    learner = { cookie: l.cookie, token: (await decode({ token: l.cookie, secret }))! };
    const b = await playwrightRequest.newContext({ baseURL });
    const ad = await apiSignIn(b, "admin@demo.cohort");
    admin = { token: (await decode({ token: ad.cookie, secret }))! };
    expect(learner.token.role).toBe("learner");
    expect(admin.token.role).toBe("admin");
  });

  test("control: the genuine cookie works", async () => {
    const r = await withCookie(learner.cookie);
    expect(r.learn).toBe(200);
    expect(r.sessionUser?.email).toBe("omar.farouk@demo.cohort");
  });

  test("made with another secret (a forged signature)", async () => {
    await expectAnonymous(await encode({ token: learner.token, secret: "not-the-server-secret-at-all-00000" }), "wrong secret");
    await expectAnonymous(
      await encode({ token: { ...learner.token, role: "admin" }, secret: "not-the-server-secret-at-all-00000" }),
      "wrong secret, role admin",
    );
  });

  test("a tampered cookie", async () => {
    const parts = learner.cookie.split(".");
    const flip = (s: string) => (s[5] === "A" ? `${s.slice(0, 5)}B${s.slice(6)}` : `${s.slice(0, 5)}A${s.slice(6)}`);
    for (const i of [0, 2, 3, 4]) {
      const edited = [...parts];
      edited[i] = flip(edited[i]);
      await expectAnonymous(edited.join("."), `part ${i} edited`);
    }
  });

  test('an unsigned token ("alg": "none") and a signed JWS instead of an encrypted one', async () => {
    const claims = { ...learner.token, role: "admin" };
    await expectAnonymous(`${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`, "alg none");
    await expectAnonymous(`${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}`, "alg none, no dot");
    const { createHmac } = await import("node:crypto");
    const head = b64url({ alg: "HS256", typ: "JWT" });
    const body = b64url(claims);
    const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
    await expectAnonymous(`${head}.${body}.${sig}`, "HS256 JWS with the real secret");
  });

  test("expired, or naming another user's session, even encrypted with the real secret", async () => {
    await expectAnonymous(await encode({ token: learner.token, secret, maxAge: -60 }), "expired");
    await expectAnonymous(
      await encode({ token: { ...learner.token, uid: admin.token.uid }, secret }),
      "admin's id on the learner's session",
    );
    await expectAnonymous(await encode({ token: { ...learner.token, sid: admin.token.sid }, secret }), "admin's session id");
    await expectAnonymous(
      await encode({ token: { ...learner.token, sv: (learner.token.sv ?? 1) + 1 }, secret }),
      "another session version",
    );
  });

  test("a correctly encrypted cookie claiming the admin role is still the learner", async () => {
    const r = await withCookie(await encode({ token: { ...learner.token, role: "admin" }, secret }));
    expect(r.admin, "admin area: 404, the role comes from the database").toBe(404);
    expect(r.learn).toBe(200);
    expect(r.accountBody).toContain("Learner");
    expect(r.sessionUser?.role, "/api/auth/session answers the database's role").toBe("learner");
  });
});

test("sign out everywhere on /account ends every browser's session", async ({ browser }) => {
  const me = await createAccount("learner", "Sam Everywhere");
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signIn(pageA, me.email, me.password);
  await signIn(pageB, me.email, me.password);
  await expect(pageB).toHaveURL(/\/learn$/);
  const oldCookieA = (await a.cookies()).find((c) => c.name === COOKIE)!.value;

  await pageA.getByTestId("signed-in-as").click();
  await pageA.getByRole("menuitem", { name: "Account" }).click();
  await expect(pageA.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectAccessible(pageA);
  await pageA.screenshot({ path: "test-results/account-page.png", fullPage: true });
  await pageA.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(pageA).toHaveURL(/\/signin/);

  await pageB.reload();
  await expect(pageB).toHaveURL(/\/signin/);
  await expectAnonymous(oldCookieA, "A's cookie after sign out everywhere");
  const sql = requireE2eSql();
  const [entry] = await sql`select details from audit_log where action = 'auth.sign_out_everywhere' and target_id = ${me.id}`;
  expect(entry.details).toMatchObject({ by: "self", sessionsEnded: 2 });
  // signing in again works
  await signIn(pageA, me.email, me.password);
  await expect(pageA).toHaveURL(/\/learn$/);
  await a.close();
  await b.close();
});

test("changing the password needs the current one, keeps this browser and signs out the others", async ({ browser }) => {
  const me = await createAccount("instructor", "Pat Changer");
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signIn(pageA, me.email, me.password);
  await signIn(pageB, me.email, me.password);
  await expect(pageB).toHaveURL(/\/instructor$/);

  await pageA.goto("/account");
  await pageA.getByLabel("Current password").fill("not my password");
  await pageA.getByLabel("New password (at least 8 characters)").fill("a brand new passphrase");
  await pageA.getByLabel("Type the new password again").fill("a brand new passphrase");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await expect(pageA.getByText("That is not your current password.")).toBeVisible();
  await expectAccessible(pageA);

  await pageA.getByLabel("Current password").fill(me.password);
  await pageA.getByLabel("New password (at least 8 characters)").fill("a brand new passphrase");
  await pageA.getByLabel("Type the new password again").fill("a brand new passphrase");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await expect(pageA.getByText("Your password is changed. 1 other session was signed out.")).toBeVisible();

  await pageA.reload();
  await expect(pageA.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await pageB.reload();
  await expect(pageB).toHaveURL(/\/signin/);
  await signIn(pageB, me.email, "a brand new passphrase");
  await expect(pageB).toHaveURL(/\/instructor$/);
  await a.close();
  await b.close();
});

test("a session unused for longer than SESSION_IDLE_MINUTES (120) ends", async () => {
  const me = await createAccount("learner", "Idle Person");
  const api = await playwrightRequest.newContext({ baseURL });
  const { cookie } = await apiSignIn(api, me.email, me.password);
  const sql = requireE2eSql();
  await sql`update auth_sessions set last_seen_at = now() - interval '119 minutes' where user_id = ${me.id}`;
  expect((await withCookie(cookie)).learn, "119 minutes idle: still signed in").toBe(200);
  await sql`update auth_sessions set last_seen_at = now() - interval '121 minutes' where user_id = ${me.id}`;
  await expectAnonymous(cookie, "121 minutes idle");
});
