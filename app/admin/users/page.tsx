import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Button, buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { roles } from "@/lib/access/permissions";
import { listUsers } from "@/lib/accounts/admin";
import { page } from "@/app/_edge/page";
import { PeopleBulkBar, PEOPLE_FORM_ID } from "./people-bulk-bar";
import { StatusButton } from "./status-button";

export const metadata: Metadata = { title: "People" };

const columns: Column[] = [
  { key: "select", label: <span className="sr-only">Select</span> },
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "role", label: "Role" },
  { key: "status", label: "Status" },
  { key: "lastSignIn", label: "Last sign-in" },
  { key: "actions", label: "Actions", className: "text-right" },
];

const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

export default page({ permission: "users.manage" }, async ({ user, query }) => {
  const params = filtersSchema.parse(query);
  const { rows, total, page: current, pageCount } = await listUsers({ actor: user, ...params, q: params.q || undefined });
  const filtered = Boolean(params.q || params.role || params.status);
  const link = (p: number) =>
    `/admin/users?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(params.role ? { role: params.role } : {}), ...(params.status ? { status: params.status } : {}), page: String(p) })}`;
  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">People</h1>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClasses({ variant: "secondary" })} href="/admin/users/new">
            Add a learner
          </Link>
          <Link className={buttonClasses({ variant: "secondary" })} href="/admin/users/import">
            Import learners
          </Link>
          <Link className={buttonClasses()} href="/admin/users/invites">
            Invite an instructor or admin
          </Link>
        </div>
      </div>
      <form className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <TextField name="q" label="Search name or email" defaultValue={params.q} width="auto" />
        <SelectField name="role" label="Role" defaultValue={params.role ?? ""} width="auto">
          <option value="">Any</option>
          <option value="admin">Admin</option>
          <option value="instructor">Instructor</option>
          <option value="learner">Learner</option>
        </SelectField>
        <SelectField name="status" label="Status" defaultValue={params.status ?? ""} width="auto">
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </SelectField>
        <Button type="submit">Apply</Button>
        {filtered && (
          <Link className="link text-sm" href="/admin/users">
            Clear filters
          </Link>
        )}
      </form>
      <p className="mt-4 mb-2 text-sm text-slate-700" role="status">
        {total} {total === 1 ? "person" : "people"}
        {filtered ? (total === 1 ? " matches" : " match") : ""}
      </p>
      {total > 0 && <PeopleBulkBar filter={{ q: params.q, role: params.role, status: params.status }} total={total} />}
      <Table
        caption="People"
        columns={columns}
        empty={
          <EmptyState
            action={
              filtered && (
                <Link className={buttonClasses({ variant: "secondary" })} href="/admin/users">
                  Show everyone
                </Link>
              )
            }
          >
            {filtered ? "No one matches these filters." : "No one has an account yet."}
          </EmptyState>
        }
      >
        {rows.map((u) => (
          <Tr key={u.id} data-testid={`user-row-${u.email}`}>
            <Td>
              <input type="checkbox" name="userId" value={u.id} form={PEOPLE_FORM_ID} aria-label={`Select ${u.name}`} />
            </Td>
            <Td>
              <Link className="link" href={`/admin/users/${u.id}`}>
                {u.name}
              </Link>
            </Td>
            <Td>{u.email}</Td>
            <Td className="capitalize">{u.role}</Td>
            <Td className="capitalize">
              {u.status}
              {!u.hasPassword && u.status === "active" && <span className="ml-1 text-slate-600 normal-case">(no password yet)</span>}
            </Td>
            <Td>
              <LocalTime value={u.lastSignInAt} />
            </Td>
            <Td className="text-right">
              {u.id === user.id ? (
                <span className="text-slate-600">You</span>
              ) : (
                <StatusButton userId={u.id} name={u.name} status={u.status} confirm />
              )}
            </Td>
          </Tr>
        ))}
      </Table>
      <Pagination page={current} pageCount={pageCount} href={link} />
    </AppShell>
  );
});
