/**
 * Promise 1: every kind of response (public page, signed-in page, export,
 * route handler, 404) carries the CSP with a fresh nonce, nosniff, a
 * Referrer-Policy and no-store; HSTS only over HTTPS; Next.js's scripts carry
 * the nonce, so the browser reports no CSP violation on any page.
 */
import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { DEMO_PASSWORD, fill } from "./fixtures";
import { storage } from "./helpers";
import { routes, type Route } from "./routes";

function identityFor(route: Route): "anonymous" | "admin" | "instructor" | "learner" {
  if (route.audience === "anyone") return "anonymous";
  if (route.audience === "signed-in") return "learner";
  // middleware-lesson.spec.ts's control reads staff routes as the admin
  if (route.audience === "staff") return "instructor";
  return route.audience;
}

async function contextFor(who: ReturnType<typeof identityFor>) {
  return playwrightRequest.newContext({ baseURL, storageState: who === "anonymous" ? undefined : storage[who] });
}

function cspDirectives(csp: string) {
  return Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  ) as Record<string, string[]>;
}

/** The headers every answer must carry; returns the CSP nonce. */
function expectSecurityHeaders(res: APIResponse, what: string): string {
  const h = res.headers();
  const csp = h["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = cspDirectives(csp);
  expect(d["object-src"], what).toEqual(["'none'"]);
  expect(d["base-uri"], what).toEqual(["'none'"]);
  expect(d["frame-ancestors"], what).toEqual(["'none'"]);
  expect(d["form-action"], what).toEqual(["'self'"]);
  expect(d["script-src"], what).toContain("'strict-dynamic'");
  expect(d["script-src"], what).not.toContain("'unsafe-eval'");
  expect(d["script-src"], what).not.toContain("'unsafe-inline'");
  const nonce = d["script-src"].find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${what}: script nonce`).toBeTruthy();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"], `${what}: Referrer-Policy`).toContain(
    h["referrer-policy"],
  );
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["cache-control"], `${what}: Cache-Control`).toContain("no-store");
  expect(h["strict-transport-security"], `${what}: no HSTS over plain HTTP`).toBeUndefined();
  return nonce!;
}

test.describe("headers of every route in e2e/routes.ts", () => {
  for (const route of routes) {
    test(`${route.kind} ${route.path} (${route.audience})`, async () => {
      const who = identityFor(route);
      const api = await contextFor(who);
      const path = await fill(route.path);
      const first = await api.get(path, { maxRedirects: 0 });
      if (route.kind === "redirect") {
        expect(first.status(), `${path} sends its audience on`).toBeGreaterThanOrEqual(300);
        expect(first.status()).toBeLessThan(400);
        const [location, target] = [first.headers()["location"] ?? "", await fill(route.redirectsTo!)];
        expect(location.startsWith(target), `${path} → ${location}, expected ${target}…`).toBe(true);
      } else expect(first.status(), `${path} answers its audience`).toBeLessThan(300);
      const nonce = expectSecurityHeaders(first, path);
      const second = await api.get(path, { maxRedirects: 0 });
      expect(expectSecurityHeaders(second, path), "a fresh nonce per request").not.toBe(nonce);

      if (route.kind === "page") {
        const html = await first.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, "the page has scripts to check").toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, "every script carries this request's nonce").toContain(`nonce="${nonce}"`);
      }
      if (route.kind === "export") {
        expect(first.headers()["content-disposition"]).toMatch(/^attachment; filename="/);
      }
      await api.dispose();
    });
  }

  test("a page that does not exist: 404 with the same headers", async () => {
    const api = await contextFor("anonymous");
    const res = await api.get(`/no-such-page-${Date.now()}`);
    expect(res.status()).toBe(404);
    expectSecurityHeaders(res, "404 page");
    const signedIn = await contextFor("learner");
    const res2 = await signedIn.get(`/learn/not-a-real-id-${Date.now()}`);
    expect(res2.status()).toBe(404);
    expectSecurityHeaders(res2, "signed-in 404 page");
  });

  test("a redirect to sign-in carries them too", async () => {
    const api = await contextFor("anonymous");
    const res = await api.get("/admin/users", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expectSecurityHeaders(res, "redirect");
  });

  test("HSTS and upgrade-insecure-requests only when served over HTTPS", async () => {
    const api = await contextFor("anonymous");
    const res = await api.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
    expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    const plain = await api.get("/signin");
    expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  test("static assets stay cacheable (they hold no personal data)", async () => {
    const api = await contextFor("anonymous");
    const html = await (await api.get("/signin")).text();
    const src = html.match(/<script src="(\/_next\/static\/[^"]+)"/)?.[1];
    expect(src).toBeTruthy();
    const asset = await api.get(src!);
    expect(asset.status()).toBe(200);
    expect(asset.headers()["cache-control"]).toContain("immutable");
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the session cookie is HttpOnly, SameSite=Lax, path / (Secure and __Host- behind HTTPS: app/_edge/auth-options.test.ts)", async () => {
    const api = await contextFor("anonymous");
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "grace.kim@demo.cohort", password: DEMO_PASSWORD, json: "true" },
      headers: { origin: baseURL },
    });
    const setCookie = res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    const session = setCookie.find((c) => c.startsWith("cohort.session="));
    expect(session, "a session cookie is set").toBeTruthy();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/; Secure/i);
  });
});

test.describe("no CSP violation in the browser", () => {
  for (const route of routes.filter((r) => r.kind === "page")) {
    test(`${route.path} loads and hydrates under the policy`, async ({ browser }) => {
      const who = identityFor(route);
      const context = await browser.newContext({ storageState: who === "anonymous" ? undefined : storage[who] });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
      });
      const res = await page.goto(await fill(route.path));
      expect(res?.status()).toBeLessThan(300);
      if (route.kind === "page" && route.audience === "anyone" && route.marker)
        await expect(page.getByText(route.marker).first()).toBeVisible();
      // React marks the DOM it has hydrated: blocked scripts would leave the page server-rendered only
      await expect
        .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react"))), {
          message: "hydrated",
        })
        .toBe(true);
      await page.waitForTimeout(500);
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
