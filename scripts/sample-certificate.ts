/**
 * Writes a sample certificate PDF (no database): `npx tsx scripts/sample-certificate.ts out.pdf`.
 * Used to look at the layout; the real one is served at /certificates/<id>/pdf.
 */
import fs from "node:fs";
import { renderCertificatePdf } from "../lib/certificates/certificate-pdf";
import { sampleLogoPng } from "../db/test/images";

const out = process.argv[2] ?? "sample-certificate.pdf";
const long = process.argv.includes("--long");
const revoked = process.argv.includes("--revoked");
const plain = process.argv.includes("--plain");
// the demo logo of the tests; --plain prints without logo and signer, as before an admin sets them
const branding = plain
  ? {}
  : {
      logo: { contentType: "image/png" as const, bytes: sampleLogoPng(), width: 240, height: 80 },
      signerName: "Dr. Angela Whitfield",
      signerTitle: "Director of Training, Prairie Peer Recovery Training Institute",
    };

renderCertificatePdf(
  {
    code: "K7QM-3XRT-9FHW-2NPD",
    learnerName: long ? "Maria Guadalupe Fernández-Łukasiewicz de la Cruz Santos" : "Maria Santos",
    moduleTitle: long
      ? "Professional Relationships & Boundaries: Keeping Warmth and Distance in Peer Recovery Support Work"
      : "Professional Relationships & Boundaries",
    moduleVersion: 1,
    providerName: "Prairie Peer Recovery Training Institute",
    providerApprovalNumber: "IL-CRSS-2026-0147",
    cohortName: long ? "Spring 2027 evening cohort — Chicago South Side community partners" : "Spring 2027 — Chicago",
    instructorNames: long ? "Dana Rivera, Sam Okafor, Beatriz Okoye-Fitzgerald, Aaron Diaz" : "Dana Rivera, Sam Okafor",
    completedAt: new Date("2026-11-27T15:42:00Z"),
    contactHours: 1,
    hoursCategory: "Professional Responsibility",
    issuedAt: new Date("2026-11-27T15:42:00Z"),
    revokedAt: revoked ? new Date("2026-12-02T10:00:00Z") : null,
  },
  "https://training.example.org/verify/K7QM-3XRT-9FHW-2NPD",
  branding,
).then((bytes) => {
  fs.writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
});
