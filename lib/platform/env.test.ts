import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/platform/env.ts read afresh (env() caches) with these variables set. */
async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return import("./env");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("env()", () => {
  it("gives the documented defaults for the variables read through it", async () => {
    const unset = ["PORT", "DATABASE_POOL_SIZE", "TRUSTED_PROXY_HOPS", "SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS"];
    const { env } = await envWith(Object.fromEntries(unset.map((k) => [k, undefined])));
    expect(env()).toMatchObject({
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
      TRUSTED_PROXY_HOPS: 0,
      SESSION_IDLE_MINUTES: 120,
      SESSION_MAX_HOURS: 12,
    });
  });

  it("parses numbers given as text", async () => {
    const { env } = await envWith({ PORT: "8080", DATABASE_POOL_SIZE: "25", TRUSTED_PROXY_HOPS: "2" });
    expect(env()).toMatchObject({ PORT: 8080, DATABASE_POOL_SIZE: 25, TRUSTED_PROXY_HOPS: 2 });
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_POOL_SIZE", "0"],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["NEXTAUTH_URL", "training.example.org"],
  ])("refuses to start with %s=%s, naming the variable", async (name, value) => {
    const { startupProblem } = await envWith({ [name]: value });
    expect(startupProblem()).toMatch(new RegExp(`^Cohort cannot start: Configuration error: ${name}: `));
  });
});

describe("what reads through env()", () => {
  it("the client address honours TRUSTED_PROXY_HOPS", async () => {
    await envWith({ TRUSTED_PROXY_HOPS: "2" });
    const { clientIpFrom } = await import("./http/request");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 198.51.100.2" }))).toBe("203.0.113.9");
  });

  it("the public origin falls back to PORT without NEXTAUTH_URL", async () => {
    await envWith({ PORT: "4321", NEXTAUTH_URL: undefined });
    const { publicOrigin } = await import("@/lib/certificates/links");
    expect(publicOrigin()).toBe("http://localhost:4321");
  });

  it("the origin check accepts the configured public URL", async () => {
    await envWith({ NEXTAUTH_URL: "https://training.example.org" });
    const { isOwnOrigin } = await import("./http/origin");
    expect(isOwnOrigin(new Headers({ host: "127.0.0.1:3000", origin: "https://training.example.org" }))).toBe(true);
    expect(isOwnOrigin(new Headers({ host: "127.0.0.1:3000", origin: "https://evil.example" }))).toBe(false);
  });
});
