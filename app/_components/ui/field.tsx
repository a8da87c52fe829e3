import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "./cx";

/** What a control needs to be wired to its label, hint and error. */
export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type FieldFrame = {
  /** the control's id; the hint and error get `${id}-hint` and `${id}-error` */
  id: string;
  label: ReactNode;
  /** shown under the control and read out with it */
  hint?: ReactNode;
  error?: string;
  className?: string;
};

export const labelClasses = "mb-1 block text-sm font-medium text-slate-800";

/** Text, select and textarea controls look the same; an invalid one is outlined in red. */
export const controlClasses = cx(
  // max-w-full: a select as wide as its longest option still fits a phone's screen
  "block max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500",
  "disabled:cursor-not-allowed disabled:bg-slate-100",
  "aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700",
);

const widths = { full: "w-full", short: "w-32", auto: "w-auto" } as const;
export type ControlWidth = keyof typeof widths;

/**
 * Label, control, hint and error, wired once: the control gets its id,
 * `aria-invalid` when there is an error and `aria-describedby` naming the hint
 * and the error. For a control of its own kind use the render prop:
 *
 *   <Field id="opens" label="Opens" error={err.opens}>{(control) => <input {...control} … />}</Field>
 *
 * Inputs, selects, textareas and file inputs have ready-made fields below.
 */
export function Field({ id, label, hint, error, className, children }: FieldFrame & { children: (control: ControlProps) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps<E extends "input" | "select" | "textarea"> = Omit<FieldFrame, "id" | "className"> &
  Omit<ComponentPropsWithRef<E>, "id" | "name"> & {
    name: string;
    /** defaults to `name` */
    id?: string;
    /** classes of the wrapper around label, control and messages */
    fieldClassName?: string;
    width?: ControlWidth;
  };

/** A labelled <input> (text, email, number, password, date…). */
export function TextField({ label, hint, error, id, name, fieldClassName, width = "full", className, ...input }: FieldProps<"input">) {
  return (
    <Field id={id ?? name} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => <input name={name} className={cx(controlClasses, widths[width], className)} {...input} {...control} />}
    </Field>
  );
}

/** A labelled <textarea>. */
export function TextareaField({
  label,
  hint,
  error,
  id,
  name,
  fieldClassName,
  width = "full",
  className,
  ...textarea
}: FieldProps<"textarea">) {
  return (
    <Field id={id ?? name} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => <textarea name={name} className={cx(controlClasses, widths[width], className)} {...textarea} {...control} />}
    </Field>
  );
}

/** A labelled <select>; the options are its children. */
export function SelectField({
  label,
  hint,
  error,
  id,
  name,
  fieldClassName,
  width = "full",
  className,
  children,
  ...select
}: FieldProps<"select">) {
  return (
    <Field id={id ?? name} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => (
        <select name={name} className={cx(controlClasses, widths[width], className)} {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

const fileClasses = cx(
  "block w-full text-sm text-slate-800",
  "file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-slate-800 hover:file:bg-slate-100",
  "aria-[invalid=true]:text-red-800 aria-[invalid=true]:file:border-red-700",
);

/** A labelled file input, styled like a secondary button. `name` is optional: a client form may read the file itself. */
export function FileField({
  label,
  hint,
  error,
  id,
  name,
  fieldClassName,
  className,
  ...input
}: Omit<FieldProps<"input">, "type" | "width" | "name"> & { name?: string; id: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      {(control) => <input type="file" name={name} className={cx(fileClasses, className)} {...input} {...control} />}
    </Field>
  );
}
