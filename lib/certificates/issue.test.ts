import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { certificateLogo, certificates, cohorts, orgSettings, users } from "@/db/schema";
import { makePng, sampleLogoPng } from "@/db/test/images";
import { makeCompletedProgress, makeInstructor } from "@/db/test/certificate-factories";
import { setupTestDb } from "@/db/test/test-db";
import { CODE_ALPHABET, normaliseCode } from "./format";
import { extractText, getDocumentProxy } from "unpdf";
import { certificatePdfDownload } from "./exports";
import { issueCertificate, newVerificationCode, type Certificate } from "./issue";

const t = setupTestDb();

describe("issueCertificate", () => {
  it("copies every field of a completed assignment and gives it a well-formed code", async () => {
    await t.db
      .insert(orgSettings)
      .values({ id: 1, organisationName: "Prairie Peer Academy", providerApprovalNumber: "IL-CRSS-0042" })
      .onConflictDoUpdate({
        target: orgSettings.id,
        set: { organisationName: "Prairie Peer Academy", providerApprovalNumber: "IL-CRSS-0042" },
      });
    const b = await makeInstructor("Beatriz Okoye");
    const a = await makeInstructor("Aaron Diaz");
    const completedAt = new Date("2026-11-27T23:30:00Z");
    const { learner, cohort, progress } = await makeCompletedProgress({ learnerName: "Robin Vance", instructors: [b, a], completedAt });
    const cert = await t.db.transaction((tx) => issueCertificate(tx, progress.id));
    expect(cert).toMatchObject({
      progressId: progress.id,
      userId: learner.id,
      learnerName: "Robin Vance",
      moduleTitle: "Professional Relationships & Boundaries",
      moduleVersion: 1,
      providerName: "Prairie Peer Academy",
      providerApprovalNumber: "IL-CRSS-0042",
      cohortName: cohort.name,
      instructorNames: "Aaron Diaz, Beatriz Okoye",
      contactHours: 1,
      hoursCategory: "Professional Responsibility",
      revokedAt: null,
    });
    expect(cert.completedAt.toISOString()).toBe(completedAt.toISOString());
    expect(cert.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normaliseCode(cert.code)).toBe(cert.code);
  });

  it("gives every certificate a different code", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { progress } = await makeCompletedProgress();
      codes.add((await issueCertificate(t.db, progress.id)).code);
    }
    expect(codes.size).toBe(5);
    const many = new Set(Array.from({ length: 5000 }, () => newVerificationCode()));
    expect(many.size).toBe(5000);
    for (const ch of [...many].join("").replace(/-/g, "")) expect(CODE_ALPHABET).toContain(ch);
  });

  it("is frozen: renaming the learner, cohort and organisation later changes nothing", async () => {
    const { learner, cohort, instructors, progress } = await makeCompletedProgress({ learnerName: "Sam Original" });
    const issued = await issueCertificate(t.db, progress.id);
    await t.db.update(users).set({ name: "Sam Renamed" }).where(eq(users.id, learner.id));
    await t.db.update(users).set({ name: "Instructor Renamed" }).where(eq(users.id, instructors[0].id));
    await t.db.update(cohorts).set({ name: "Cohort Renamed" }).where(eq(cohorts.id, cohort.id));
    await t.db
      .insert(orgSettings)
      .values({ id: 1, organisationName: "Renamed Org", providerApprovalNumber: null })
      .onConflictDoUpdate({ target: orgSettings.id, set: { organisationName: "Renamed Org", providerApprovalNumber: null } });
    const again = await issueCertificate(t.db, progress.id);
    const [stored] = await t.db.select().from(certificates).where(eq(certificates.id, issued.id));
    expect(again).toEqual(issued);
    expect(stored).toEqual(issued);
    expect(stored.learnerName).toBe("Sam Original");
    expect(stored.cohortName).toBe(cohort.name);
    expect(stored.instructorNames).toBe(instructors[0].name);
    expect(stored.providerName).not.toBe("Renamed Org");
  });

  it("keeps the signer it was issued with: a later change of signer never rewrites an issued certificate's PDF", async () => {
    const signer = (signerName: string | null, signerTitle: string | null) =>
      t.db
        .insert(orgSettings)
        .values({ id: 1, organisationName: "Prairie Peer Academy", signerName, signerTitle })
        .onConflictDoUpdate({ target: orgSettings.id, set: { signerName, signerTitle } });
    await signer("Dr. Angela Whitfield", "Director of Training");
    const { progress } = await makeCompletedProgress();
    const issued = await issueCertificate(t.db, progress.id);
    expect(issued).toMatchObject({ signerName: "Dr. Angela Whitfield", signerTitle: "Director of Training" });
    await signer("Marcus Bell", "Program Manager");
    const res = await certificatePdfDownload(issued);
    const doc = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const text = (await extractText(doc, { mergePages: true })).text;
    expect(text).toContain("Dr. Angela Whitfield");
    expect(text).toContain("Director of Training");
    expect(text).not.toContain("Marcus Bell");
    // issued while no signer was set: no signature line is invented later
    await signer(null, null);
    const unsigned = await issueCertificate(t.db, (await makeCompletedProgress()).progress.id);
    await signer("Marcus Bell", "Program Manager");
    const later = await certificatePdfDownload(unsigned);
    const laterText = (await extractText(await getDocumentProxy(new Uint8Array(await later.arrayBuffer())), { mergePages: true })).text;
    expect(laterText).not.toContain("Marcus Bell");
  });

  it("keeps the logo it was issued with: replacing or removing the logo never changes an issued certificate's PDF", async () => {
    const setLogo = (png: Uint8Array | null, width = 0, height = 0) =>
      png
        ? t.db
            .insert(certificateLogo)
            .values({ id: 1, contentType: "image/png", bytes: png, width, height })
            .onConflictDoUpdate({ target: certificateLogo.id, set: { bytes: png, width, height } })
        : t.db.delete(certificateLogo);
    // the widths of the images the PDF draws (an image XObject's dictionary is never in a compressed object stream;
    // a PNG with transparency is two of one width: the picture and its alpha mask)
    const imageWidths = async (cert: Certificate) => {
      const pdf = Buffer.from(await (await certificatePdfDownload(cert)).arrayBuffer()).toString("latin1");
      return [...new Set([...pdf.matchAll(/\/Width (\d+)/g)].map((m) => Number(m[1])))];
    };
    const issueOne = async () => issueCertificate(t.db, (await makeCompletedProgress()).progress.id);

    const wide = sampleLogoPng(); // 240 × 80
    await setLogo(wide, 240, 80);
    const first = await issueOne();
    expect(first.logoSha256).toBe(createHash("sha256").update(wide).digest("hex"));
    const small = makePng(100, 50, () => [21, 86, 76, 255]);
    await setLogo(small, 100, 50);
    const second = await issueOne();
    await setLogo(null);
    const third = await issueOne();
    expect(third.logoSha256).toBeNull();

    // each prints its own, after the logo was replaced and then removed
    expect(await imageWidths(first)).toEqual([240]);
    expect(await imageWidths(second)).toEqual([100]);
    expect(await imageWidths(third)).toEqual([]);
    // the same logo uploaded again is the same kept version
    await setLogo(wide, 240, 80);
    expect((await issueOne()).logoSha256).toBe(first.logoSha256);
  });

  it("issues one certificate however often it is called, sequentially or at once", async () => {
    const { progress } = await makeCompletedProgress();
    const first = await t.db.transaction((tx) => issueCertificate(tx, progress.id));
    const second = await t.db.transaction((tx) => issueCertificate(tx, progress.id));
    expect(second.id).toBe(first.id);

    const other = await makeCompletedProgress();
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () => t.db.transaction((tx) => issueCertificate(tx, other.progress.id))),
    );
    expect(new Set(concurrent.map((c) => c.id)).size).toBe(1);
    expect(new Set(concurrent.map((c) => c.code)).size).toBe(1);
    const rows = await t.db.select().from(certificates).where(eq(certificates.progressId, other.progress.id));
    expect(rows).toHaveLength(1);
  });

  it("rolls back with the transaction that called it", async () => {
    const { progress } = await makeCompletedProgress();
    await expect(
      t.db.transaction(async (tx) => {
        await issueCertificate(tx, progress.id);
        throw new Error("completion failed later");
      }),
    ).rejects.toThrow("completion failed later");
    const rows = await t.db.select().from(certificates).where(eq(certificates.progressId, progress.id));
    expect(rows).toHaveLength(0);
  });

  it("refuses an assignment that is not complete, and an unknown progress row", async () => {
    const { progress } = await makeCompletedProgress({ completed: false });
    await expect(issueCertificate(t.db, progress.id)).rejects.toThrow(/only for a completed assignment/);
    await expect(issueCertificate(t.db, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(/No progress row/);
    const rows = await t.db.select().from(certificates).where(eq(certificates.progressId, progress.id));
    expect(rows).toHaveLength(0);
  });
});
