import { describe, expect, it, vi } from "vitest";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { rules } from "@/lib/accounts/throttle";
import { issueCertificate } from "@/lib/certificates/issue";
import { revokeCertificate } from "@/lib/certificates/revoke";

// an anonymous visitor: the public route needs no session (and there is no request scope for cookies here)
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => null }));
const { GET } = await import("./[code]/route");

const t = setupTestDb();

const verify = (code: string, ip = "10.4.0.1") =>
  GET(new Request(`http://localhost:3000/verify/${code}`, { headers: { "x-forwarded-for": ip } }), { params: Promise.resolve({ code }) });

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
});
