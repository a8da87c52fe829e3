import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("in production: scripts only with this request's nonce, no eval, nothing framed or embedded", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(Object.values(d).flat()).not.toContain("'unsafe-eval'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("in development allows eval (React's debug stacks) and upgrades requests only on HTTPS", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }))["script-src"]).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true }))["upgrade-insecure-requests"]).toEqual([]);
  });
});

describe("newNonce", () => {
  it("is fresh every time and at least 128 bits", () => {
    const seen = new Set(Array.from({ length: 200 }, newNonce));
    expect(seen.size).toBe(200);
    expect(Buffer.from(newNonce(), "base64").length).toBeGreaterThanOrEqual(16);
  });
});

describe("servedOverHttps", () => {
  it("is true for an https public URL or a proxy that terminated TLS", () => {
    expect(servedOverHttps("https://training.example.org", new Headers())).toBe(true);
    expect(servedOverHttps("http://localhost:3000", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(servedOverHttps("http://localhost:3000", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(servedOverHttps(undefined, new Headers())).toBe(false);
  });
});
