import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { orgSettings } from "@/db/schema";
import { makeCompletedProgress, makeInstructor } from "@/db/test/certificate-factories";
import { setupTestDb } from "@/db/test/test-db";
import { renderCertificatePdf } from "./certificate-pdf";
import { issueCertificate } from "./issue";
import { getTrainingRecord } from "./record";
import { forgetOrgSettings } from "./settings";
import { trainingRecordCsv } from "./record-csv";
import { revokeCertificate } from "./revoke";
import { renderTranscriptPdf } from "./transcript-pdf";
import { makeUser } from "@/db/test/factories";

const t = setupTestDb();

async function pdfText(bytes: Uint8Array) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { totalPages, text: text.replace(/\s+/g, " ") };
}

async function setProvider(name: string, approval: string | null, hourTargets: { category: string; hours: number }[] = []) {
  await t.db
    .insert(orgSettings)
    .values({ id: 1, organisationName: name, providerApprovalNumber: approval, hourTargets })
    .onConflictDoUpdate({ target: orgSettings.id, set: { organisationName: name, providerApprovalNumber: approval, hourTargets } });
  forgetOrgSettings();
}

describe("certificate PDF", () => {
  it("is one landscape page whose extracted text holds every field", async () => {
    await setProvider("Prairie Peer Academy", "IL-CRSS-0042");
    const instructors = [await makeInstructor("Dana Rivera"), await makeInstructor("Sam Okafor")];
    const { progress, cohort } = await makeCompletedProgress({
      learnerName: "Zoë Fernández",
      instructors,
      completedAt: new Date("2026-11-27T23:59:00Z"),
    });
    const cert = await issueCertificate(t.db, progress.id);
    const url = `https://training.example.org/verify/${cert.code}`;
    const bytes = await renderCertificatePdf(cert, url);
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(w).toBeGreaterThan(h);
    const { totalPages, text } = await pdfText(bytes);
    expect(totalPages).toBe(1);
    for (const expected of [
      "Certificate of Completion",
      "Zoë Fernández",
      "Professional Relationships & Boundaries",
      "Module version 1",
      "Prairie Peer Academy",
      "IL-CRSS-0042",
      cohort.name,
      "Dana Rivera, Sam Okafor",
      "November 27, 2026",
      "1.0 contact hour",
      "Professional Responsibility",
      cert.code,
      url,
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("REVOKED");
  });

  it("prints every name exactly, in an embedded font subset, and the text extracts as typed", async () => {
    const names = ["José Muñoz-Ñúñez", "Nguyễn Thị Minh", "Zoë O'Brien"];
    await setProvider("Centro de Recuperación Señor Ñúñez", "IL-CRSS-0042");
    for (const learnerName of names) {
      const instructors = [await makeInstructor("Nguyễn Văn Đức"), await makeInstructor("Zoë O'Brien")];
      const { progress } = await makeCompletedProgress({ learnerName, instructors, completedAt: new Date("2026-11-27T12:00:00Z") });
      const cert = await issueCertificate(t.db, progress.id);
      const bytes = await renderCertificatePdf(cert, `https://training.example.org/verify/${cert.code}`);
      const { text } = await pdfText(bytes);
      for (const expected of [learnerName, "Centro de Recuperación Señor Ñúñez", "Nguyễn Văn Đức, Zoë O'Brien", "November 27, 2026"]) {
        expect(text, expected).toContain(expected);
      }
      // the fonts are embedded as subsets: DejaVu Sans alone is 757 KB, DejaVu Serif Bold Italic 347 KB
      expect(bytes.length).toBeLessThan(100_000);

      const record = await getTrainingRecord({ learnerId: progress.userId });
      const transcript = await pdfText(
        await renderTranscriptPdf({
          learnerName,
          record,
          generatedAt: new Date("2026-12-01T00:00:00Z"),
          verifyBase: "https://x.example/verify",
        }),
      );
      for (const expected of [learnerName, "Centro de Recuperación Señor Ñúñez", "November 27, 2026"]) {
        expect(transcript.text, expected).toContain(expected);
      }
    }
  });

  it("leaves out the approval line when none is set, keeps what the fonts can show, and marks a revoked certificate", async () => {
    await setProvider("Plain Provider", null);
    const { progress } = await makeCompletedProgress({ learnerName: "Łucja 山田 Nowak" });
    const cert = await issueCertificate(t.db, progress.id);
    const admin = await makeUser({ role: "admin" });
    const revoked = await revokeCertificate({ actor: admin, certificateId: cert.id, reason: "Issued in error" });
    const { text } = await pdfText(await renderCertificatePdf(revoked, "http://localhost:3000/verify/x"));
    expect(text).toContain("Plain Provider");
    expect(text).not.toContain("approval number");
    expect(text).toContain("Łucja ?? Nowak");
    expect(text).toContain("REVOKED on");
  });
});

describe("training record exports", () => {
  it("PDF transcript and CSV list every module; totals leave revoked hours out", async () => {
    await setProvider("Prairie Peer Academy", "IL-CRSS-0042", [
      { category: "Professional Responsibility", hours: 10 },
      { category: "Professional ethics", hours: 6 },
    ]);
    const first = await makeCompletedProgress({ learnerName: '=HYPERLINK("http://x")', completedAt: new Date("2026-03-02T10:00:00Z") });
    const second = await makeCompletedProgress({ learner: first.learner, completedAt: new Date("2026-04-05T10:00:00Z") });
    const third = await makeCompletedProgress({ learner: first.learner, completedAt: new Date("2026-05-06T10:00:00Z") });
    const certs = [];
    for (const p of [first, second, third]) certs.push(await issueCertificate(t.db, p.progress.id));
    const admin = await makeUser({ role: "admin" });
    await revokeCertificate({ actor: admin, certificateId: certs[2].id, reason: "Completed by someone else" });

    const record = await getTrainingRecord({ learnerId: first.learner.id });
    expect(record.entries.map((e) => e.code)).toEqual(certs.map((c) => c.code));
    expect(record.totals).toEqual([{ category: "Professional Responsibility", hours: 2 }]);
    expect(record.targets).toEqual([
      { category: "Professional Responsibility", target: 10, earned: 2, percent: 20, met: false },
      { category: "Professional ethics", target: 6, earned: 0, percent: 0, met: false },
    ]);

    const { text } = await pdfText(
      await renderTranscriptPdf({
        learnerName: first.learner.name,
        record,
        generatedAt: new Date("2026-06-01T00:00:00Z"),
        verifyBase: "https://x.example/verify",
      }),
    );
    for (const expected of [
      "Training record",
      '=HYPERLINK("http://x")',
      "IL-CRSS-0042",
      "March 2, 2026",
      "April 5, 2026",
      "May 6, 2026",
      certs[0].code,
      certs[2].code,
      "Revoked",
      "2.0 of 10.0 hours (20%)",
      "0.0 of 6.0 hours (0%)",
      "Total credited: 2.0 hours",
    ]) {
      expect(text, expected).toContain(expected);
    }

    const csv = trainingRecordCsv({
      learnerName: first.learner.name,
      entries: record.entries,
      verifyUrl: (c) => `https://x.example/verify/${c}`,
    });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Learner name,Completed,Module,Module version,/);
    expect(lines[1]).toMatch(/,2026-03-02T\d{2}:\d{2}:\d{2}Z,/);
    expect(lines[1].startsWith(`"'=HYPERLINK(""http://x"")",`)).toBe(true);
    expect(lines[3]).toMatch(/,Revoked,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,/);
    expect(lines[1]).toContain(",Valid,,");
  });

  it("writes a long record on several pages with page numbers", async () => {
    const base = await makeCompletedProgress();
    const record = await getTrainingRecord({ learnerId: base.learner.id });
    const many = { ...record, entries: Array.from({ length: 60 }, (_, i) => ({ ...(record.entries[0] ?? {}), ...fakeEntry(i) })) };
    const { totalPages, text } = await pdfText(
      await renderTranscriptPdf({ learnerName: "Long Record", record: many, generatedAt: new Date(), verifyBase: "x" }),
    );
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${totalPages} of ${totalPages}`);
    expect(text).toContain("MODL-0059-AAAA-AAAA");
  });
});

function fakeEntry(i: number) {
  return {
    certificateId: `c${i}`,
    code: `MODL-${String(i).padStart(4, "0")}-AAAA-AAAA`,
    cohortId: "x",
    completedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    moduleTitle: `Module number ${i}`,
    moduleVersion: 1,
    contactHours: 1.5,
    hoursCategory: "CRSS domains",
    providerName: "P",
    providerApprovalNumber: null,
    cohortName: "C",
    instructorNames: "I",
    revokedAt: null,
  };
}
