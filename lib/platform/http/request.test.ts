import { describe, expect, it } from "vitest";
import { PEER_HEADER, peerAddressFrom, peerHeaderValue } from "./peer-address";
import { clientAddress, clientIpFrom } from "./request";

const h = (init: Record<string, string> = {}) => new Headers(init);

describe("clientAddress", () => {
  it("with no proxy (TRUSTED_PROXY_HOPS=0) is the socket's address, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.1.1.1" }), "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(h(), "::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "1.1.1.1" }), null, 0)).toBe("unknown");
  });

  it("behind one proxy takes the address that proxy appended, not what the client sent before it", () => {
    // the client sent "1.1.1.1"; nginx (10.0.0.2, the socket) appended the address it saw
    expect(clientAddress(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }), "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }), "10.0.0.2", 1)).toBe("203.0.113.9");
    // a proxy that forwarded no header: the socket is all we know
    expect(clientAddress(h(), "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("with two proxies (a CDN, then nginx) counts two from the socket", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 198.51.100.2" }), "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9, 198.51.100.2" }), "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("answers 'unknown' rather than a made-up entry that is not an address", () => {
    expect(clientAddress(h({ "x-forwarded-for": "<script>" }), "10.0.0.2", 1)).toBe("unknown");
  });
});

describe("clientIpFrom (the socket address the peer-address hook recorded)", () => {
  it("uses the recorded socket address and ignores a forged record", () => {
    expect(clientIpFrom(h({ [PEER_HEADER]: peerHeaderValue("192.0.2.7"), "x-forwarded-for": "1.1.1.1" }), 0)).toBe("192.0.2.7");
    expect(peerAddressFrom(h({ [PEER_HEADER]: "0000 6.6.6.6" }))).toBeNull();
    expect(clientIpFrom(h({ [PEER_HEADER]: "0000 6.6.6.6", "x-forwarded-for": "6.6.6.6" }), 0)).toBe("unknown");
  });
});
