import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { readCertificateLogo } from "@/lib/certificates/logo";
import { MAX_TARGETS, readOrgSettings } from "@/lib/certificates/settings";
import { LogoForm } from "./logo-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default page({ permission: "settings.manage" }, async ({ user }) => {
  const [settings, logo] = await Promise.all([readOrgSettings(), readCertificateLogo()]);
  // the preview's address changes with the image, so a browser never shows the one replaced
  const version = logo ? String(logo.bytes.length) + "-" + String(logo.bytes.reduce((h, b) => (h * 31 + b) >>> 0, 7)) : "";
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mt-2 mb-6 text-slate-700">
        What certificates print (the provider, its logo and who signs), and the hour targets that training records measure progress against.
      </p>
      <div className="space-y-6">
        <LogoForm logo={logo ? { width: logo.width, height: logo.height, version } : null} />
        <SettingsForm initial={settings} maxTargets={MAX_TARGETS} />
      </div>
    </AppShell>
  );
});
