"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { roles } from "@/lib/access/permissions";
import { changeUserRole, createPasswordLink, sendPasswordReset, setUserStatus, signOutUserEverywhere } from "@/lib/accounts/admin";
import { bulkChangePeople, type PeopleSelection } from "@/lib/accounts/bulk";
import { nameSchema } from "@/lib/accounts/users";
import { inviteStaff, revokeAccountLink } from "@/lib/accounts/staff-invites";
import { env } from "@/lib/platform/env";
import { isUuid } from "@/lib/platform/ids";

const userId = z.string().refine(isUuid, "Unknown account.");

/** The origin links are made for: the configured public URL, else this request's host. */
async function publicOrigin() {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
}

function refresh(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

export const changeUserStatus = formAction(
  { permission: "users.manage", schema: z.object({ userId, status: z.enum(["active", "deactivated"]) }) },
  async ({ userId, status }, user) => {
    await setUserStatus(user, userId, status, await clientIp());
    refresh(userId);
    return { message: status === "deactivated" ? "Account deactivated. Their sessions have ended." : "Account reactivated." };
  },
);

export const changeRole = formAction(
  {
    permission: "users.manage",
    schema: z.object({ userId, role: z.enum(roles, { message: "Choose a role." }) }),
  },
  async ({ userId, role }, user) => {
    const { changed } = await changeUserRole(user, userId, role, await clientIp());
    refresh(userId);
    return {
      message: changed
        ? `Role changed to ${role}. Their sessions have ended; they sign in again to use it.`
        : "That is already their role.",
    };
  },
);

export const signOutEverywhere = formAction({ permission: "users.manage", schema: z.object({ userId }) }, async ({ userId }, user) => {
  await signOutUserEverywhere(user, userId, await clientIp());
  refresh(userId);
  return { message: "Signed out everywhere. Every open session of this account has ended." };
});

export const createSetPasswordLink = formAction({ permission: "users.manage", schema: z.object({ userId }) }, async ({ userId }, user) => {
  const link = await createPasswordLink(user, userId, await clientIp());
  refresh(userId);
  return { message: "Link created.", data: { url: `${await publicOrigin()}${link.path}`, expiresAt: link.expiresAt.toISOString() } };
});

export const emailPasswordReset = formAction({ permission: "users.manage", schema: z.object({ userId }) }, async ({ userId }, user) => {
  const sent = await sendPasswordReset(user, userId, { origin: await publicOrigin(), ip: await clientIp() });
  refresh(userId);
  return {
    message: `A password reset link was emailed to ${sent.email}. It works once, for 24 hours; their current password keeps working until then.`,
  };
});

export const inviteStaffMember = formAction(
  {
    permission: "users.manage",
    schema: z.object({
      name: nameSchema,
      email: z.string().trim().min(1, "Enter their email address.").max(320),
      role: z.enum(["instructor", "admin"], { message: "Choose instructor or admin." }),
    }),
  },
  async (input, user) => {
    // a taken or malformed address comes back as a message next to its field
    const invite = await inviteStaff(user, input, { origin: await publicOrigin(), ip: await clientIp() });
    revalidatePath("/admin/users/invites");
    return {
      message: invite.emailed ? `Invite emailed to ${invite.user.email}.` : `Invite created for ${invite.user.email}.`,
      data: {
        url: invite.url,
        expiresAt: invite.expiresAt.toISOString(),
        emailed: invite.emailed,
        emailProblem: invite.emailProblem,
        email: invite.user.email,
      },
    };
  },
);

export const revokeLink = formAction(
  { permission: "users.manage", schema: z.object({ tokenId: z.string().refine(isUuid, "Unknown link."), userId: userId.optional() }) },
  async ({ tokenId, userId }, user) => {
    await revokeAccountLink(user, tokenId, await clientIp());
    revalidatePath("/admin/users/invites");
    refresh(userId);
    return { message: "Link withdrawn. It no longer works." };
  },
);

const peopleBulkSchema = z.object({
  scope: z.enum(["ids", "matching"]).default("ids"),
  q: z.string().trim().max(100).optional(),
  filterRole: z.preprocess((v) => (v === "" ? undefined : v), z.enum(roles).optional()),
  filterStatus: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["active", "deactivated"]).optional()),
  op: z.enum(["deactivate", "role"], { message: "Choose what to do." }),
  role: z.preprocess((v) => (v === "" ? undefined : v), z.enum(roles, { message: "Choose the new role." }).optional()),
});

/**
 * The People list's bulk actions: the ticked people (`userId`, repeated) or
 * everyone matching the search and filters (`scope=matching`), resolved on
 * the server. Each person goes through the single action's rules.
 */
export const bulkPeopleAction = formAction({ permission: "users.manage", schema: peopleBulkSchema }, async (input, user, formData) => {
  if (input.op === "role" && !input.role)
    return { ok: false, message: "Choose the new role.", fieldErrors: { role: "Choose the new role." } };
  const selection: PeopleSelection =
    input.scope === "matching"
      ? { kind: "matching", q: input.q || undefined, role: input.filterRole, status: input.filterStatus }
      : { kind: "ids", ids: formData.getAll("userId").map(String) };
  const { outcomes, done, skipped } = await bulkChangePeople({
    actor: user,
    selection,
    change: input.op === "role" ? { op: "role", role: input.role! } : { op: "deactivate" },
    ip: await clientIp(),
  });
  refresh();
  const what = input.op === "deactivate" ? "deactivated" : "changed role";
  return {
    message: `${done} ${done === 1 ? "person" : "people"} ${what}${skipped ? `, ${skipped} skipped` : ""}.`,
    data: { outcomes },
  };
});
