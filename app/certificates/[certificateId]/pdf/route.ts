import { getCurrentUser } from "@/app/_edge/session";
import { getViewableCertificate } from "@/lib/access/certificates";
import { certificatePdfDownload } from "@/lib/certificates/exports";
import { notFoundResponse, signInRedirect } from "@/lib/platform/http/download";

/** The certificate PDF: learners their own, instructors their cohorts' learners', admins any; else 404. */
export async function GET(req: Request, { params }: { params: Promise<{ certificateId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return signInRedirect(req);
  const cert = await getViewableCertificate({ viewer: user, certificateId: (await params).certificateId });
  if (!cert) return notFoundResponse();
  return certificatePdfDownload(cert);
}
