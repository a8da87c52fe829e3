import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./request";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIpFrom", () => {
  it("takes the address our own proxy recorded, not what the client claims", () => {
    // the client sent "1.1.1.1"; our one proxy appended the address it saw
    expect(clientIpFrom(h("1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIpFrom(h("203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("with two proxies (a CDN, then nginx) counts two from the right", () => {
    expect(clientIpFrom(h("1.1.1.1, 203.0.113.9, 198.51.100.2"), 2)).toBe("203.0.113.9");
    expect(clientIpFrom(h("203.0.113.9"), 2)).toBe("203.0.113.9");
  });

  it("falls back to x-real-ip, then to 'local'", () => {
    expect(clientIpFrom(new Headers({ "x-real-ip": "192.0.2.1" }), 1)).toBe("192.0.2.1");
    expect(clientIpFrom(h(), 1)).toBe("local");
  });
});
