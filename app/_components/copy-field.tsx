"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/app/_components/ui/button";
import { controlClasses, labelClasses } from "@/app/_components/ui/field";

const subscribe = () => () => {};

/**
 * A link (or any text) to hand on: shown in a read-only field that selects
 * itself, with a copy button. A path is shown as a full URL of this site.
 */
export function CopyField({ value, label, id }: { value: string; label: string; id: string }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const full = value.startsWith("/") ? `${origin}${value}` : value;
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className={labelClasses}>
          {label}
        </label>
        <input
          id={id}
          readOnly
          value={full}
          className={`${controlClasses} w-full font-mono text-sm`}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(full);
            setCopied(true);
            setTimeout(() => setCopied(false), 2500);
          } catch {
            setCopied(false);
          }
        }}
      >
        Copy<span className="sr-only"> {label}</span>
      </Button>
      <span role="status" className="w-full text-sm text-brand-700">
        {copied ? "Copied." : ""}
      </span>
    </div>
  );
}
