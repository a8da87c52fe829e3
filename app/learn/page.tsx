import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { requireRole } from "@/lib/auth/current";

export const metadata: Metadata = { title: "My training" };

export default async function LearnerHome() {
  const user = await requireRole("learner", "/learn");
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">My training</h1>
      <p className="mt-2 text-slate-700">Nothing is assigned to you yet.</p>
    </AppShell>
  );
}
