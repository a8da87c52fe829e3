"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_edge/action";
import { settingsFormSchema, updateOrgSettings } from "@/lib/certificates/settings";
import { clientIp } from "@/lib/platform/http/request";

export const saveSettings = formAction({ roles: ["admin"], schema: settingsFormSchema }, async (input, user) => {
  await updateOrgSettings({ actor: user, input, ip: await clientIp() });
  revalidatePath("/admin/settings");
  return { message: "Settings saved. New certificates will print these details; issued ones keep theirs." };
});
