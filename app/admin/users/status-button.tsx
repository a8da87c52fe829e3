"use client";

import { useActionState, useId } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { cx } from "@/app/_components/ui/cx";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { changeUserStatus } from "./actions";

/**
 * Deactivate or reactivate an account. With `confirm` (a row among many, on
 * the People list) deactivating asks first and says what will happen;
 * reactivating never asks.
 */
export function StatusButton({
  userId,
  name,
  status,
  align = "end",
  confirm = false,
}: {
  userId: string;
  name: string;
  status: "active" | "deactivated";
  align?: "start" | "end";
  confirm?: boolean;
}) {
  const [state, action, pending] = useActionState(changeUserStatus, undefined);
  const formId = useId();
  const next = status === "active" ? "deactivated" : "active";
  const label = (
    <>
      {next === "deactivated" ? "Deactivate" : "Reactivate"}
      <span className="sr-only"> {name}</span>
    </>
  );
  return (
    <form id={formId} action={action} className={cx("inline-flex flex-col gap-1", align === "end" ? "items-end" : "items-start")}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      {/* a destructive action in a list of them stays quiet (secondary) */}
      {confirm && next === "deactivated" ? (
        <ConfirmDialog
          trigger={
            <Button variant="danger-secondary" size="sm" pending={pending}>
              {label}
            </Button>
          }
          title={`Deactivate ${name}?`}
          description="They are signed out and can no longer sign in. Their records and certificates are kept; you can reactivate the account at any time."
          confirmLabel="Deactivate"
          form={formId}
        />
      ) : (
        <SubmitButton variant={next === "deactivated" ? "danger-secondary" : "secondary"} size="sm">
          {label}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
