/**
 * Security round 2, findings 4, 5 and 6: throttling that holds — against a
 * made-up X-Forwarded-For, against parallel requests, and without letting a
 * stranger lock the owner out.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttles } from "@/db/schema";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { issueCertificate } from "@/lib/certificates/issue";
import { verifyCertificateCode } from "@/lib/certificates/verify";
import { installPeerAddressHook } from "@/lib/platform/http/peer-address";
import { clientIpFrom } from "@/lib/platform/http/request";
import { authenticate, type SignInResult } from "./sign-in";
import { keyFor, rules } from "./throttle";

const t = setupTestDb();
let n = 0;
const freshIp = () => `10.63.${Math.floor(++n / 250)}.${n % 250}`;

/**
 * A real HTTP server in front of authenticate(), as `next start` is: the
 * peer-address hook installed the way instrumentation-node.ts installs it,
 * the client address taken the way the sign-in route takes it.
 */
let server: http.Server;
let base: string;
beforeAll(async () => {
  installPeerAddressHook(http);
  server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { email: string; password: string };
    const r = await authenticate({ email: body.email, password: body.password, ip: clientIpFrom(headers) });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: r.ok, reason: r.ok ? null : r.reason, ip: clientIpFrom(headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function postSignIn(email: string, password: string, forwardedFor: string) {
  const body = JSON.stringify({ email, password });
  return new Promise<{ ok: boolean; reason: string | null; ip: string }>((resolve, reject) => {
    const req = http.request(
      `${base}/`,
      { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(JSON.parse(text)));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("finding 4: a made-up X-Forwarded-For per request", () => {
  it("does not make each guess look like a new address: 9 wrong passwords, then the right one is throttled", async () => {
    const victim = await makeUser();
    const answers = [];
    for (let i = 0; i < 9; i++) {
      answers.push(await postSignIn(victim.email, `wrong guess ${i}`, `198.51.100.${i + 1}, 203.0.113.${i + 1}`));
    }
    // every request is seen from the socket's address, not the header's
    expect(new Set(answers.map((a) => a.ip))).toEqual(new Set(["127.0.0.1"]));
    const right = await postSignIn(victim.email, TEST_PASSWORD, "192.0.2.77");
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("finding 5: the throttle is raced", () => {
  it("40 parallel sign-ins from one address: at most the limit are evaluated, and the right password among them does not get in", async () => {
    const victim = await makeUser();
    const ip = freshIp();
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? TEST_PASSWORD : `parallel wrong ${i}`));
    const results: SignInResult[] = await Promise.all(guesses.map((password) => authenticate({ email: victim.email, password, ip })));
    const evaluated = results.filter((r) => r.ok || r.reason === "invalid");
    expect(evaluated.length).toBeLessThanOrEqual(rules.accountIp.limit);
    expect(results[39]).toMatchObject({ ok: false, reason: "throttled" });
    const [row] = await t.db
      .select()
      .from(throttles)
      .where(eq(throttles.key, keyFor("accountIp", `${victim.email}|${ip}`)));
    expect(row.failures).toBe(40);
  });

  it("40 parallel unknown certificate codes from one address: exactly the limit are looked up", async () => {
    const { progress } = await makeCompletedProgress();
    const cert = await issueCertificate(t.db, progress.id);
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        verifyCertificateCode({ input: `ZZZZ-ZZZZ-ZZZZ-${"ABCDEFGHJKLMNPQRSTUVWXYZ23456789ABCDEFGHJK"[i]}ZZZ`, ip }),
      ),
    );
    expect(results.filter((r) => r.status === "not_found")).toHaveLength(rules.verifyIp.limit);
    expect(results.filter((r) => r.status === "throttled")).toHaveLength(40 - rules.verifyIp.limit);
    expect((await verifyCertificateCode({ input: cert.code, ip })).status).toBe("throttled");
    expect((await verifyCertificateCode({ input: cert.code, ip: freshIp() })).status).toBe("valid");
  });
});

describe("finding 6: strangers' guesses lock the owner out", () => {
  it("the owner's browser that signed in before is let in while guesses from everywhere keep the account slowed down", async () => {
    const owner = await makeUser();
    const first = await authenticate({ email: owner.email, password: TEST_PASSWORD, ip: freshIp() });
    if (!first.ok) throw new Error("first sign-in failed");
    // eleven guesses, each from another address: the per-account rule trips
    for (let i = 0; i < rules.account.limit + 1; i++) await authenticate({ email: owner.email, password: `stranger ${i}`, ip: freshIp() });
    // a new browser (no device token) is slowed down like the strangers...
    expect(await authenticate({ email: owner.email, password: TEST_PASSWORD, ip: freshIp() })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // ...but the owner's own browser, even on a new network, gets in
    const again = await authenticate({ email: owner.email, password: TEST_PASSWORD, ip: freshIp(), deviceToken: first.deviceToken });
    expect(again.ok).toBe(true);

    // one more guess per period does not keep the account blocked longer: a block is not extended by guesses made during it
    const key = keyFor("account", owner.email);
    const [blocked] = await t.db.select().from(throttles).where(eq(throttles.key, key));
    for (let i = 0; i < 5; i++) await authenticate({ email: owner.email, password: `more ${i}`, ip: freshIp() });
    const [after] = await t.db.select().from(throttles).where(eq(throttles.key, key));
    expect(after.blockedUntil?.getTime()).toBe(blocked.blockedUntil?.getTime());
    expect((await authenticate({ email: owner.email, password: TEST_PASSWORD, ip: freshIp(), deviceToken: first.deviceToken })).ok).toBe(
      true,
    );
  });

  it("a device token of another account, or a made-up one, does not skip the slow-down", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const theirs = await authenticate({ email: other.email, password: TEST_PASSWORD, ip: freshIp() });
    if (!theirs.ok) throw new Error("sign-in failed");
    for (let i = 0; i < rules.account.limit + 1; i++) await authenticate({ email: owner.email, password: `stranger ${i}`, ip: freshIp() });
    for (const deviceToken of [theirs.deviceToken, "x".repeat(43), null]) {
      expect(await authenticate({ email: owner.email, password: TEST_PASSWORD, ip: freshIp(), deviceToken })).toMatchObject({
        reason: "throttled",
      });
    }
  });
});
