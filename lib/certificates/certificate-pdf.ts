/**
 * The certificate as a one-page landscape PDF (US Letter) with real,
 * selectable text in embedded DejaVu subsets (pdf-fonts.ts). Pure: takes the frozen certificate
 * fields and the verification address, so a script can render a sample.
 */
import { PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
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

const W = 792;
const H = 612;

export async function renderCertificatePdf(cert: CertificatePdfInput, verifyUrl: string): Promise<Uint8Array> {
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
  drawCentered(page, cert.providerName, 540, { font: fonts.bold, size: 14, color: colors.brand, maxWidth: inner, minSize: 10 });
  if (cert.providerApprovalNumber) {
    drawCentered(page, `Provider approval number: ${cert.providerApprovalNumber}`, 522, {
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

  // details: two columns of label + value, as high as the title above allows
  const top = Math.min(250, versionY - 40);
  const left = 80;
  const right = W / 2 + 20;
  const colWidth = W / 2 - 100;
  let y = top;
  y = field(page, fonts, "Date of completion", formatCertificateDate(cert.completedAt), left, y, colWidth);
  y = field(page, fonts, "Contact hours", `${hoursLabel(cert.contactHours)} (clock hours)`, left, y, colWidth);
  field(page, fonts, "Hours category", cert.hoursCategory, left, y, colWidth);
  y = top;
  y = field(page, fonts, "Provider", cert.providerName, right, y, colWidth);
  y = field(page, fonts, "Cohort", cert.cohortName, right, y, colWidth);
  field(page, fonts, cert.instructorNames.includes(",") ? "Instructors" : "Instructor", cert.instructorNames || "—", right, y, colWidth, 2);

  // verification band
  page.drawRectangle({ x: 50, y: 48, width: W - 100, height: 44, color: colors.brandLight });
  page.drawText("Verification code", { x: 64, y: 75, size: 9, font: fonts.regular, color: colors.muted });
  page.drawText(cert.code, { x: 64, y: 57, size: 14, font: fonts.mono, color: colors.ink });
  const verifyLabel = "Verify this certificate online at";
  page.drawText(verifyLabel, { x: 290, y: 75, size: 9, font: fonts.regular, color: colors.muted });
  drawWrapped(page, verifyUrl, 290, 58, { font: fonts.bold, size: 11, color: colors.brand, maxWidth: W - 100 - 250, maxLines: 1 });

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
) {
  page.drawText(label.toUpperCase(), { x, y, size: 8.5, font: fonts.regular, color: colors.muted });
  const below = drawWrapped(page, value, x, y - 15, { font: fonts.bold, size: 12.5, maxWidth: width, maxLines });
  return below - 12;
}
