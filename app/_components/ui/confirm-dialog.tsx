"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactElement, ReactNode } from "react";
import { buttonClasses } from "./button";

/**
 * Asks before something that is hard to undo, and says what will happen.
 * Built on Radix AlertDialog: it traps focus, starts on Cancel, closes on
 * Escape, returns focus to the trigger and is announced as an alertdialog
 * with its title and description.
 *
 * `trigger` is the button that opens it (a Button with type="button").
 * Confirming submits the form whose id is `form` (with `requestSubmit`, so
 * the form's action and validation run as for a click), and/or calls
 * `onConfirm`.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "danger",
  form,
  onConfirm,
}: {
  trigger: ReactElement;
  title: ReactNode;
  /** what will happen, in plain words: "Their records are kept; you can add them back." */
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  form?: string;
  onConfirm?: () => void;
}) {
  function confirm() {
    if (form) {
      const el = document.getElementById(form);
      if (el instanceof HTMLFormElement) el.requestSubmit();
    }
    onConfirm?.();
  }
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-700">{description}</AlertDialog.Description>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <AlertDialog.Cancel className={buttonClasses({ variant: "secondary" })}>{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClasses({ variant: tone })} onClick={confirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
