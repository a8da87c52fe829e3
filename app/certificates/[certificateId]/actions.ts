"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionError, formAction } from "@/app/_edge/action";
import { isUuid } from "@/lib/access/scope";
import { revokeCertificate, revokeReasonSchema, RevokeError } from "@/lib/certificates/revoke";
import { clientIp } from "@/app/_edge/http";

export const revokeCertificateAction = formAction(
  {
    permission: "certificate.revoke",
    schema: z.object({ certificateId: z.string().refine(isUuid, "Unknown certificate."), reason: revokeReasonSchema }),
  },
  async ({ certificateId, reason }, user) => {
    try {
      await revokeCertificate({ actor: user, certificateId, reason, ip: await clientIp() });
    } catch (e) {
      if (e instanceof RevokeError && e.reason === "not_found") notFound();
      if (e instanceof RevokeError) throw new ActionError(e.message);
      throw e;
    }
    revalidatePath(`/certificates/${certificateId}`);
    return { message: "The certificate is revoked. Verification now says so." };
  },
);
