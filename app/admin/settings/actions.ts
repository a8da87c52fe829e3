"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_edge/action";
import { settingsFormSchema, updateOrgSettings } from "@/lib/certificates/settings";
import { clientIp } from "@/app/_edge/http";

export const saveSettings = formAction({ permission: "settings.manage", schema: settingsFormSchema }, async (input, user) => {
  const saved = await updateOrgSettings({ actor: user, input, ip: await clientIp() });
  revalidatePath("/admin/settings");
  const n = saved.hourTargets.length;
  const removed = saved.removed.length ? ` Removed: ${saved.removed.map((c) => `“${c}”`).join(", ")}.` : "";
  return {
    message: `Settings saved with ${n} hour target${n === 1 ? "" : "s"}.${removed} New certificates will print these details; issued ones keep theirs.`,
  };
});
