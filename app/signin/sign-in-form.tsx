"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";

const messages: Record<string, string> = {
  invalid: "That email and password do not match an active account.",
  throttled: "Too many attempts. Wait a few minutes and try again.",
  unavailable: "Cohort cannot reach its database right now. Nothing is lost; try again in a minute.",
};

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!res || res.error) {
        setError(messages[res?.error ?? ""] ?? messages.invalid);
        setPending(false);
        return;
      }
      // the sign-in page sends a signed-in user to their own area
      window.location.assign(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
    } catch {
      setError("Cohort could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    // method="post": a click before hydration must never put the password in a URL
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4" aria-describedby={error ? "signin-error" : undefined}>
      <TextField name="email" label="Email" type="email" autoComplete="username" required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      {error && (
        <p id="signin-error" role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
