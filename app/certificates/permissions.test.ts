/**
 * Who may open what, through the real route handlers and pages: every role
 * on the certificate PDF and page, the learner's record, the staff record and
 * its exports. Another learner's or another instructor's → 404, no data.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/app/_edge/session";
import type { User } from "@/db/schema";
import { enrol, makeCohort, makeCompletedProgress, makeInstructor } from "@/db/test/certificate-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { issueCertificate, type Certificate } from "@/lib/certificates/issue";

const current = vi.hoisted(() => ({ user: null as CurrentUser | null }));
// Only the session is stubbed: the real page() and route() wrappers check the permission and the scope.
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => current.user }));

const { GET: certificatePdf } = await import("./[certificateId]/pdf/route");
const { default: CertificatePage } = await import("./[certificateId]/page");
const { GET: myRecordCsv } = await import("../learn/record.csv/route");
const { GET: myRecordPdf } = await import("../learn/record.pdf/route");
const { default: MyRecordPage } = await import("../learn/record/page");
const { GET: staffRecordCsv } = await import("../people/[userId]/record.csv/route");
const { GET: staffRecordPdf } = await import("../people/[userId]/record.pdf/route");
const { default: StaffRecordPage } = await import("../people/[userId]/record/page");

setupTestDb();

const as = (u: User | null) => {
  current.user = u ? { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: "s" } : null;
};
const req = (path: string) => new Request(`http://localhost:3000${path}`);
/** what Next.js hands a page or handler without params */
const noParams = { params: Promise.resolve({}) };
const noPageProps = { ...noParams, searchParams: Promise.resolve({}) };
const pdfText = async (res: Response) => {
  const doc = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  return (await extractText(doc, { mergePages: true })).text;
};
/** A page's outcome: "ok" when it renders, "404" when it calls notFound(). */
async function pageOutcome(render: () => Promise<unknown>) {
  try {
    await render();
    return "ok";
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? "");
    if (digest.includes(";404")) return "404";
    if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
    throw e;
  }
}

const w = {} as {
  admin: User;
  instructorA: User;
  instructorB: User;
  learner1: User;
  learner2: User;
  learner3: User;
  cert1: Certificate;
  cert2: Certificate;
  cert3: Certificate;
};

beforeAll(async () => {
  w.admin = await makeUser({ role: "admin", name: "Admin Person" });
  w.instructorA = await makeInstructor("Instructor A");
  w.instructorB = await makeInstructor("Instructor B");
  const cohortA = await makeCohort({ instructors: [w.instructorA] });
  const cohortB = await makeCohort({ instructors: [w.instructorB] });
  const cohortC = await makeCohort({ instructors: [w.instructorB] });
  const one = await makeCompletedProgress({ learnerName: "Learner One", cohort: cohortA });
  const two = await makeCompletedProgress({ learnerName: "Learner Two", cohort: cohortB });
  // learner three was removed from A (A's instructor still sees their record) and completed in C
  const three = await makeCompletedProgress({ learnerName: "Learner Three", cohort: cohortC });
  await enrol(cohortA.id, three.learner.id, "removed");
  Object.assign(w, { learner1: one.learner, learner2: two.learner, learner3: three.learner });
  w.cert1 = await issueCertificate((await import("@/db/client")).getDb(), one.progress.id);
  w.cert2 = await issueCertificate((await import("@/db/client")).getDb(), two.progress.id);
  w.cert3 = await issueCertificate((await import("@/db/client")).getDb(), three.progress.id);
});

describe("certificate PDF and page", () => {
  const pdf = (id: string) => certificatePdf(req(`/certificates/${id}/pdf`), { params: Promise.resolve({ certificateId: id }) });
  const page = (id: string) =>
    pageOutcome(() => CertificatePage({ params: Promise.resolve({ certificateId: id }), searchParams: Promise.resolve({}) }));

  it("the learner downloads their own, as a no-store PDF attachment with their name in it", async () => {
    as(w.learner1);
    const res = await pdf(w.cert1.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="certificate-learner-one-professional-relationships-boundaries-[A-Z0-9-]+\.pdf"/,
    );
    const text = await pdfText(res);
    expect(text).toContain("Learner One");
    expect(text).toContain(`/verify/${w.cert1.code}`);
    expect(await page(w.cert1.id)).toBe("ok");
  });

  it("another learner gets 404 for it, on the PDF and the page", async () => {
    as(w.learner2);
    const res = await pdf(w.cert1.id);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Learner One");
    expect(await page(w.cert1.id)).toBe("404");
  });

  it("the instructor of the learner's cohort may; another instructor gets 404", async () => {
    as(w.instructorA);
    expect((await pdf(w.cert1.id)).status).toBe(200);
    expect(await page(w.cert1.id)).toBe("ok");
    expect((await pdf(w.cert2.id)).status).toBe(404);
    expect(await page(w.cert2.id)).toBe("404");
    // learner three was once in A, but this certificate is from cohort C
    expect((await pdf(w.cert3.id)).status).toBe(404);
    as(w.instructorB);
    expect((await pdf(w.cert1.id)).status).toBe(404);
    expect((await pdf(w.cert3.id)).status).toBe(200);
  });

  it("an admin may open any; unknown and malformed ids are 404; signed out is sent to sign in", async () => {
    as(w.admin);
    for (const c of [w.cert1, w.cert2, w.cert3]) {
      expect((await pdf(c.id)).status).toBe(200);
      expect(await page(c.id)).toBe("ok");
    }
    expect((await pdf("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await pdf("not-a-uuid")).status).toBe(404);
    expect(await page("not-a-uuid")).toBe("404");
    as(null);
    const res = await pdf(w.cert1.id);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent(`/certificates/${w.cert1.id}/pdf`)}`);
  });
});

describe("my training record (/learn/record)", () => {
  it("a learner gets their own record only, as page, CSV and PDF", async () => {
    as(w.learner1);
    expect(await pageOutcome(() => MyRecordPage(noPageProps))).toBe("ok");
    const csv = await myRecordCsv(req("/learn/record.csv"), noParams);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    const body = await csv.text();
    expect(body).toContain(w.cert1.code);
    expect(body).not.toContain(w.cert2.code);
    const pdf = await myRecordPdf(req("/learn/record.pdf"), noParams);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf);
    expect(text).toContain("Learner One");
    expect(text).toContain(w.cert1.code);
    expect(text).not.toContain(w.cert2.code);
  });

  it("staff have no /learn/record of their own (404)", async () => {
    for (const u of [w.admin, w.instructorA]) {
      as(u);
      expect((await myRecordCsv(req("/learn/record.csv"), noParams)).status).toBe(404);
      expect((await myRecordPdf(req("/learn/record.pdf"), noParams)).status).toBe(404);
      expect(await pageOutcome(() => MyRecordPage(noPageProps))).toBe("404");
    }
  });
});

describe("a learner's record for staff (/people/[userId]/record)", () => {
  const outcomes = async (learner: User) => {
    const params = { params: Promise.resolve({ userId: learner.id }) };
    const csv = await staffRecordCsv(req(`/people/${learner.id}/record.csv`), params);
    const pdf = await staffRecordPdf(req(`/people/${learner.id}/record.pdf`), { params: Promise.resolve({ userId: learner.id }) });
    const page = await pageOutcome(() =>
      StaffRecordPage({ params: Promise.resolve({ userId: learner.id }), searchParams: Promise.resolve({}) }),
    );
    return { csv: csv.status, pdf: pdf.status, page, csvBody: csv.status === 200 ? await csv.text() : await csv.text() };
  };

  it("admins open any learner's", async () => {
    as(w.admin);
    for (const [l, cert] of [
      [w.learner1, w.cert1],
      [w.learner2, w.cert2],
    ] as const) {
      const o = await outcomes(l);
      expect([o.csv, o.pdf, o.page]).toEqual([200, 200, "ok"]);
      expect(o.csvBody).toContain(cert.code);
    }
  });

  it("instructors open learners enrolled (active or removed) in cohorts they teach, and nobody else's", async () => {
    as(w.instructorA);
    expect(await outcomes(w.learner1)).toMatchObject({ csv: 200, pdf: 200, page: "ok" });
    expect(await outcomes(w.learner3)).toMatchObject({ csv: 200, pdf: 200, page: "ok" });
    const other = await outcomes(w.learner2);
    expect(other).toMatchObject({ csv: 404, pdf: 404, page: "404" });
    expect(other.csvBody).not.toContain(w.cert2.code);
    as(w.instructorB);
    expect(await outcomes(w.learner1)).toMatchObject({ csv: 404, pdf: 404, page: "404" });
  });

  it("learners get 404, for themselves too; so does a non-learner id", async () => {
    as(w.learner1);
    expect(await outcomes(w.learner1)).toMatchObject({ csv: 404, pdf: 404, page: "404" });
    expect(await outcomes(w.learner2)).toMatchObject({ csv: 404, pdf: 404, page: "404" });
    as(w.admin);
    expect(await outcomes(w.instructorA)).toMatchObject({ csv: 404, pdf: 404, page: "404" });
  });
});
