import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, certificates, throttles } from "@/db/schema";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { rules } from "@/lib/accounts/throttle";
import { normaliseCode } from "./format";
import { issueCertificate } from "./issue";
import { revokeCertificate } from "./revoke";
import { verifyCertificateCode } from "./verify";

const t = setupTestDb();

async function issued(learnerName = "Robin Vance") {
  const { progress } = await makeCompletedProgress({ learnerName, completedAt: new Date("2026-11-27T23:30:00Z") });
  return issueCertificate(t.db, progress.id);
}

describe("normaliseCode", () => {
  it("accepts any case, spaces and dashes, and rejects what cannot be a code", () => {
    expect(normaliseCode("k7qm 3xrt-9fhw 2npd")).toBe("K7QM-3XRT-9FHW-2NPD");
    expect(normaliseCode(" K7QM3XRT9FHW2NPD ")).toBe("K7QM-3XRT-9FHW-2NPD");
    expect(normaliseCode("K7QM–3XRT–9FHW–2NPD")).toBe("K7QM-3XRT-9FHW-2NPD");
    expect(normaliseCode("K7QM-3XRT-9FHW-2NP")).toBeNull();
    expect(normaliseCode("K7QM-3XRT-9FHW-2NP0")).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCode("'; drop table certificates;--")).toBeNull();
  });
});

describe("verifyCertificateCode", () => {
  it("says valid and shows only the public fields, however the code is typed", async () => {
    const cert = await issued();
    const r = await verifyCertificateCode({ input: cert.code.toLowerCase().replace(/-/g, " "), ip: "10.3.0.1" });
    expect(r.status).toBe("valid");
    if (r.status !== "valid") return;
    expect(r.certificate).toEqual({
      code: cert.code,
      learnerName: "Robin Vance",
      moduleTitle: "Professional Relationships & Boundaries",
      moduleVersion: 1,
      providerName: cert.providerName,
      providerApprovalNumber: cert.providerApprovalNumber,
      completedAt: cert.completedAt,
      contactHours: 1,
      hoursCategory: "Professional Responsibility",
      revokedAt: null,
    });
    // nothing else leaks: no ids, cohort, instructors, revocation reason
    expect(Object.keys(r.certificate)).not.toContain("userId");
    expect(Object.keys(r.certificate)).not.toContain("cohortName");
    expect(Object.keys(r.certificate)).not.toContain("revokedReason");
  });

  it("says revoked, with the date, after an admin revokes; the audit entry is written with it", async () => {
    const cert = await issued();
    const admin = await makeUser({ role: "admin" });
    await revokeCertificate({ actor: admin, certificateId: cert.id, reason: "Issued to the wrong learner", ip: "10.3.0.9" });
    const r = await verifyCertificateCode({ input: cert.code, ip: "10.3.0.2" });
    expect(r.status).toBe("revoked");
    if (r.status !== "revoked") return;
    expect(r.certificate.revokedAt).toBeInstanceOf(Date);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, cert.id));
    expect(entry).toMatchObject({ action: "certificate.revoke", actorId: admin.id, targetType: "certificate", ip: "10.3.0.9" });
    expect(entry.details).toMatchObject({ reason: "Issued to the wrong learner", code: cert.code });
    const [row] = await t.db.select().from(certificates).where(eq(certificates.id, cert.id));
    expect(row).toMatchObject({ revokedReason: "Issued to the wrong learner", revokedBy: admin.id });
  });

  it("answers not found for an unknown or malformed code", async () => {
    expect(await verifyCertificateCode({ input: "AAAA-BBBB-CCCC-DDDD", ip: "10.3.0.3" })).toEqual({
      status: "not_found",
      code: "AAAA-BBBB-CCCC-DDDD",
    });
    expect(await verifyCertificateCode({ input: "hello", ip: "10.3.0.3" })).toEqual({ status: "not_found", code: null });
  });

  it("throttles an IP that guesses, for known codes too, without affecting another IP", async () => {
    const cert = await issued();
    const ip = "10.3.1.1";
    for (let i = 0; i < rules.verifyIp.limit - 1; i++) {
      expect((await verifyCertificateCode({ input: `AAAA-BBBB-CCCC-${"ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[i]}AAA`, ip })).status).toBe(
        "not_found",
      );
    }
    // a valid lookup in between does not reset or count
    expect((await verifyCertificateCode({ input: cert.code, ip })).status).toBe("valid");
    expect((await verifyCertificateCode({ input: "ZZZZ-ZZZZ-ZZZZ-ZZZZ", ip })).status).toBe("not_found");
    const blocked = await verifyCertificateCode({ input: cert.code, ip });
    expect(blocked.status).toBe("throttled");
    if (blocked.status === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await verifyCertificateCode({ input: cert.code, ip: "10.3.1.2" })).status).toBe("valid");
    const rows = await t.db.select().from(throttles).where(like(throttles.key, "verifyIp:10.3.1.1"));
    // the refused lookup was an attempt too (every lookup counts until the code is found)
    expect(rows[0].failures).toBe(rules.verifyIp.limit + 1);
  });
});

describe("a legitimate check leaves no trace", () => {
  it("verifying a real code writes nothing to the throttle (a GET changes nothing)", async () => {
    const { progress } = await makeCompletedProgress();
    const cert = await issueCertificate(t.db, progress.id);
    const ip = "10.77.0.1";
    expect((await verifyCertificateCode({ input: cert.code, ip })).status).toBe("valid");
    expect(
      await t.db
        .select()
        .from(throttles)
        .where(like(throttles.key, `%${ip}%`)),
    ).toEqual([]);
    // an unknown code still counts
    await verifyCertificateCode({ input: "AAAA-BBBB-CCCC-DDDD", ip });
    expect(
      await t.db
        .select()
        .from(throttles)
        .where(like(throttles.key, `%${ip}%`)),
    ).toHaveLength(1);
  });
});

describe("revokeCertificate", () => {
  it("only admins revoke; a reason is required; twice is refused; nothing changes on refusal", async () => {
    const cert = await issued();
    for (const role of ["learner", "instructor"] as const) {
      const u = await makeUser({ role });
      await expect(revokeCertificate({ actor: u, certificateId: cert.id, reason: "Because I can" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    const admin = await makeUser({ role: "admin" });
    await expect(revokeCertificate({ actor: admin, certificateId: cert.id, reason: "  " })).rejects.toThrow(/reason/);
    const [untouched] = await t.db.select().from(certificates).where(eq(certificates.id, cert.id));
    expect(untouched.revokedAt).toBeNull();
    await revokeCertificate({ actor: admin, certificateId: cert.id, reason: "Completed by someone else" });
    await expect(revokeCertificate({ actor: admin, certificateId: cert.id, reason: "Again, twice" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already revoked/),
    });
    await expect(
      revokeCertificate({ actor: admin, certificateId: "00000000-0000-4000-8000-000000000000", reason: "No such thing" }),
    ).rejects.toMatchObject({ code: "not_found" });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, cert.id));
    expect(entries).toHaveLength(1);
  });
});
