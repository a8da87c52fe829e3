import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { buttonClasses } from "@/app/_components/ui/button";
import { formatHours } from "@/lib/platform/format";

type Certificate = { id: string; code: string; contactHours: number; hoursCategory: string; revokedAt: Date | null };

/**
 * The moment a learner finishes: what they earned (the hours, the
 * certificate with its PDF and public verification page) and where to go
 * next. Shown on the page where completion happens (quiz result,
 * reflections) and on the assignment's page whenever they come back.
 */
export function CompletionSuccess({
  moduleTitle,
  completedAt,
  certificate,
  contactHours,
  hoursCategory,
  headingLevel = 2,
}: {
  moduleTitle: string;
  completedAt: Date;
  certificate: Certificate | null;
  /** the module version's hours, while the certificate is still being issued */
  contactHours: number;
  hoursCategory: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const hours = certificate?.contactHours ?? contactHours;
  const category = certificate?.hoursCategory ?? hoursCategory;
  const revoked = Boolean(certificate?.revokedAt);
  return (
    <section
      aria-labelledby="completion-heading"
      className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950"
      data-testid="completion-success"
    >
      <Heading id="completion-heading" className="text-xl font-bold">
        <span aria-hidden="true">✓ </span>You completed {moduleTitle}
      </Heading>
      <p className="mt-1">
        Completed <LocalTime value={completedAt} dateOnly />. You earned{" "}
        <strong data-testid="hours-earned">
          {formatHours(hours)} contact {hours === 1 ? "hour" : "hours"}
        </strong>{" "}
        ({category}){revoked ? ", but the certificate was revoked: ask your program coordinator" : ""}.
      </p>
      {certificate && !revoked ? (
        <div className="mt-3 flex flex-wrap gap-3">
          <Link className={buttonClasses()} href={`/certificates/${certificate.id}`}>
            View your certificate
          </Link>
          <a className={buttonClasses({ variant: "secondary" })} href={`/certificates/${certificate.id}/pdf`} download>
            Download the PDF
          </a>
          <Link className={buttonClasses({ variant: "secondary" })} href={`/verify/${encodeURIComponent(certificate.code)}`}>
            Verification page
          </Link>
        </div>
      ) : (
        !certificate && (
          <p className="mt-2 text-sm">Your certificate is being prepared; it appears here and in your training record shortly.</p>
        )
      )}
      {certificate && !revoked && (
        <p className="mt-2 text-sm">
          Anyone you share the code <code className="font-mono">{certificate.code}</code> with can check it on the verification page.
        </p>
      )}
      <p className="mt-3 text-sm font-semibold">What next</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <Link className="link" href="/learn">
            See your other assignments
          </Link>
        </li>
        <li>
          <Link className="link" href="/learn/record">
            Your training record (all your hours)
          </Link>
        </li>
      </ul>
    </section>
  );
}
