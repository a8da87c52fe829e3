"use client";

import { useActionState } from "react";
import { Card } from "@/app/_components/ui/card";
import { FileField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { removeLogo, uploadLogo } from "./actions";

/**
 * The certificate logo: a preview of the one set (served by /admin/settings/logo),
 * an upload, and "Remove logo". A refused file says why and keeps the old logo.
 */
export function LogoForm({ logo }: { logo: { width: number; height: number; version: string } | null }) {
  const [upload, uploadAction] = useActionState(uploadLogo, undefined);
  const [removal, removeAction] = useActionState(removeLogo, undefined);
  return (
    <Card title="Logo on certificates" className="space-y-4">
      {logo ? (
        <figure className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- an admin-only image route, not a static asset */}
          <img
            src={`/admin/settings/logo?v=${encodeURIComponent(logo.version)}`}
            alt="The logo certificates print"
            className="max-h-16 max-w-48 rounded border border-slate-200 bg-white p-1"
            data-testid="logo-preview"
          />
          <figcaption className="text-sm text-slate-700">
            {logo.width} × {logo.height} pixels. Printed at the top of every certificate issued from now on; certificates already issued
            keep the logo they were issued with.
          </figcaption>
        </figure>
      ) : (
        <p className="text-sm text-slate-700">No logo yet: certificates issued now print the organization&apos;s name only.</p>
      )}
      <form action={uploadAction} className="flex flex-wrap items-end gap-3">
        <FileField
          id="logo"
          name="logo"
          label={logo ? "Replace the logo" : "Upload a logo"}
          hint="PNG or JPEG, at most 512 KB and 2000 pixels on each side. A wide logo on a transparent background prints best."
          accept="image/png,image/jpeg"
          error={upload?.fieldErrors?.logo}
          fieldClassName="min-w-64 flex-1"
        />
        <SubmitButton>Upload logo</SubmitButton>
      </form>
      <FormMessage state={upload} />
      {logo && (
        <form action={removeAction}>
          <SubmitButton variant="secondary">Remove logo</SubmitButton>
        </form>
      )}
      <FormMessage state={removal} />
    </Card>
  );
}
