"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_edge/action";
import { settingsFormSchema, updateOrgSettings } from "@/lib/certificates/settings";
import { clientIp } from "@/app/_edge/http";
import { removeCertificateLogo, setCertificateLogo } from "@/lib/certificates/logo";
import { z } from "zod";

export const saveSettings = formAction({ permission: "settings.manage", schema: settingsFormSchema }, async (input, user) => {
  const saved = await updateOrgSettings({ actor: user, input, ip: await clientIp() });
  revalidatePath("/admin/settings");
  const n = saved.hourTargets.length;
  const removed = saved.removed.length ? ` Removed: ${saved.removed.map((c) => `“${c}”`).join(", ")}.` : "";
  return {
    message: `Settings saved with ${n} hour target${n === 1 ? "" : "s"}.${removed} New certificates will print these details; issued ones keep theirs.`,
  };
});

/** The certificate logo: the file is checked by its content in lib (type, size, pixels); a refused one leaves the old logo. */
export const uploadLogo = formAction({ permission: "settings.manage", schema: z.object({}) }, async (_input, user, formData) => {
  const file = formData.get("logo");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: "Choose an image file to upload.", fieldErrors: { logo: "Choose an image file to upload." } };
  }
  const { width, height } = await setCertificateLogo({
    actor: user,
    bytes: new Uint8Array(await file.arrayBuffer()),
    ip: await clientIp(),
  });
  revalidatePath("/admin/settings");
  return { message: `Logo saved (${width} × ${height} pixels). New downloads of every certificate print it.` };
});

export const removeLogo = formAction({ permission: "settings.manage", schema: z.object({}) }, async (_input, user) => {
  await removeCertificateLogo({ actor: user, ip: await clientIp() });
  revalidatePath("/admin/settings");
  return { message: "Logo removed. Certificates print without one." };
});
