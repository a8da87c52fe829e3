/**
 * `npm run check:multi-instance`: two `next start` instances on one
 * PostgreSQL database, as behind a load balancer, share everything that
 * matters because the app keeps no state in memory:
 *   1. a session made on A works on B, and signing out on B ends it on A;
 *   2. failed sign-ins are throttled across both (the counter is in PostgreSQL);
 *   3. a server action works across both: a page rendered by A, its form posted to B.
 *
 * Both instances get the same NEXTAUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY.
 * Options: --reuse-build (an existing build in NEXT_DIST_DIR, default .next-e2e, the end-to-end tests' build),
 * --separate-builds (A and B each run their own `next build` made with the same
 * key, as two machines that build for themselves would), --port-a, --port-b.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import postgres from "postgres";
import {
  actionForms,
  Browser,
  createScratchDatabase,
  DEFAULT_PG,
  ensureBuild,
  migrateAndSeed,
  multipart,
  startApp,
  type App,
} from "./harness";

const { values: args } = parseArgs({
  options: {
    "reuse-build": { type: "boolean", default: false },
    "separate-builds": { type: "boolean", default: false },
    "port-a": { type: "string", default: process.env.MULTI_PORT_A ?? "3291" },
    "port-b": { type: "string", default: process.env.MULTI_PORT_B ?? "3292" },
  },
});

type Check = { name: string; ok: boolean; detail: string };

async function main() {
  const started = Date.now();
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
  };
  process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
  const checks: Check[] = [];
  try {
    const key = randomBytes(32).toString("base64");
    const distA = process.env.NEXT_DIST_DIR ?? ".next-e2e";
    const distB = args["separate-builds"] ? `${distA}-b` : distA;
    ensureBuild(distA, { reuse: args["reuse-build"] && !args["separate-builds"], env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key } });
    if (args["separate-builds"]) ensureBuild(distB, { reuse: false, env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key } });

    const db = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? DEFAULT_PG, "cohort_multi");
    cleanups.push(() => db.drop());
    await migrateAndSeed(db.url);
    const sql = postgres(db.url, { max: 2, onnotice: () => {} });
    cleanups.push(() => sql.end({ timeout: 2 }));

    const secret = randomBytes(32).toString("base64");
    const env = (port: number) => ({
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
      COHORT_DEMO: "0",
    });
    const portA = Number(args["port-a"]);
    const portB = Number(args["port-b"]);
    const [a, b]: App[] = await Promise.all([
      startApp({ port: portA, distDir: distA, env: env(portA) }),
      startApp({ port: portB, distDir: distB, env: env(portB) }),
    ]);
    cleanups.push(
      () => a.stop(),
      () => b.stop(),
    );
    console.log(`Instances: A ${a.url} (${distA}), B ${b.url} (${distB}), one database.`);

    const account = async (name: string) => {
      const email = `multi-${randomBytes(4).toString("hex")}@test.cohort`;
      const password = `pw-${randomBytes(6).toString("hex")}`;
      const [row] = await sql<{ id: string }[]>`
        insert into users (email, name, role, password_hash)
        values (${email}, ${name}, 'learner', ${await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 })})
        returning id`;
      return { id: row.id, email, password };
    };

    // 1. one session, both instances
    {
      const me = await account("Session Traveller");
      const onA = new Browser(a.url);
      const signedIn = await onA.signIn(me.email, me.password);
      const onB = new Browser(b.url);
      onB.cookies = new Map(onA.cookies); // a browser sends the same cookie whichever instance answers
      const pageOnB = await onB.fetch("/account");
      const bodyOnB = await pageOnB.text();
      const works = signedIn.ok && pageOnB.status === 200 && bodyOnB.includes(me.email);
      const { csrfToken } = (await (await onB.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const out = await onB.fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: b.url },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      const replayOnA = new Browser(a.url);
      replayOnA.cookies = new Map(onA.cookies);
      const afterOnA = await replayOnA.fetch("/account");
      const ended = out.ok && afterOnA.status === 307;
      checks.push({
        name: "a session made on A works on B; signing out on B ends it on A",
        ok: works && ended,
        detail: `sign-in on A ${signedIn.ok ? "ok" : "failed"}, /account on B ${pageOnB.status}${bodyOnB.includes(me.email) ? " showing the account" : ""}, sign-out on B ${out.status}, the cookie on A afterwards ${afterOnA.status}${afterOnA.status === 307 ? " (to sign-in)" : ""}`,
      });
    }

    // 2. throttling counts failures on both instances together
    {
      const me = await account("Throttle Target");
      const ip = { "x-forwarded-for": "203.0.113.77" };
      const results: string[] = [];
      for (let i = 0; i < 5; i++) {
        const where = i % 2 === 0 ? a : b;
        const r = await new Browser(where.url).signIn(me.email, `wrong-${i}`, ip);
        results.push(`${where === a ? "A" : "B"}:${r.error}`);
      }
      const [row] = await sql<{ failures: number }[]>`select failures from throttles where key = ${`accountIp:${me.email}|203.0.113.77`}`;
      const right = await new Browser(b.url).signIn(me.email, me.password, ip);
      const elsewhere = await new Browser(a.url).signIn(me.email, me.password, { "x-forwarded-for": "198.51.100.20" });
      checks.push({
        name: "failed sign-ins are throttled across both instances",
        ok: row?.failures === 5 && right.error === "throttled" && elsewhere.ok,
        detail: `3 wrong passwords on A and 2 on B (${results.join(" ")}): the shared counter holds ${row?.failures ?? 0}; the right password on B is then ${right.error ?? "accepted"}; from another address on A it is ${elsewhere.ok ? "accepted" : elsewhere.error}`,
      });
    }

    // 3. a page rendered by A, its server action posted to B
    {
      const me = await account("Action Poster");
      const onA = new Browser(a.url);
      await onA.signIn(me.email, me.password);
      const form = actionForms(await (await onA.fetch("/account")).text()).find((f) => f.inputs.includes("currentPassword"));
      const onB = new Browser(b.url);
      onB.cookies = new Map(onA.cookies);
      const res = form
        ? await onB.fetch("/account", {
            method: "POST",
            headers: { origin: b.url },
            body: multipart({
              ...form.fields,
              currentPassword: me.password,
              newPassword: "changed across instances",
              confirm: "changed across instances",
            }),
          })
        : null;
      const text = res ? await res.text() : "";
      const newPasswordWorks = (await new Browser(a.url).signIn(me.email, "changed across instances")).ok;
      checks.push({
        name: "a server action works across both (form rendered by A, posted to B)",
        ok: Boolean(form) && res?.status === 200 && text.includes("Your password is changed") && newPasswordWorks,
        detail: `form found on A: ${Boolean(form)}, POST to B: ${res?.status ?? "not sent"}${text.includes("Your password is changed") ? ' "Your password is changed"' : ""}, new password accepted by A: ${newPasswordWorks}`,
      });
    }

    console.log("");
    console.log("Several instances on one database:");
    for (const c of checks) console.log(`  ${c.ok ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
    const passed = checks.length === 3 && checks.every((c) => c.ok);
    if (!passed) console.log(`  A log:\n    ${a.log.slice(-10).join("\n    ")}\n  B log:\n    ${b.log.slice(-10).join("\n    ")}`);
    console.log(`RESULT: ${passed ? "PASS" : "FAIL"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await cleanup();
    process.exit(passed ? 0 : 1);
  } catch (e) {
    console.error(`Multi-instance check could not run: ${(e as Error).message}`);
    await cleanup();
    console.log("RESULT: FAIL");
    process.exit(1);
  }
}

main();
