import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { notFound } from "@/lib/platform/errors";
import { getErasurePreview } from "@/lib/privacy/erasure";
import { EraseForm } from "./erase-form";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Erase personal data" };

export default page<{ userId: string }>({ permission: "users.manage" }, async ({ user, params }) => {
  const preview = await getErasurePreview({ userId: params.userId });
  if (!preview) throw notFound();
  const { user: target, counts } = preview;
  return (
    <AppShell
      user={user}
      wide
      breadcrumbs={[
        { label: "People", href: "/admin/users" },
        { label: target.name, href: `/admin/users/${target.id}` },
        { label: "Erase personal data" },
      ]}
    >
      <h1 className="mt-1 text-2xl font-bold">Erase personal data</h1>
      <div className={cx(cardClasses, "mt-4 max-w-3xl")}>
        {target.role !== "learner" ? (
          <p>
            {target.name} is {target.role === "admin" ? "an admin" : "an instructor"}. Only learners&apos; training data is erased here; to
            stop a staff account, deactivate it on the{" "}
            <Link className="link" href="/admin/users">
              People
            </Link>{" "}
            page.
          </p>
        ) : (
          <EraseForm userId={target.id} email={target.email} alreadyErased={preview.alreadyErased}>
            <p>
              You are about to erase what Cohort holds about <strong>{target.name}</strong> ({target.email}). This cannot be undone. Use it
              when a learner asks for their data to be deleted, after giving them the chance to download it from their account page.
            </p>
            <h2 className="mt-4 font-semibold">What happens</h2>
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
              <li>Their {counts.reflections} reflections (drafts included) and the feedback on them are deleted.</li>
              <li>Their {counts.quizAttempts} quiz attempts and every answer are deleted, and which of the lesson sections they read.</li>
              <li>Their progress is reset and their enrollments end, so reports no longer count them.</li>
              <li>
                The account is renamed &ldquo;Erased learner&rdquo;, its email and password are removed, it is deactivated and every session
                ends.
              </li>
              <li>The audit log keeps that this happened and who did it, but no longer their email or IP addresses.</li>
              <li>
                They hold {counts.certificates} {counts.certificates === 1 ? "certificate" : "certificates"} ({counts.activeCertificates}{" "}
                valid): you choose below what happens to them.
              </li>
            </ul>
          </EraseForm>
        )}
      </div>
    </AppShell>
  );
});
