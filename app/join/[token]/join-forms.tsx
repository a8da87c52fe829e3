"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionState } from "@/app/_edge/action";
import { joinAction, signUpAction } from "./actions";

export function JoinButton({ token, cohortName }: { token: string; cohortName: string }) {
  const [state, action, pending] = useActionState(joinAction, undefined);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="btn w-full" disabled={pending}>{pending ? "Joining…" : `Join ${cohortName}`}</button>
      {state?.ok === false && <p role="status" className="text-red-700">{state.message}</p>}
    </form>
  );
}

type SignUpState = ActionState<{ email: string }> & { signInFailed?: boolean };

export function SignUpForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(async (prev: SignUpState | undefined, fd: FormData): Promise<SignUpState> => {
    const r = await signUpAction(prev, fd);
    if (!r.ok) return r;
    // the account exists and is enrolled: sign in with what was just typed
    const res = await signIn("credentials", { email: String(fd.get("email")), password: String(fd.get("password")), redirect: false });
    if (res && !res.error) {
      router.replace("/learn");
      return r;
    }
    return { ...r, signInFailed: true };
  }, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  if (state?.ok) {
    return (
      <p role="status">
        {state.signInFailed ? (
          // the same words whether the email was new or already had an account: the answer must not tell which
          <>
            If {state.data?.email} was new to Cohort, your account is ready and you are enrolled:{" "}
            <a className="link" href="/signin?callbackUrl=%2Flearn">sign in</a> with it. If you already had an account with this email, sign
            in with your existing password, then open this invite link again to join.
          </>
        ) : (
          "Your account is ready and you are enrolled. Opening your training…"
        )}
      </p>
    );
  }
  const field = (name: string, label: string, type: string, autoComplete: string, hint?: string) => (
    <div>
      <label htmlFor={`join-${name}`} className="label">{label}</label>
      <input id={`join-${name}`} name={name} type={type} autoComplete={autoComplete} className="input" defaultValue={type === "password" ? undefined : v[name] ?? ""}
        aria-invalid={Boolean(err[name])} aria-describedby={err[name] ? `join-${name}-error` : hint ? `join-${name}-hint` : undefined} />
      {err[name] ? <p id={`join-${name}-error`} className="field-error">{err[name]}</p> : hint ? <p id={`join-${name}-hint`} className="mt-1 text-sm text-slate-600">{hint}</p> : null}
    </div>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {field("name", "Your name", "text", "name", "As it should appear on your certificate.")}
      {field("email", "Email", "email", "email")}
      {field("password", "Choose a password", "password", "new-password", "At least 8 characters; a short sentence is easy to remember.")}
      {field("confirm", "Type it again", "password", "new-password")}
      {state?.ok === false && state.message && !Object.keys(err).length && <p role="status" className="text-red-700">{state.message}</p>}
      <button type="submit" className="btn w-full" disabled={pending}>{pending ? "Creating your account…" : "Create account and join"}</button>
    </form>
  );
}
