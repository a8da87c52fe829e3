"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { roles } from "@/lib/access/permissions";
import { changeUserRole, createPasswordLink, sendPasswordReset, setUserStatus, signOutUserEverywhere } from "@/lib/accounts/admin";
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
