"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_edge/action";
import { settingsFormSchema, updateOrgSettings } from "@/lib/certificates/settings";
import { clientIp } from "@/app/_edge/http";

export const saveSettings = formAction({ permission: "settings.manage", schema: settingsFormSchema }, async (input, user) => {
  await updateOrgSettings({ actor: user, input, ip: await clientIp() });
  revalidatePath("/admin/settings");
  return { message: "Settings saved. New certificates will print these details; issued ones keep theirs." };
});
