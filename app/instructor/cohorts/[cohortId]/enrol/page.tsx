import type { Metadata } from "next";
import { page } from "@/app/_edge/page";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { LocalTime } from "@/app/_components/local-time";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { listCohortInvites } from "@/lib/cohorts/invite-links";
import { requireCohort } from "@/lib/cohorts/cohorts";
import { listRemovedLearners } from "@/lib/cohorts/enrolment";
import { listCohortPendingEnrolments } from "@/lib/cohorts/pending-enrolments";
import { AddByEmailForm } from "./add-by-email-form";
import { CreateInviteForm, RevokeInviteButton } from "./invite-forms";
import { ReenrolButton } from "./reenrol-button";
import { RosterImport } from "./roster-import";

export const metadata: Metadata = { title: "Enroll learners" };

const inviteColumns: Column[] = [
  { key: "created", label: "Created" },
  { key: "expires", label: "Expires" },
  { key: "used", label: "Used", numeric: true },
  { key: "state", label: "State" },
  { key: "actions", label: <span className="sr-only">Actions</span> },
];

const stateLabel = { open: "Open", expired: "Expired", revoked: "Withdrawn", used_up: "Used up" } as const;

export default page<{ cohortId: string }>({ permission: "workspace.instructor" }, async ({ user, params }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.manage");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  const archived = cohort.status === "archived";
  const [invites, removed, pending] = await Promise.all([
    listCohortInvites({ actor: user, cohortId: cohort.id }),
    listRemovedLearners({ actor: user, cohortId: cohort.id }),
    listCohortPendingEnrolments({ actor: user, cohortId: cohort.id }),
  ]);
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="enrol" basePath={basePath} manage />
      {archived ? (
        <Card>
          <p>This cohort is archived, so no one can join it. Unarchive it in Settings to enroll learners again.</p>
        </Card>
      ) : (
        <div className="space-y-8">
          <Card title="Invite link" className="space-y-4">
            <p className="text-slate-700">
              Anyone with the link can join this cohort: people without an account create one, learners who have one join with a click.
            </p>
            <CreateInviteForm cohortId={cohort.id} />
            {invites.length > 0 && (
              <Table caption="Invite links of this cohort" columns={inviteColumns} framed={false}>
                {invites.map((i) => (
                  <Tr key={i.id} data-testid="invite-row">
                    <Td>
                      <LocalTime value={i.createdAt} />
                      {i.createdByName ? ` by ${i.createdByName}` : ""}
                    </Td>
                    <Td>
                      <LocalTime value={i.expiresAt} />
                    </Td>
                    <Td numeric>
                      {i.uses} of {i.maxUses}
                    </Td>
                    <Td>{stateLabel[i.state]}</Td>
                    <Td className="text-right">{i.state === "open" && <RevokeInviteButton cohortId={cohort.id} inviteId={i.id} />}</Td>
                  </Tr>
                ))}
              </Table>
            )}
          </Card>

          <Card title="Add by email" className="space-y-4">
            <p className="text-slate-700">
              For a new email, give a name: an account is made and enrolled, and you get a link for them to choose a password. Someone who
              already has an account is asked to accept (on their training page, and by email when email is set up) and joins when they do.
            </p>
            <AddByEmailForm cohortId={cohort.id} />
            {pending.length > 0 && (
              <div>
                <h3 className="font-semibold">Asked to join</h3>
                <ul className="mt-1 divide-y text-sm" aria-label="Learners asked to join">
                  {pending.map((p) => (
                    <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2" data-testid="pending-row">
                      <span>{p.email}</span>
                      <span className="text-slate-700">
                        {p.declinedAt ? (
                          <>
                            Declined <LocalTime value={p.declinedAt} dateOnly />
                          </>
                        ) : (
                          <>
                            Waiting since <LocalTime value={p.createdAt} dateOnly />
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>

          <Card title="Import a roster (CSV)" className="space-y-4">
            <RosterImport cohortId={cohort.id} />
          </Card>

          <Card title="Removed learners" className="space-y-3">
            {removed.length === 0 ? (
              <p className="text-slate-700">
                No one has been removed. Remove a learner from their page (open their name in the progress table).
              </p>
            ) : (
              <ul className="divide-y">
                {removed.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {r.name}{" "}
                      <span className="text-slate-600">
                        ({r.email}), removed <LocalTime value={r.removedAt} dateOnly />
                      </span>
                    </span>
                    <ReenrolButton cohortId={cohort.id} learnerId={r.id} name={r.name} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </AppShell>
  );
});
