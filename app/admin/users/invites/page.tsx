import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import { listOpenInvites } from "@/lib/accounts/staff-invites";
import { mailConfigured } from "@/lib/platform/mail";
import { RevokeLinkForm } from "../[userId]/account-forms";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite staff" };

const columns: Column[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "role", label: "Role" },
  { key: "invitedBy", label: "Invited by" },
  { key: "sent", label: "Sent" },
  { key: "expires", label: "Expires" },
  { key: "actions", label: "Actions", className: "text-right" },
];

export default page({ permission: "users.manage" }, async ({ user }) => {
  const invites = await listOpenInvites({ actor: user });
  const mail = mailConfigured();
  return (
    <AppShell user={user} wide breadcrumbs={[{ label: "People", href: "/admin/users" }, { label: "Invites" }]}>
      <h1 className="mt-1 text-2xl font-bold">Invite an instructor or admin</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        They get an account without a password and a link to choose one.{" "}
        {mail
          ? "The link is emailed to them and shown here once."
          : "Email is not configured: the link is shown here once for you to send."}{" "}
        Learners join through their cohort&apos;s invite instead.
      </p>
      <Card as="section" aria-label="New invite" className="mt-4">
        <InviteForm mailConfigured={mail} />
      </Card>

      <h2 className="mt-8 text-lg font-semibold">Open invites</h2>
      <div className="mt-2">
        <Table
          caption="Open invites"
          columns={columns}
          empty={<p className="text-sm text-slate-700">No open invites. Invites that were accepted, revoked or expired are not listed.</p>}
        >
          {invites.map((i) => (
            <Tr key={i.id} data-testid={`invite-row-${i.email}`}>
              <Td>
                <Link className="link" href={`/admin/users/${i.userId}`}>
                  {i.name}
                </Link>
              </Td>
              <Td>{i.email}</Td>
              <Td className="capitalize">{i.role}</Td>
              <Td>{i.invitedBy ?? "—"}</Td>
              <Td>
                <LocalTime value={i.createdAt} />
              </Td>
              <Td>
                <LocalTime value={i.expiresAt} />
              </Td>
              <Td className="text-right">
                <RevokeLinkForm tokenId={i.id} label={`invite of ${i.name}`} />
              </Td>
            </Tr>
          ))}
        </Table>
      </div>
    </AppShell>
  );
});
