"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { invalid, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { noControlCharacters } from "@/lib/platform/text";
import { erasePersonalData, getErasurePreview } from "@/lib/privacy/erasure";

export type ErasureSummary = Awaited<ReturnType<typeof erasePersonalData>>;

export const eraseLearnerData = formAction(
  {
    permission: "users.manage",
    schema: z
      .object({
        userId: z.string().refine(isUuid, "Unknown account."),
        certificates: z.enum(["revoke", "remove"], { message: "Choose what happens to their certificates." }),
        reason: z
          .string()
          .refine(...noControlCharacters())
          .trim()
          .max(300, "Keep the reason under 300 characters.")
          .optional()
          .default(""),
        confirmEmail: z.string().trim().min(1, "Type the learner's email address to confirm."),
      })
      .refine((v) => v.certificates === "remove" || v.reason.length > 0, {
        path: ["reason"],
        message: "Give the reason the revoked certificates will show.",
      }),
  },
  async ({ userId, certificates, reason, confirmEmail }, user) => {
    const preview = await getErasurePreview({ userId });
    if (!preview) throw notFound("No such account.");
    if (confirmEmail.toLowerCase() !== preview.user.email.toLowerCase()) {
      throw invalid("The email address does not match.", { confirmEmail: `Type ${preview.user.email} exactly to confirm.` });
    }
    const summary = await erasePersonalData({ actor: user, userId, certificates, reason, ip: await clientIp() });
    revalidatePath("/admin/users");
    return { message: "Personal data erased.", data: summary };
  },
);
