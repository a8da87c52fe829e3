import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { requireViewableCertificate } from "@/lib/access/certificates";
import { can } from "@/lib/access/permissions";
import { formatCertificateDate, formatContactHours as hoursLabel } from "@/lib/platform/format";
import { verificationUrl } from "@/lib/certificates/links";
import { RevokeForm } from "./revoke-form";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Certificate of completion" };

export default page<{ certificateId: string }>({ permission: "certificate.download" }, async ({ user, params }) => {
  const cert = await requireViewableCertificate({ viewer: user, certificateId: params.certificateId });
  const verifyHref = `/verify/${cert.code}`;
  // a learner goes back to their own record; staff to the learner's
  const back = can(user.role, "workspace.learner")
    ? { href: "/learn/record", label: "My training record" }
    : { href: `/people/${cert.userId}/record`, label: `${cert.learnerName}'s training record` };
  const fields: [string, React.ReactNode][] = [
    ["Learner", cert.learnerName],
    ["Module", `${cert.moduleTitle} (version ${cert.moduleVersion})`],
    ["Provider", cert.providerName],
    ...(cert.providerApprovalNumber ? ([["Provider approval number", cert.providerApprovalNumber]] as [string, string][]) : []),
    ["Cohort", cert.cohortName],
    [cert.instructorNames.includes(",") ? "Instructors" : "Instructor", cert.instructorNames || "—"],
    [
      "Completion date",
      <>
        {formatCertificateDate(cert.completedAt)} <span className="font-normal text-slate-600">(UTC date)</span>
      </>,
    ],
    ["Contact hours", hoursLabel(cert.contactHours)],
    ["Hours category", cert.hoursCategory],
    [
      "Verification code",
      <code key="code" className="font-mono">
        {cert.code}
      </code>,
    ],
    ["Issued", <LocalTime key="issued" value={cert.issuedAt} />],
  ];
  return (
    <AppShell user={user} breadcrumbs={[back, { label: "Certificate" }]}>
      <h1 className="mt-2 text-2xl font-bold">Certificate of Completion</h1>
      {cert.revokedAt ? (
        <div className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900" data-testid="revoked-notice">
          <p className="font-semibold">Revoked on {formatCertificateDate(cert.revokedAt)}</p>
          <p className="mt-1 text-sm">
            This certificate is no longer valid; verification says so. Its hours are not counted in the training record.
          </p>
          {cert.revokedReason && <p className="mt-1 text-sm">Reason: {cert.revokedReason}</p>}
        </div>
      ) : (
        <p className="mt-2 text-slate-700">Hand the PDF to a certification board; they can check it online with the verification link.</p>
      )}
      <section aria-labelledby="details-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="details-heading" className="sr-only">
          Certificate details
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-600 sm:pt-0.5">{label}</dt>
              <dd className="font-semibold break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <a className={buttonClasses()} href={`/certificates/${cert.id}/pdf`} download>
          Download PDF
        </a>
        <a className="link break-all" href={verifyHref}>
          Verification page: {verificationUrl(cert.code)}
        </a>
      </div>
      {can(user.role, "certificate.revoke") && !cert.revokedAt && (
        <section aria-labelledby="revoke-heading" className={cx(cardClasses, "mt-8 border-red-200")}>
          <h2 id="revoke-heading" className="text-lg font-semibold">
            Revoke this certificate
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-700">Only if it was issued in error or must be withdrawn. This cannot be undone.</p>
          <RevokeForm certificateId={cert.id} />
        </section>
      )}
    </AppShell>
  );
});
