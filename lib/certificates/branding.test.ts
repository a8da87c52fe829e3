import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from "pdf-lib";
import QRCode from "qrcode";
import { extractText, getDocumentProxy } from "unpdf";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, certificateLogo } from "@/db/schema";
import { expectNotFound } from "@/db/test/admin-helpers";
import { makeUser } from "@/db/test/factories";
import { makeJpegHeader, makePng, sampleLogoPng } from "@/db/test/images";
import { setupTestDb } from "@/db/test/test-db";
import { renderCertificatePdf, type CertificatePdfInput } from "./certificate-pdf";
import { MAX_LOGO_BYTES, readCertificateLogo, removeCertificateLogo, setCertificateLogo, validateLogo } from "./logo";

const t = setupTestDb();

const cert: CertificatePdfInput = {
  code: "K7QM-3XRT-9FHW-2NPD",
  learnerName: "Maria Santos",
  moduleTitle: "Professional Relationships & Boundaries",
  moduleVersion: 1,
  providerName: "Prairie Peer Academy",
  providerApprovalNumber: null,
  cohortName: "Spring 2027",
  instructorNames: "Dana Rivera",
  completedAt: new Date("2026-11-27T15:42:00Z"),
  contactHours: 1,
  hoursCategory: "Professional Responsibility",
  issuedAt: new Date("2026-11-27T15:42:00Z"),
  revokedAt: null,
};
const url = "https://training.example.org/verify/K7QM-3XRT-9FHW-2NPD";
const logo = { contentType: "image/png" as const, bytes: sampleLogoPng(), width: 240, height: 80 };

async function text(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** The page's content stream, decompressed. */
async function contentOf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(0).node.Contents();
  const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)!) : [contents!];
  return streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString("latin1")).join("\n");
}

/** Reads the QR code back out of what the PDF draws: the filled squares inside the "QR" marked content, as a grid. */
function qrDrawn(content: string): boolean[][] {
  const section = /\/QR BMC([\s\S]*?)EMC/.exec(content)?.[1];
  if (!section) throw new Error("no QR section in the page");
  // pdf-lib draws each square as a move to (x, y) then a filled path of side `cell`
  const squares = [...section.matchAll(/1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm\s+1 0 0 1 0 0 cm/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const cell = Number(/0 0 m\s+0 ([\d.]+) l/.exec(section)![1]);
  const xs = squares.map((s) => s[0]);
  const ys = squares.map((s) => s[1]);
  const minX = Math.min(...xs);
  const maxY = Math.max(...ys);
  const size = Math.round((Math.max(...xs) - minX) / cell) + 1;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [x, y] of squares) grid[Math.round((maxY - y) / cell)][Math.round((x - minX) / cell)] = true;
  return grid;
}

describe("certificate branding (issue 15, item 11)", () => {
  it("prints the signer's name and title and the verification address, and draws the logo as an image", async () => {
    const bytes = await renderCertificatePdf(cert, url, { logo, signerName: "Dr. Angela Whitfield", signerTitle: "Director of Training" });
    const words = await text(bytes);
    expect(words).toContain("Dr. Angela Whitfield");
    expect(words).toContain("Director of Training");
    expect(words).toContain(url);
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/\/Subtype \/Image/);

    const plain = await renderCertificatePdf(cert, url);
    expect(Buffer.from(plain).toString("latin1")).not.toMatch(/\/Subtype \/Image/);
    expect(await text(plain)).not.toContain("Director of Training");
  });

  it("draws a QR code of exactly the verification address", async () => {
    const grid = qrDrawn(await contentOf(await renderCertificatePdf(cert, url)));
    // the matrix the qrcode library makes for the address (the finder patterns make the corners dark, so the grid aligns)
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    expect(grid.length).toBe(modules.size);
    const expected = Array.from({ length: modules.size }, (_, r) =>
      Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))),
    );
    expect(grid).toEqual(expected);
    // and not of another address
    const other = QRCode.create(`${url}X`, { errorCorrectionLevel: "M" }).modules;
    expect(grid).not.toEqual(
      Array.from({ length: other.size }, (_, r) => Array.from({ length: other.size }, (_, c) => Boolean(other.get(r, c)))),
    );
  });

  it("accepts PNG and JPEG by their content and says clearly what is wrong with anything else", async () => {
    expect(await validateLogo(sampleLogoPng())).toMatchObject({ contentType: "image/png", width: 240, height: 80 });
    expect(await validateLogo(makeJpegHeader(300, 100))).toMatchObject({ contentType: "image/jpeg", width: 300, height: 100 });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)]); // "logo.png" that is a Windows program
    await expect(validateLogo(exe)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/PNG or JPEG/) });
    const gif = new TextEncoder().encode("GIF89a........");
    await expect(validateLogo(gif)).rejects.toMatchObject({
      fieldErrors: { logo: expect.stringMatching(/not one, whatever its name says/) },
    });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(sampleLogoPng().subarray(0, 33));
    await expect(validateLogo(big)).rejects.toMatchObject({ message: expect.stringMatching(/at most 512 KB/) });
    await expect(validateLogo(makePng(2400, 20, () => [0, 0, 0, 255]))).rejects.toMatchObject({
      message: expect.stringMatching(/2400 × 20 pixels/),
    });
    // starts like a PNG, is not one
    const broken = sampleLogoPng().slice(0, 60);
    await expect(validateLogo(broken)).rejects.toMatchObject({ message: expect.stringMatching(/could not be read/) });
  });

  it("stores the logo in the database, keeps the previous one when an upload fails, removes it, and audits each change", async () => {
    const admin = await makeUser({ role: "admin" });
    await setCertificateLogo({ actor: admin, bytes: sampleLogoPng(), ip: "10.9.0.1" });
    expect(await readCertificateLogo()).toMatchObject({ contentType: "image/png", width: 240, height: 80 });
    await expect(setCertificateLogo({ actor: admin, bytes: new Uint8Array([0x4d, 0x5a, 1, 2, 3]) })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(Buffer.from((await readCertificateLogo())!.bytes).equals(Buffer.from(sampleLogoPng()))).toBe(true);
    await setCertificateLogo({ actor: admin, bytes: makeJpegHeader(64, 64) });
    expect((await readCertificateLogo())?.contentType).toBe("image/jpeg");
    await removeCertificateLogo({ actor: admin });
    expect(await readCertificateLogo()).toBeNull();
    expect(await t.db.select().from(certificateLogo)).toEqual([]);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id)).orderBy(auditLog.id)).map((e) => e.action);
    expect(actions).toEqual(["settings.logo_update", "settings.logo_update", "settings.logo_remove"]);
  });

  it("lets only admins change the logo", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const someone = await makeUser({ role });
      await expectNotFound(setCertificateLogo({ actor: someone, bytes: sampleLogoPng() }));
      await expectNotFound(removeCertificateLogo({ actor: someone }));
    }
  });
});
