import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { getUserForAdmin } from "@/lib/accounts/admin";
import { listAdminChoices, listLearnerCohorts } from "@/lib/accounts/people";
import { EnrolLearnerForm, PersonDetailsForm } from "../people-forms";
import { auditActionLabel } from "@/lib/audit/labels";
import { page } from "@/app/_edge/page";
import { StatusButton } from "../status-button";
import { PasswordLinkForm, PasswordResetForm, RevokeLinkForm, RoleForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

const activityColumns: Column[] = [
  { key: "when", label: "When" },
  { key: "what", label: "What" },
  { key: "by", label: "By" },
  { key: "from", label: "From" },
];

export default page<{ userId: string }>({ permission: "users.manage" }, async ({ user, params }) => {
  const person = await getUserForAdmin({ actor: user, userId: params.userId });
  const self = person.id === user.id;
  const learner = person.role === "learner";
  const [enrolledIn, choices] = learner
    ? await Promise.all([listLearnerCohorts({ actor: user, userId: person.id }), listAdminChoices({ actor: user })])
    : [[], null];
  const erased = person.email.startsWith("erased:");
  return (
    <AppShell user={user} wide breadcrumbs={[{ label: "People", href: "/admin/users" }, { label: person.name }]}>
      <h1 className="mt-1 text-2xl font-bold">{person.name}</h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium">Email</dt>
        <dd>{person.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd className="capitalize">{person.role}</dd>
        <dt className="font-medium">Status</dt>
        <dd className="capitalize" data-testid="account-status">
          {person.status}
        </dd>
        <dt className="font-medium">Password</dt>
        <dd>{person.hasPassword ? "Set" : "Not set yet (invite or set-password link pending)"}</dd>
        <dt className="font-medium">Last sign-in</dt>
        <dd>
          <LocalTime value={person.lastSignInAt} />
        </dd>
        <dt className="font-medium">Open sessions</dt>
        <dd>{person.openSessions}</dd>
        <dt className="font-medium">Account created</dt>
        <dd>
          <LocalTime value={person.createdAt} />
        </dd>
      </dl>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card
          title="Name and email"
          description="Correct a misspelled name or a changed address. They are told in Cohort and by email (an email change is told to both addresses). A new email is what they sign in with; their password stays."
        >
          {erased ? (
            <p className="text-sm text-slate-700">This account was erased.</p>
          ) : (
            <PersonDetailsForm userId={person.id} name={person.name} email={person.email} />
          )}
        </Card>

        {learner && choices && (
          <Card title="Cohorts" description="Enrolling here is immediate: they see the cohort's assignments on their training page.">
            {enrolledIn.length > 0 ? (
              <ul className="mb-3 space-y-1 text-sm" aria-label="Enrolled in">
                {enrolledIn.map((c) => (
                  <li key={c.id}>
                    <Link className="link" href={`/admin/cohorts/${c.id}`}>
                      {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-3 text-sm text-slate-700">Not enrolled in any cohort.</p>
            )}
            {person.status === "active" ? (
              <EnrolLearnerForm userId={person.id} cohorts={choices.cohorts.filter((c) => !enrolledIn.some((e) => e.id === c.id))} />
            ) : (
              <p className="text-sm text-slate-700">Reactivate the account to enroll them.</p>
            )}
          </Card>
        )}

        <Card
          title="Role"
          description={
            self
              ? "You cannot change your own role. Ask another admin to do it."
              : "Changing the role signs them out everywhere; they sign in again with the new role."
          }
        >
          {!self && <RoleForm userId={person.id} role={person.role} />}
        </Card>

        <Card
          title="Access"
          description={
            self
              ? "You cannot deactivate your own account. Ask another admin to do it."
              : person.status === "active"
                ? "Deactivating stops their open sessions at their next request. Their training records are kept."
                : "Reactivating lets them sign in again with their password."
          }
        >
          {!self && <StatusButton userId={person.id} name={person.name} status={person.status} align="start" />}
        </Card>

        <Card title="Sessions" description="For a lost phone or a shared computer: ends every open session of this account.">
          <SignOutEverywhereForm userId={person.id} />
        </Card>

        <Card
          title="Password"
          description={
            person.hasPassword
              ? "For someone who lost their password: Cohort emails them a one-time link to choose a new one. The link goes only to their own address; admins never see or set passwords."
              : "This account has no password yet: a one-time link, shown to you once, for them to choose one."
          }
        >
          {person.status === "active" ? (
            person.hasPassword ? (
              <PasswordResetForm userId={person.id} />
            ) : (
              <PasswordLinkForm userId={person.id} />
            )
          ) : (
            <p className="text-sm text-slate-700">Reactivate the account first.</p>
          )}
          {person.links.length > 0 && (
            <>
              <h3 className="mt-4 text-sm font-semibold">Open links</h3>
              <ul className="mt-1 space-y-2 text-sm">
                {person.links.map((l) => (
                  <li key={l.id} className="flex items-center justify-between gap-2">
                    <span>
                      {l.purpose === "invite" ? "Invite" : "Set-password link"}, created <LocalTime value={l.createdAt} />, expires{" "}
                      <LocalTime value={l.expiresAt} />
                    </span>
                    <RevokeLinkForm
                      tokenId={l.id}
                      userId={person.id}
                      label={`${l.purpose === "invite" ? "invite" : "set-password link"} of ${person.name}`}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>

      <Card title="Records" className="mt-4">
        <ul className="space-y-1 text-sm">
          <li>
            <Link className="link" href={`/admin/users/${person.id}/data`}>
              Personal data
            </Link>{" "}
            — see or delete what Cohort keeps about {person.name}.
          </li>
          {person.role === "learner" && (
            <li>
              <Link className="link" href={`/people/${person.id}/record`}>
                Training record
              </Link>{" "}
              — completions and certificates.
            </li>
          )}
          <li>
            <Link className="link" href={`/admin/audit?${new URLSearchParams({ actor: person.email })}`}>
              Everything they did
            </Link>{" "}
            in the audit log.
          </li>
        </ul>
      </Card>

      <section className="mt-6" aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Recent account activity
        </h2>
        <div className="mt-2">
          <Table caption="Recent account activity" columns={activityColumns} empty="Nothing recorded yet.">
            {person.activity.map((a) => (
              <Tr key={a.id}>
                <Td>
                  <LocalTime value={a.at} />
                </Td>
                <Td>{auditActionLabel(a.action)}</Td>
                <Td>{a.actorEmail ?? "—"}</Td>
                <Td>{a.ip ?? "—"}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </section>
    </AppShell>
  );
});
