"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";

/** Starts a quiz attempt (or reopens the open one) and shows it on the quiz page. */
export function StartAttemptButton({ progressId, label, secondary = false }: { progressId: string; label: string; secondary?: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quizUrl = `/learn/${progressId}/quiz`;

  async function start() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/quiz/attempts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ progressId }),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => ({}));
        setError(body.message ?? "The quiz could not be started. Please try again.");
        return;
      }
      if (pathname === quizUrl) router.refresh();
      else router.push(quizUrl);
    } catch {
      setError("You seem to be offline. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <Button variant={secondary ? "secondary" : "primary"} onClick={start} pending={pending} pendingLabel="Starting…">
        {label}
      </Button>
      {error && (
        <p className="mt-1 text-sm font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
