import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { requireRole } from "@/app/_edge/session";
import { MAX_TARGETS, readOrgSettings } from "@/lib/certificates/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireRole("admin", "/admin/settings");
  const settings = await readOrgSettings();
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mt-2 mb-6 text-slate-700">What certificates print as the provider, and the hour targets that training records measure progress against.</p>
      <SettingsForm initial={settings} maxTargets={MAX_TARGETS} />
    </AppShell>
  );
}
