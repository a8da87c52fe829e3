import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { roles } from "@/lib/access/permissions";
import { listUsers } from "@/lib/accounts/admin";
import { page } from "@/app/_edge/page";
import { StatusButton } from "./status-button";

export const metadata: Metadata = { title: "People" };

const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

export default page({ permission: "users.manage" }, async ({ user, query }) => {
  const params = filtersSchema.parse(query);
  const { rows, total, page: current, pageCount } = await listUsers({ actor: user, ...params, q: params.q || undefined });
  const link = (p: number) =>
    `/admin/users?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(params.role ? { role: params.role } : {}), ...(params.status ? { status: params.status } : {}), page: String(p) })}`;
  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">People</h1>
        <Link className="btn" href="/admin/users/invites">
          Invite an instructor or admin
        </Link>
      </div>
      <form className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="label">
            Search name or email
          </label>
          <input id="q" name="q" defaultValue={params.q} className="input" />
        </div>
        <div>
          <label htmlFor="role" className="label">
            Role
          </label>
          <select id="role" name="role" defaultValue={params.role ?? ""} className="input">
            <option value="">Any</option>
            <option value="admin">Admin</option>
            <option value="instructor">Instructor</option>
            <option value="learner">Learner</option>
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            Status
          </label>
          <select id="status" name="status" defaultValue={params.status ?? ""} className="input">
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </div>
        <button className="btn" type="submit">
          Apply
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-700">
        {total} {total === 1 ? "person" : "people"}
      </p>
      {rows.length === 0 ? (
        <p className="card mt-2">No one matches these filters — clear the search to see everyone.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">People</caption>
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
                  Status
                </th>
                <th scope="col" className="p-2">
                  Last sign-in
                </th>
                <th scope="col" className="p-2 text-right">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-b" data-testid={`user-row-${u.email}`}>
                  <td className="p-2">
                    <Link className="link" href={`/admin/users/${u.id}`}>
                      {u.name}
                    </Link>
                  </td>
                  <td className="p-2">{u.email}</td>
                  <td className="p-2 capitalize">{u.role}</td>
                  <td className="p-2 capitalize">
                    {u.status}
                    {!u.hasPassword && u.status === "active" && <span className="ml-1 text-slate-600 normal-case">(no password yet)</span>}
                  </td>
                  <td className="p-2">
                    <LocalTime value={u.lastSignInAt} />
                  </td>
                  <td className="p-2 text-right">
                    {u.id === user.id ? (
                      <span className="text-slate-600">You</span>
                    ) : (
                      <StatusButton userId={u.id} name={u.name} status={u.status} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {current > 1 && (
            <Link className="link" href={link(current - 1)}>
              Previous page
            </Link>
          )}
          <span>
            Page {current} of {pageCount}
          </span>
          {current < pageCount && (
            <Link className="link" href={link(current + 1)}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </AppShell>
  );
});
