/** Our JWT encode/decode must read and write exactly next-auth's session tokens. */
import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeJwt, encodeJwt } from "./jwt";

const secret = "a-test-secret-that-is-long-enough-123";
const claims = {
  uid: "4b0c7d3e-0000-4000-8000-000000000001",
  sid: "4b0c7d3e-0000-4000-8000-000000000002",
  sv: 3,
  role: "learner" as const,
};

describe("session JWT", () => {
  it("decodes tokens next-auth made, and next-auth decodes ours", async () => {
    const theirs = await nextAuthEncode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeJwt({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encodeJwt({ token: claims, secret, maxAge: 3600 });
    const read = await nextAuthDecode({ token: ours, secret });
    expect(read).toMatchObject(claims);
    expect((read!.exp as number) - (read!.iat as number)).toBe(3600);
    expect(read!.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps tokens of another salt (next-auth's other cookies) apart", async () => {
    const salted = await nextAuthEncode({ token: claims, secret, salt: "other" });
    expect(await decodeJwt({ token: salted, secret, salt: "other" })).toMatchObject(claims);
    await expect(decodeJwt({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses a token under another secret, an edited token and an expired one", async () => {
    const token = await encodeJwt({ token: claims, secret });
    await expect(decodeJwt({ token, secret: `${secret}-other` })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = (parts[3][0] === "A" ? "B" : "A") + parts[3].slice(1);
    await expect(decodeJwt({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encodeJwt({ token: claims, secret, maxAge: -60 });
    await expect(decodeJwt({ token: expired, secret })).rejects.toThrow();
    expect(await decodeJwt({ token: undefined, secret })).toBeNull();
  });
});
