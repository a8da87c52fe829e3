"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { controlClasses, labelClasses } from "@/app/_components/ui/field";

/** A link shown once, with a button that copies it. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Copying is blocked here: select the link and copy it yourself.");
    }
  }
  return (
    <div className="mt-2 space-y-2">
      <label className={labelClasses} htmlFor="one-time-link">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="one-time-link"
          readOnly
          value={url}
          className={`${controlClasses} min-w-0 flex-1 font-mono text-sm`}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="one-time-link"
        />
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied}
      </p>
    </div>
  );
}
