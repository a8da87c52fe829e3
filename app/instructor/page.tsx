import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { requireRole } from "@/lib/auth/current";

export const metadata: Metadata = { title: "My cohorts" };

export default async function InstructorHome() {
  const user = await requireRole("instructor", "/instructor");
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">My cohorts</h1>
      <p className="mt-2 text-slate-700">No cohorts yet.</p>
    </AppShell>
  );
}
