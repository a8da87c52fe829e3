"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { ActionError, formAction } from "@/app/_edge/action";
import { AccountRuleError, changeUserRole, createPasswordLink, sendPasswordReset, setUserStatus, signOutUserEverywhere } from "@/lib/accounts/admin";
import { isUuid } from "@/lib/access/scope";
import { env } from "@/lib/platform/env";
import { clientIp } from "@/lib/platform/http/request";
import { inviteStaff, revokeAccountLink } from "@/lib/accounts/staff-invites";
import { nameSchema, UserInputError } from "@/lib/accounts/users";

const userId = z.string().refine(isUuid, "Unknown account.");

/** The origin links are made for: the configured public URL, else this request's host. */
async function publicOrigin() {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
}

/** Rule violations become the form's message; anything else is a real error. */
async function rules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AccountRuleError) throw new ActionError(e.message);
    throw e;
  }
}

function refresh(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

export const changeUserStatus = formAction(
  { roles: ["admin"], schema: z.object({ userId, status: z.enum(["active", "deactivated"]) }) },
  async ({ userId, status }, user) => {
    await rules(async () => setUserStatus(user, userId, status, await clientIp()));
    refresh(userId);
    return { message: status === "deactivated" ? "Account deactivated. Their sessions have ended." : "Account reactivated." };
  },
);

export const changeRole = formAction(
  {
    roles: ["admin"],
    schema: z.object({ userId, role: z.enum(["admin", "instructor", "learner"], { message: "Choose a role." }) }),
  },
  async ({ userId, role }, user) => {
    const { changed } = await rules(async () => changeUserRole(user, userId, role, await clientIp()));
    refresh(userId);
    return { message: changed ? `Role changed to ${role}. Their sessions have ended; they sign in again to use it.` : "That is already their role." };
  },
);

export const signOutEverywhere = formAction({ roles: ["admin"], schema: z.object({ userId }) }, async ({ userId }, user) => {
  await rules(async () => signOutUserEverywhere(user, userId, await clientIp()));
  refresh(userId);
  return { message: "Signed out everywhere. Every open session of this account has ended." };
});

export const createSetPasswordLink = formAction({ roles: ["admin"], schema: z.object({ userId }) }, async ({ userId }, user) => {
  const link = await rules(async () => createPasswordLink(user, userId, await clientIp()));
  refresh(userId);
  return { message: "Link created.", data: { url: `${await publicOrigin()}${link.path}`, expiresAt: link.expiresAt.toISOString() } };
});

export const emailPasswordReset = formAction({ roles: ["admin"], schema: z.object({ userId }) }, async ({ userId }, user) => {
  const sent = await rules(async () => sendPasswordReset(user, userId, { origin: await publicOrigin(), ip: await clientIp() }));
  refresh(userId);
  return { message: `A password reset link was emailed to ${sent.email}. It works once, for 24 hours; their current password keeps working until then.` };
});

export const inviteStaffMember = formAction(
  {
    roles: ["admin"],
    schema: z.object({
      name: nameSchema,
      email: z.string().trim().min(1, "Enter their email address.").max(320),
      role: z.enum(["instructor", "admin"], { message: "Choose instructor or admin." }),
    }),
  },
  async (input, user) => {
    try {
      const invite = await inviteStaff(user, input, { origin: await publicOrigin(), ip: await clientIp() });
      revalidatePath("/admin/users/invites");
      return {
        message: invite.emailed ? `Invite emailed to ${invite.user.email}.` : `Invite created for ${invite.user.email}.`,
        data: { url: invite.url, expiresAt: invite.expiresAt.toISOString(), emailed: invite.emailed, emailProblem: invite.emailProblem, email: invite.user.email },
      };
    } catch (e) {
      if (e instanceof UserInputError) throw new ActionError("Please correct the highlighted fields.", { [e.field]: e.message });
      throw e;
    }
  },
);

export const revokeLink = formAction(
  { roles: ["admin"], schema: z.object({ tokenId: z.string().refine(isUuid, "Unknown link."), userId: userId.optional() }) },
  async ({ tokenId, userId }, user) => {
    await rules(async () => revokeAccountLink(user, tokenId, await clientIp()));
    revalidatePath("/admin/users/invites");
    refresh(userId);
    return { message: "Link withdrawn. It no longer works." };
  },
);
