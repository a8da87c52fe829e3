import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import { templates } from "@/emails/templates";
import { notificationKinds } from "@/lib/notifications/kinds";
import { sampleKinds } from "@/emails/samples";

export const metadata: Metadata = { title: "Email templates" };

const audience = { learner: "Learners", instructor: "Instructors", admin: "Admins", any: "Anyone" } as const;

const columns: Column[] = [
  { key: "kind", label: "Email" },
  { key: "to", label: "Sent to" },
  { key: "button", label: "Button" },
  { key: "optional", label: "Can be turned off" },
];

/** Every kind of email Cohort sends, each opening a preview filled with sample data. */
export default page({ permission: "users.manage" }, async ({ user }) => (
  <AppShell user={user} wide>
    <p className="text-sm">
      <Link href="/admin/messages" className="underline">
        Messages
      </Link>
    </p>
    <h1 className="mt-2 text-2xl font-bold">Email templates</h1>
    <p className="mt-1 max-w-prose text-slate-700">
      Every kind of email Cohort sends. Open one to see it as a person would, filled with sample data and your organization&apos;s name.
    </p>
    <div className="mt-4">
      <Table caption="Email templates" columns={columns} empty="No templates.">
        {sampleKinds.map((kind) => (
          <Tr key={kind}>
            <Td>
              <Link href={`/admin/messages/templates/${kind}`} className="font-medium text-brand-800 underline">
                {notificationKinds[kind].label}
              </Link>
            </Td>
            <Td>{audience[notificationKinds[kind].audience]}</Td>
            <Td>{templates[kind].action}</Td>
            <Td>{notificationKinds[kind].optional ? "Yes" : "No: always sent"}</Td>
          </Tr>
        ))}
      </Table>
    </div>
  </AppShell>
));
