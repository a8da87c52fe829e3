"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, formAction } from "@/lib/actions";
import { AccountRuleError, setUserStatus } from "@/lib/accounts";
import { isUuid } from "@/lib/auth/scope";
import { clientIp } from "@/lib/http/request";

export const changeUserStatus = formAction(
  {
    roles: ["admin"],
    schema: z.object({ userId: z.string().refine(isUuid, "Unknown account."), status: z.enum(["active", "deactivated"]) }),
  },
  async ({ userId, status }, user) => {
    try {
      await setUserStatus(user, userId, status, await clientIp());
    } catch (e) {
      if (e instanceof AccountRuleError) throw new ActionError(e.message);
      throw e;
    }
    revalidatePath("/admin/users");
    return { message: status === "deactivated" ? "Account deactivated." : "Account reactivated." };
  },
);
