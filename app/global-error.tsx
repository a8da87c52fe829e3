"use client";

import "./globals.css";
import { Button } from "@/app/_components/ui/button";

/**
 * Shown when even the root layout fails (for example while the database is
 * unreachable). It replaces the whole document, so it brings its own html and
 * body and uses no component that needs the server.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">Cohort is having trouble</h1>
          <p className="mt-2 text-slate-700">
            Cohort could not finish this request, usually because it cannot reach its database for a moment. Nothing you saved has been
            lost. Try again in a minute.
          </p>
          <Button className="mt-6" onClick={() => reset()}>
            Try again
          </Button>
        </main>
      </body>
    </html>
  );
}
