"use client";

import { useActionState } from "react";
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
  const [state, action, pending] = useActionState(changeUserStatus, undefined);
  const next = status === "active" ? "deactivated" : "active";
  return (
    <form action={action} className={`inline-flex flex-col gap-1 ${align === "end" ? "items-end" : "items-start"}`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className={next === "deactivated" ? "btn-danger px-3 py-1" : "btn-secondary px-3 py-1"} disabled={pending}>
        {next === "deactivated" ? "Deactivate" : "Reactivate"}
        <span className="sr-only"> {name}</span>
      </button>
      {state?.message && (
        <span role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
