"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { revokeCertificate, revokeReasonSchema } from "@/lib/certificates/revoke";
import { isUuid } from "@/lib/platform/ids";

/** An unknown certificate answers 404; one already revoked, a message on the form. */
export const revokeCertificateAction = formAction(
  {
    permission: "certificate.revoke",
    schema: z.object({ certificateId: z.string().refine(isUuid, "Unknown certificate."), reason: revokeReasonSchema }),
  },
  async ({ certificateId, reason }, user) => {
    await revokeCertificate({ actor: user, certificateId, reason, ip: await clientIp() });
    revalidatePath(`/certificates/${certificateId}`);
    return { message: "The certificate is revoked. Verification now says so." };
  },
);
