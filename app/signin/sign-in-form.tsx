"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

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
      <div>
        <label htmlFor="email" className="label">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required className="input" />
      </div>
      <div>
        <label htmlFor="password" className="label">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input" />
      </div>
      {error && (
        <p id="signin-error" role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className="btn w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
