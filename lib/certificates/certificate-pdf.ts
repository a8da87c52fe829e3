/**
 * The certificate as a one-page landscape PDF (US Letter) with real,
 * selectable text in embedded DejaVu subsets (pdf-fonts.ts). Pure: takes the frozen certificate
 * fields and the verification address, so a script can render a sample.
 */
import { beginMarkedContent, endMarkedContent, PDFDocument, PDFName, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { formatCertificateDate, formatContactHours as hoursLabel } from "@/lib/platform/format";
import { colors, drawCentered, drawWrapped } from "./pdf-layout";
import { embedPdfFonts } from "./pdf-fonts";

export type CertificatePdfInput = {
  code: string;
  learnerName: string;
  moduleTitle: string;
  moduleVersion: number;
  providerName: string;
  providerApprovalNumber: string | null;
  cohortName: string;
  instructorNames: string;
  completedAt: Date;
  contactHours: number;
  hoursCategory: string;
  issuedAt: Date;
  revokedAt: Date | null;
};

/** What the organization adds to every certificate it issues (settings page): logo and signer. */
export type CertificateBranding = {
  logo?: { contentType: "image/png" | "image/jpeg"; bytes: Uint8Array; width: number; height: number } | null;
  signerName?: string | null;
  signerTitle?: string | null;
};

const W = 792;
const H = 612;

/** The QR code of a verification address: which modules are dark, row by row (medium error correction). */
export function qrModules(url: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/**
 * The QR code as vector squares (sharp at any zoom or print size), inside a
 * marked-content section "QR" so a test can read back exactly what was drawn.
 */
function drawQr(page: PDFPage, url: string, x: number, y: number, side: number) {
  const qr = qrModules(url);
  const quiet = 2; // modules of white margin around the code, on the white box below
  const cell = side / (qr.size + 2 * quiet);
  page.drawRectangle({ x, y, width: side, height: side, color: colors.white });
  page.pushOperators(beginMarkedContent(PDFName.of("QR")));
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.dark(row, col)) continue;
      page.drawRectangle({
        x: x + (quiet + col) * cell,
        y: y + side - (quiet + row + 1) * cell,
        width: cell,
        height: cell,
        color: colors.ink,
      });
    }
  }
  page.pushOperators(endMarkedContent());
}

export async function renderCertificatePdf(
  cert: CertificatePdfInput,
  verifyUrl: string,
  branding: CertificateBranding = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc, { monoBold: true });
  // metadata is UTF-16 in the PDF: any name as typed
  doc.setTitle(`Certificate of Completion — ${cert.learnerName} — ${cert.moduleTitle}`);
  doc.setAuthor(cert.providerName);
  doc.setSubject(`Verification code ${cert.code}`);
  doc.setCreator("Cohort");
  doc.setProducer("Cohort (pdf-lib)");
  doc.setCreationDate(cert.issuedAt);
  doc.setModificationDate(cert.issuedAt);

  const page = doc.addPage([W, H]);
  // frame: a strong outer rule and a fine inner one
  page.drawRectangle({ x: 20, y: 20, width: W - 40, height: H - 40, borderColor: colors.brand, borderWidth: 3 });
  page.drawRectangle({ x: 30, y: 30, width: W - 60, height: H - 60, borderColor: colors.brand, borderWidth: 0.75 });

  const inner = W - 140;
  if (branding.logo) {
    // at most 150 × 32 pt, centered above the provider's name inside the frame, proportions kept
    const image =
      branding.logo.contentType === "image/png" ? await doc.embedPng(branding.logo.bytes) : await doc.embedJpg(branding.logo.bytes);
    const scale = Math.min(150 / branding.logo.width, 32 / branding.logo.height);
    const w = branding.logo.width * scale;
    const h = branding.logo.height * scale;
    page.drawImage(image, { x: (W - w) / 2, y: 546, width: w, height: h });
  }
  drawCentered(page, cert.providerName, branding.logo ? 526 : 540, {
    font: fonts.bold,
    size: 14,
    color: colors.brand,
    maxWidth: inner,
    minSize: 10,
  });
  if (cert.providerApprovalNumber) {
    drawCentered(page, `Provider approval number: ${cert.providerApprovalNumber}`, branding.logo ? 510 : 522, {
      font: fonts.regular,
      size: 10,
      color: colors.muted,
      maxWidth: inner,
    });
  }
  drawCentered(page, "Certificate of Completion", 470, { font: fonts.serifBold, size: 40, color: colors.ink, maxWidth: inner });
  drawCentered(page, "This certifies that", 436, { font: fonts.regular, size: 13, color: colors.muted, maxWidth: inner });
  const name = drawCentered(page, cert.learnerName, 396, { font: fonts.serifItalic, size: 32, maxWidth: inner - 60, minSize: 20 });
  const ruleY = name.bottom - 10;
  page.drawLine({ start: { x: W / 2 - 210, y: ruleY }, end: { x: W / 2 + 210, y: ruleY }, thickness: 0.75, color: colors.rule });
  drawCentered(page, "has completed the training module", ruleY - 24, {
    font: fonts.regular,
    size: 13,
    color: colors.muted,
    maxWidth: inner,
  });
  const title = drawCentered(page, cert.moduleTitle, ruleY - 52, { font: fonts.bold, size: 20, maxWidth: inner, minSize: 14 });
  const versionY = title.bottom - 18;
  drawCentered(page, `Module version ${cert.moduleVersion}`, versionY, {
    font: fonts.regular,
    size: 11,
    color: colors.muted,
    maxWidth: inner,
  });

  // details: two columns of label + value, as high as the title above allows (closer when a signature needs room)
  const signed = Boolean(branding.signerName);
  const top = Math.min(250, versionY - (signed ? 30 : 40));
  const gap = signed ? 8 : 12;
  const left = 80;
  const right = W / 2 + 20;
  const colWidth = W / 2 - 100;
  let y = top;
  y = field(page, fonts, "Date of completion", formatCertificateDate(cert.completedAt), left, y, colWidth, 2, gap);
  y = field(page, fonts, "Contact hours", `${hoursLabel(cert.contactHours)} (clock hours)`, left, y, colWidth, 2, gap);
  const leftBottom = field(page, fonts, "Hours category", cert.hoursCategory, left, y, colWidth, 2, gap);
  y = top;
  y = field(page, fonts, "Provider", cert.providerName, right, y, colWidth, 2, gap);
  y = field(page, fonts, "Cohort", cert.cohortName, right, y, colWidth, 2, gap);
  const instructorsLabel = cert.instructorNames.includes(",") ? "Instructors" : "Instructor";
  const rightBottom = field(page, fonts, instructorsLabel, cert.instructorNames || "—", right, y, colWidth, 2, gap);
  const detailsBottom = Math.min(leftBottom, rightBottom);

  // signature line: the issuer's name and title under it, centered over the band
  if (branding.signerName) {
    const lineY = Math.max(122, Math.min(136, detailsBottom - 6));
    page.drawLine({ start: { x: W / 2 - 130, y: lineY }, end: { x: W / 2 + 130, y: lineY }, thickness: 0.75, color: colors.ink });
    drawCentered(page, branding.signerName, lineY - 14, { font: fonts.bold, size: 11, maxWidth: 300, minSize: 8 });
    if (branding.signerTitle) {
      drawCentered(page, branding.signerTitle, lineY - 27, {
        font: fonts.regular,
        size: 9.5,
        color: colors.muted,
        maxWidth: 300,
        minSize: 7,
      });
    }
  }

  // verification band, with the QR code of the address at its right end (a phone opens the page)
  const qrSide = 72;
  page.drawRectangle({ x: 50, y: 48, width: W - 100, height: 44, color: colors.brandLight });
  page.drawText("Verification code", { x: 64, y: 75, size: 9, font: fonts.regular, color: colors.muted });
  page.drawText(cert.code, { x: 64, y: 57, size: 14, font: fonts.mono, color: colors.ink });
  const verifyLabel = "Verify this certificate online at (or scan the code)";
  page.drawText(verifyLabel, { x: 260, y: 75, size: 9, font: fonts.regular, color: colors.muted });
  drawWrapped(page, verifyUrl, 260, 58, {
    font: fonts.bold,
    size: 11,
    color: colors.brand,
    maxWidth: W - 100 - 210 - qrSide - 16,
    maxLines: 1,
  });
  drawQr(page, verifyUrl, W - 50 - qrSide - 8, 40, qrSide);

  if (cert.revokedAt) {
    drawCentered(page, `REVOKED on ${formatCertificateDate(cert.revokedAt)} — this certificate is no longer valid`, 568, {
      font: fonts.bold,
      size: 12,
      color: colors.danger,
      maxWidth: inner,
    });
  }
  return doc.save();
}

function field(
  page: PDFPage,
  fonts: Record<"regular" | "bold", PDFFont>,
  label: string,
  value: string,
  x: number,
  y: number,
  width: number,
  maxLines = 2,
  gap = 12,
) {
  page.drawText(label.toUpperCase(), { x, y, size: 8.5, font: fonts.regular, color: colors.muted });
  const below = drawWrapped(page, value, x, y - 15, { font: fonts.bold, size: 12.5, maxWidth: width, maxLines });
  return below - gap;
}
