"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import type { ActionState } from "@/app/_edge/action";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { joinAction, signUpAction } from "./actions";

export function JoinButton({ token, cohortName }: { token: string; cohortName: string }) {
  const [state, action] = useActionState(joinAction, undefined);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Joining…">{`Join ${cohortName}`}</SubmitButton>
      <FormMessage state={state} show="error" />
    </form>
  );
}

type SignUpState = ActionState<{ email: string }> & { signInFailed?: boolean };

export function SignUpForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, action] = useActionState(async (prev: SignUpState | undefined, fd: FormData): Promise<SignUpState> => {
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
  // The passwords are never sent back by the server (the form wrapper's rule), so they are held here, in the
  // browser: a mistake elsewhere keeps both; a mismatch empties only "Type it again", a refused password both.
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.fieldErrors?.password) {
      setPassword("");
      setConfirm("");
    } else if (state?.fieldErrors?.confirm) setConfirm("");
  }
  if (state?.ok) {
    return (
      <p role="status">
        {state.signInFailed ? (
          // the same words whether the email was new or already had an account: the answer must not tell which
          <>
            If {state.data?.email} was new to Cohort, your account is ready and you are enrolled:{" "}
            <a className="link" href="/signin?callbackUrl=%2Flearn">
              sign in
            </a>{" "}
            with it. If you already had an account with this email, sign in with your existing password, then open this invite link again to
            join.
          </>
        ) : (
          "Your account is ready and you are enrolled. Opening your training…"
        )}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        id="join-name"
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={v.name ?? ""}
        error={err.name}
        hint="As it should appear on your certificate."
      />
      <TextField
        id="join-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={v.email ?? ""}
        error={err.email}
      />
      <TextField
        id="join-password"
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={err.password && `${err.password} Type a new one in both fields.`}
        hint="At least 8 characters; a short sentence is easy to remember."
      />
      <TextField
        id="join-confirm"
        name="confirm"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={err.confirm && `${err.confirm} Your first password is kept; type it here once more.`}
      />
      <FormMessage state={state} show="error" quietWithFieldErrors />
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account and join
      </SubmitButton>
    </form>
  );
}
