import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { MAX_TARGETS, readOrgSettings } from "@/lib/certificates/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default page({ permission: "settings.manage" }, async ({ user }) => {
  const settings = await readOrgSettings();
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mt-2 mb-6 text-slate-700">
        What certificates print as the provider, and the hour targets that training records measure progress against.
      </p>
      <SettingsForm initial={settings} maxTargets={MAX_TARGETS} />
    </AppShell>
  );
});
