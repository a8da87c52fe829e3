import { afterEach, describe, expect, it, vi } from "vitest";

/** authOptions() for a given public URL, with a fresh env() cache. */
async function optionsFor(url: string) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_URL", url);
  vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-enough-length");
  const { authOptions, sessionCookieName } = await import("./auth-options");
  return { options: authOptions(), name: sessionCookieName() };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("session cookie", () => {
  it("behind HTTPS: __Host- prefix, Secure, HttpOnly, SameSite=Lax, path /", async () => {
    const { options, name } = await optionsFor("https://training.example.org");
    const c = options.cookies!.sessionToken!;
    expect(name).toBe("__Host-cohort.session");
    expect(c.name).toBe("__Host-cohort.session");
    // __Host- cookies are refused by browsers unless Secure, path=/ and no Domain
    expect(c.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies!.csrfToken!.name).toBe("__Host-cohort.csrf");
    expect(options.cookies!.csrfToken!.options.secure).toBe(true);
  });

  it("on plain HTTP (local development, tests): HttpOnly and Lax, without Secure", async () => {
    const { options, name } = await optionsFor("http://localhost:3000");
    expect(name).toBe("cohort.session");
    expect(options.cookies!.sessionToken!.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });

  it("lasts no longer than SESSION_MAX_HOURS", async () => {
    vi.stubEnv("SESSION_MAX_HOURS", "12");
    const { options } = await optionsFor("https://training.example.org");
    expect(options.session!.maxAge).toBe(12 * 3600);
  });
});
