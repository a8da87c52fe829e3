import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { getUserForAdmin } from "@/lib/accounts/admin";
import { auditActionLabels } from "@/lib/audit/log";
import { page } from "@/app/_edge/page";
import { StatusButton } from "../status-button";
import { PasswordLinkForm, PasswordResetForm, RevokeLinkForm, RoleForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default page<{ userId: string }>({ permission: "users.manage" }, async ({ user, params }) => {
  const person = await getUserForAdmin({ actor: user, userId: params.userId });
  const self = person.id === user.id;
  return (
    <AppShell user={user} wide>
      <p className="text-sm">
        <Link className="link" href="/admin/users">
          People
        </Link>{" "}
        / {person.name}
      </p>
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
        <section className="card" aria-labelledby="role-heading">
          <h2 id="role-heading" className="text-lg font-semibold">
            Role
          </h2>
          {self ? (
            <p className="mt-2 text-sm text-slate-700">You cannot change your own role. Ask another admin to do it.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-700">
                Changing the role signs them out everywhere; they sign in again with the new role.
              </p>
              <div className="mt-3">
                <RoleForm userId={person.id} role={person.role} />
              </div>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading" className="text-lg font-semibold">
            Access
          </h2>
          {self ? (
            <p className="mt-2 text-sm text-slate-700">You cannot deactivate your own account. Ask another admin to do it.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-700">
                {person.status === "active"
                  ? "Deactivating stops their open sessions at their next request. Their training records are kept."
                  : "Reactivating lets them sign in again with their password."}
              </p>
              <div className="mt-3">
                <StatusButton userId={person.id} name={person.name} status={person.status} align="start" />
              </div>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Sessions
          </h2>
          <p className="mt-1 text-sm text-slate-700">For a lost phone or a shared computer: ends every open session of this account.</p>
          <div className="mt-3">
            <SignOutEverywhereForm userId={person.id} />
          </div>
        </section>

        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-lg font-semibold">
            Password
          </h2>
          {person.hasPassword ? (
            <p className="mt-1 text-sm text-slate-700">
              For someone who lost their password: Cohort emails them a one-time link to choose a new one. The link goes only to their own
              address; admins never see or set passwords.
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              This account has no password yet: a one-time link, shown to you once, for them to choose one.
            </p>
          )}
          {person.status === "active" ? (
            <div className="mt-3">
              {person.hasPassword ? <PasswordResetForm userId={person.id} /> : <PasswordLinkForm userId={person.id} />}
            </div>
          ) : (
            <p className="mt-3 text-sm text-slate-700">Reactivate the account first.</p>
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
        </section>
      </div>

      <section className="card mt-4" aria-labelledby="data-heading">
        <h2 id="data-heading" className="text-lg font-semibold">
          Records
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
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
      </section>

      <section className="mt-6" aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Recent account activity
        </h2>
        {person.activity.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Nothing recorded yet.</p>
        ) : (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Recent account activity</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  When
                </th>
                <th scope="col" className="p-2">
                  What
                </th>
                <th scope="col" className="p-2">
                  By
                </th>
                <th scope="col" className="p-2">
                  From
                </th>
              </tr>
            </thead>
            <tbody>
              {person.activity.map((a) => (
                <tr key={a.id} className="border-b">
                  <td className="p-2">
                    <LocalTime value={a.at} />
                  </td>
                  <td className="p-2">{auditActionLabels[a.action] ?? a.action}</td>
                  <td className="p-2">{a.actorEmail ?? "—"}</td>
                  <td className="p-2">{a.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AppShell>
  );
});
