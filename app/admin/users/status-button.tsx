"use client";

import { useActionState } from "react";
import { cx } from "@/app/_components/ui/cx";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { changeUserStatus } from "./actions";

export function StatusButton({
  userId,
  name,
  status,
  align = "end",
}: {
  userId: string;
  name: string;
  status: "active" | "deactivated";
  align?: "start" | "end";
}) {
  const [state, action] = useActionState(changeUserStatus, undefined);
  const next = status === "active" ? "deactivated" : "active";
  return (
    <form action={action} className={cx("inline-flex flex-col gap-1", align === "end" ? "items-end" : "items-start")}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      {/* a destructive action in a list of them stays quiet (secondary) */}
      <SubmitButton variant={next === "deactivated" ? "danger-secondary" : "secondary"} size="sm">
        {next === "deactivated" ? "Deactivate" : "Reactivate"}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
