import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { listOpenInvites } from "@/lib/accounts/staff-invites";
import { mailConfigured } from "@/lib/platform/mail";
import { RevokeLinkForm } from "../[userId]/account-forms";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite staff" };

export default page({ permission: "users.manage" }, async ({ user }) => {
  const invites = await listOpenInvites({ actor: user });
  const mail = mailConfigured();
  return (
    <AppShell user={user} wide>
      <p className="text-sm">
        <Link className="link" href="/admin/users">
          People
        </Link>{" "}
        / Invites
      </p>
      <h1 className="mt-1 text-2xl font-bold">Invite an instructor or admin</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        They get an account without a password and a link to choose one.{" "}
        {mail
          ? "The link is emailed to them and shown here once."
          : "Email is not configured: the link is shown here once for you to send."}{" "}
        Learners join through their cohort&apos;s invite instead.
      </p>
      <section className="card mt-4" aria-label="New invite">
        <InviteForm mailConfigured={mail} />
      </section>

      <h2 className="mt-8 text-lg font-semibold">Open invites</h2>
      {invites.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No open invites. Invites that were accepted, revoked or expired are not listed.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Open invites</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  Name
                </th>
                <th scope="col" className="p-2">
                  Email
                </th>
                <th scope="col" className="p-2">
                  Role
                </th>
                <th scope="col" className="p-2">
                  Invited by
                </th>
                <th scope="col" className="p-2">
                  Sent
                </th>
                <th scope="col" className="p-2">
                  Expires
                </th>
                <th scope="col" className="p-2 text-right">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id} className="border-b" data-testid={`invite-row-${i.email}`}>
                  <td className="p-2">
                    <Link className="link" href={`/admin/users/${i.userId}`}>
                      {i.name}
                    </Link>
                  </td>
                  <td className="p-2">{i.email}</td>
                  <td className="p-2 capitalize">{i.role}</td>
                  <td className="p-2">{i.invitedBy ?? "—"}</td>
                  <td className="p-2">
                    <LocalTime value={i.createdAt} />
                  </td>
                  <td className="p-2">
                    <LocalTime value={i.expiresAt} />
                  </td>
                  <td className="p-2 text-right">
                    <RevokeLinkForm tokenId={i.id} label={`invite of ${i.name}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AppShell>
  );
});
