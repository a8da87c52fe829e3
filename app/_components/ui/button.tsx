import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "danger-secondary" | "link";
export type ButtonSize = "sm" | "md";

const base = "inline-flex items-center justify-center gap-2 disabled:cursor-not-allowed disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "rounded-md bg-brand-700 text-white hover:bg-brand-800",
  secondary: "rounded-md border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  /** the final step of something that cannot be undone (inside a confirm dialog, on an erase page) */
  danger: "rounded-md bg-red-700 text-white hover:bg-red-800",
  /** a destructive action among others (a row's "Deactivate"): quiet until it is confirmed */
  "danger-secondary": "rounded-md border border-red-300 bg-white text-red-800 hover:border-red-400 hover:bg-red-50",
  link: "text-brand-700 underline underline-offset-2 hover:text-brand-800",
};

const sizes: Record<ButtonSize, string> = {
  sm: "px-3 py-1 text-sm font-semibold",
  md: "px-4 py-2 text-sm font-semibold",
};

/** The classes of a button, for a link or download that should look like one. The link variant takes the size of the text around it. */
export function buttonClasses({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return cx(base, variants[variant], variant !== "link" && sizes[size], className);
}

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** while true the button is disabled and shows `pendingLabel` (when given) */
  pending?: boolean;
  pendingLabel?: ReactNode;
};

/**
 * A button. `type` defaults to "button" so only a deliberate submit submits;
 * inside a form with a server action use SubmitButton, which knows when the
 * form is pending.
 */
export function Button({
  variant = "primary",
  size = "md",
  pending = false,
  pendingLabel,
  className,
  type = "button",
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button type={type} className={buttonClasses({ variant, size, className })} disabled={disabled || pending} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
