"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { calendarFeedAction } from "./actions";

/** Make (or remake) the feed URL and show it once; or turn the feed off. */
export function CalendarFeedForm({ hasFeed }: { hasFeed: boolean }) {
  const [state, action] = useActionState(calendarFeedAction, undefined);
  const path = (state?.data as { path?: string } | undefined)?.path;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap gap-3">
        <SubmitButton name="op" value="issue" variant={hasFeed ? "secondary" : "primary"}>
          {hasFeed ? "Make a new feed URL" : "Create a feed URL"}
        </SubmitButton>
        {hasFeed && (
          <SubmitButton name="op" value="revoke" variant="danger-secondary">
            Turn off the feed
          </SubmitButton>
        )}
      </form>
      <FormMessage state={state} />
      {path && hasFeed && <CopyField id="calendar-feed-url" value={path} label="Calendar feed URL" />}
    </div>
  );
}
