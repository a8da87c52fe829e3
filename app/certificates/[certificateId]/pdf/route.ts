import { route } from "@/app/_edge/route";
import { requireViewableCertificate } from "@/lib/access/certificates";
import { certificatePdfDownload } from "@/lib/certificates/exports";

/** The certificate PDF: learners their own, instructors their cohorts' learners', admins any; else 404. */
export const GET = route<{ certificateId: string }>({ permission: "certificate.download", kind: "download" }, async ({ user, params }) => {
  const cert = await requireViewableCertificate({ viewer: user, certificateId: params.certificateId });
  return certificatePdfDownload(cert);
});
