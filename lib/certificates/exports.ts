import { downloadResponse } from "@/lib/platform/http/download";
import { renderCertificatePdf } from "./certificate-pdf";
import { fileSlug } from "@/lib/platform/file-name";
import type { Certificate } from "./issue";
import { readIssuedLogo } from "./logo";
import { publicOrigin, verificationUrl } from "./links";
import { getTrainingRecord } from "./record";
import { trainingRecordCsv } from "./record-csv";
import { renderTranscriptPdf } from "./transcript-pdf";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** `cohortIds`: the part of the record the viewer may see (null: all of it). */
type Learner = { id: string; name: string; cohortIds?: string[] | null };

/** The certificate PDF as a download (the caller has checked who may have it). */
export async function certificatePdfDownload(cert: Certificate) {
  // the logo it was issued with, like the signer and every other fact on it: a later change of logo rewrites nothing
  const logo = await readIssuedLogo(cert.logoSha256);
  const bytes = await renderCertificatePdf(cert, verificationUrl(cert.code), {
    logo,
    signerName: cert.signerName,
    signerTitle: cert.signerTitle,
  });
  return downloadResponse(bytes, {
    filename: `certificate-${fileSlug(cert.learnerName, "learner")}-${fileSlug(cert.moduleTitle, "module")}-${cert.code}.pdf`,
    contentType: "application/pdf",
  });
}

export async function trainingRecordCsvDownload(learner: Learner, now = new Date()) {
  const record = await getTrainingRecord({ learnerId: learner.id, cohortIds: learner.cohortIds ?? null });
  return downloadResponse(trainingRecordCsv({ learnerName: learner.name, entries: record.entries, verifyUrl: verificationUrl }), {
    filename: `training-record-${fileSlug(learner.name, "learner")}-${isoDate(now)}.csv`,
    contentType: "text/csv; charset=utf-8",
  });
}

export async function trainingRecordPdfDownload(learner: Learner, now = new Date()) {
  const record = await getTrainingRecord({ learnerId: learner.id, cohortIds: learner.cohortIds ?? null });
  const bytes = await renderTranscriptPdf({ learnerName: learner.name, record, generatedAt: now, verifyBase: `${publicOrigin()}/verify` });
  return downloadResponse(bytes, {
    filename: `training-record-${fileSlug(learner.name, "learner")}-${isoDate(now)}.pdf`,
    contentType: "application/pdf",
  });
}
