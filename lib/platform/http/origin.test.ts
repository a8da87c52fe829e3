import { describe, expect, it } from "vitest";
import { foreignOriginResponse, isOwnOrigin } from "./origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("isOwnOrigin", () => {
  it("accepts a request from the host it was sent to", () => {
    expect(isOwnOrigin(h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), undefined)).toBe(true);
  });

  it("refuses another site, another port, a look-alike host and a missing or null Origin", () => {
    const host = { host: "training.example.org" };
    expect(isOwnOrigin(h({ ...host, origin: "https://evil.example" }), undefined)).toBe(false);
    expect(isOwnOrigin(h({ ...host, origin: "https://training.example.org:8443" }), undefined)).toBe(false);
    expect(isOwnOrigin(h({ ...host, origin: "https://training.example.org.evil.example" }), undefined)).toBe(false);
    expect(isOwnOrigin(h(host), undefined)).toBe(false);
    expect(isOwnOrigin(h({ ...host, origin: "null" }), undefined)).toBe(false);
    expect(isOwnOrigin(h({ ...host, origin: "not a url" }), undefined)).toBe(false);
    expect(isOwnOrigin(h({ ...host, origin: "file://training.example.org" }), undefined)).toBe(false);
  });

  it("behind a reverse proxy that rewrites Host, accepts the configured public URL", () => {
    const behindProxy = { host: "127.0.0.1:3000", origin: "https://training.example.org" };
    expect(isOwnOrigin(h(behindProxy), undefined)).toBe(false);
    expect(isOwnOrigin(h(behindProxy), "https://training.example.org")).toBe(true);
    // the public URL's scheme counts: an http page on the same name is another origin
    expect(isOwnOrigin(h({ ...behindProxy, origin: "http://training.example.org" }), "https://training.example.org")).toBe(false);
  });

  it("uses the first X-Forwarded-Host a proxy passes on", () => {
    const headers = h({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "training.example.org, 10.0.0.5",
      origin: "https://training.example.org",
    });
    expect(isOwnOrigin(headers, undefined)).toBe(true);
    expect(
      isOwnOrigin(h({ host: "10.0.0.5:3000", "x-forwarded-host": "training.example.org", origin: "https://evil.example" }), undefined),
    ).toBe(false);
  });
});

describe("foreignOriginResponse", () => {
  it("answers 403 to a foreign origin and null to our own", () => {
    const foreign = new Request("http://127.0.0.1:3000/api/x", {
      method: "POST",
      headers: { origin: "https://evil.example", host: "127.0.0.1:3000" },
    });
    expect(foreignOriginResponse(foreign)?.status).toBe(403);
    const own = new Request("http://127.0.0.1:3000/api/x", {
      method: "POST",
      headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
    });
    expect(foreignOriginResponse(own)).toBeNull();
  });
});
