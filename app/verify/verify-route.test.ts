import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { certificates } from "@/db/schema";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { makeUser } from "@/db/test/factories";
import { makeLearnerWithHistory } from "@/db/test/prod-factories";
import { setupTestDb } from "@/db/test/test-db";
import { rules } from "@/lib/accounts/throttle";
import { issueCertificate } from "@/lib/certificates/issue";
import { revokeCertificate } from "@/lib/certificates/revoke";
import { erasePersonalData } from "@/lib/privacy/erasure";
import { PEER_HEADER, peerHeaderValue } from "@/lib/platform/http/peer-address";

// an anonymous visitor: the public route needs no session (and there is no request scope for cookies here)
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => null }));
const { GET } = await import("./[code]/route");

const t = setupTestDb();

// the request as it arrives from a client at `ip` (the socket address the server records)
const verify = (code: string, ip = "10.4.0.1", extra: Record<string, string> = {}) =>
  GET(new Request(`http://localhost:3000/verify/${code}`, { headers: { [PEER_HEADER]: peerHeaderValue(ip), ...extra } }), {
    params: Promise.resolve({ code }),
  });

describe("GET /verify/[code]", () => {
  it("shows a valid certificate's public fields, and nothing else, to anyone", async () => {
    const { progress, cohort, instructors } = await makeCompletedProgress({
      learnerName: "Ana <b>Lima</b>",
      completedAt: new Date("2026-11-27T12:00:00Z"),
    });
    const cert = await issueCertificate(t.db, progress.id);
    const res = await verify(cert.code.toLowerCase().replace(/-/g, "%20"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Valid certificate");
    expect(html).toContain("Ana &lt;b&gt;Lima&lt;/b&gt;"); // text, never markup
    expect(html).toContain("Professional Relationships &amp; Boundaries (version 1)");
    expect(html).toContain(cert.providerName);
    expect(html).toContain("November 27, 2026");
    expect(html).toContain("1.0 contact hour");
    expect(html).not.toContain(cohort.name);
    expect(html).not.toContain(instructors[0].name);
    expect(html).not.toContain(cert.userId);
  });

  it("says revoked with the date, without the reason", async () => {
    const { progress } = await makeCompletedProgress();
    const cert = await issueCertificate(t.db, progress.id);
    await revokeCertificate({ actor: await makeUser({ role: "admin" }), certificateId: cert.id, reason: "Private reason text" });
    const res = await verify(cert.code);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Revoked on [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(html).not.toContain("Private reason text");
  });

  it("answers 404 'not found' for an unknown code and 429 once an IP has guessed too often", async () => {
    const res = await verify("AAAA-BBBB-CCCC-DDDD", "10.4.9.9");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Certificate not found");
    const { progress } = await makeCompletedProgress();
    const cert = await issueCertificate(t.db, progress.id);
    for (let i = 1; i < rules.verifyIp.limit; i++) await verify("%E0%A4%A", "10.4.9.9"); // malformed input counts too
    const blocked = await verify(cert.code, "10.4.9.9");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await blocked.text();
    expect(html).toContain("Too many checks");
    expect(html).not.toContain(cert.providerName);
    expect((await verify(cert.code, "10.4.9.10")).status).toBe(200);
  });

  it("after erasure with revoke, says revoked without the learner's name (security finding 15)", async () => {
    const admin = await makeUser({ role: "admin" });
    const victim = await makeLearnerWithHistory({ name: "Rosa Erasable" });
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.userId, victim.learner.id));
    await erasePersonalData({ actor: admin, userId: victim.learner.id, certificates: "revoke", reason: "Erased at their request" });
    const res = await verify(cert.code, "10.4.7.1");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Revoked on");
    expect(html).not.toContain("Rosa Erasable");
  });

  it("styles itself under the CSP: the inline style sheet carries the request's nonce; no referrer", async () => {
    const { progress } = await makeCompletedProgress();
    const cert = await issueCertificate(t.db, progress.id);
    const res = await verify(cert.code, "10.4.7.2", { "x-nonce": "bm9uY2UtYWJjMTIzNDU2Nzg5" });
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await res.text()).toMatch(/<style nonce="bm9uY2UtYWJjMTIzNDU2Nzg5">/);
  });
});
