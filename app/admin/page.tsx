import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { requireRole } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Organisation overview" };

export default async function AdminHome() {
  const user = await requireRole("admin", "/admin");
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Organisation overview</h1>
      <p className="mt-2 text-slate-700">Completion across every cohort appears here.</p>
    </AppShell>
  );
}
