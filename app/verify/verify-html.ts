/**
 * The public verification result as a small self-contained HTML page. It is
 * served by a route handler (not a page) so that the HTTP status says what
 * happened: 200 valid or revoked, 404 unknown code, 429 too many guesses.
 */
import { formatCertificateDate, formatContactHours as hoursLabel } from "@/lib/platform/format";
import type { Verification } from "@/lib/certificates/verify";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const css = `
*{box-sizing:border-box}
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:2.5rem 1rem}
.brand{font-weight:700;color:#0f433b;font-size:1.1rem;margin:0 0 1.5rem}
.brand a{color:inherit;text-decoration:none}
h1{font-size:1.6rem;margin:0 0 1rem}
.result{border-radius:.5rem;border:2px solid;padding:1rem 1.25rem;background:#fff}
.valid{border-color:#15803d}.valid h2{color:#166534}
.revoked{border-color:#b91c1c}.revoked h2{color:#991b1b}
.missing,.throttled{border-color:#94a3b8}
h2{font-size:1.25rem;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.4rem 1rem;margin:1rem 0 0}
dt{color:#475569;font-size:.9rem}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f5f9;padding:0 .25rem;border-radius:.25rem}
a{color:#15564c}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.next{margin-top:1.5rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`;

/**
 * The style sheet is inline, so it carries this request's CSP nonce (set by
 * proxy.ts): without it the app's own Content-Security-Policy blocks it.
 */
function layout(title: string, body: string, nonce: string | null) {
  const nonceAttr = nonce && /^[A-Za-z0-9+/=]{16,64}$/.test(nonce) ? ` nonce="${nonce}"` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${esc(title)} · Cohort</title><style${nonceAttr}>${css}</style></head>
<body><main id="main"><p class="brand"><a href="/">Cohort</a></p><h1>Certificate verification</h1>
${body}
<p class="next"><a href="/verify">Check another code</a></p></main></body></html>`;
}

export function verificationHtml(result: Verification, typed: string, nonce: string | null = null): string {
  if (result.status === "throttled") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return layout(
      "Too many checks",
      `<section class="result throttled" aria-labelledby="status"><h2 id="status">Too many checks from your network</h2>
<p>Too many unknown codes were tried from this address. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.</p></section>`,
      nonce,
    );
  }
  if (result.status === "not_found") {
    const shown = result.code ?? typed.slice(0, 40);
    return layout(
      "Certificate not found",
      `<section class="result missing" aria-labelledby="status"><h2 id="status">Certificate not found</h2>
<p>No certificate has the code <code>${esc(shown)}</code>. Check the code printed at the bottom of the certificate: it has 16 letters and digits in four groups, like <code>K7QM-3XRT-9FHW-2NPD</code>.</p></section>`,
      nonce,
    );
  }
  const c = result.certificate;
  const revoked = result.status === "revoked" && c.revokedAt;
  const provider = c.providerApprovalNumber ? `${c.providerName} (approval number ${c.providerApprovalNumber})` : c.providerName;
  const rows: [string, string][] = [
    ...(c.learnerName ? [["Learner", c.learnerName] as [string, string]] : []),
    ["Module", `${c.moduleTitle} (version ${c.moduleVersion})`],
    ["Provider", provider],
    ["Completed on", formatCertificateDate(c.completedAt)],
    ["Contact hours", `${hoursLabel(c.contactHours)} — ${c.hoursCategory}`],
    ["Code", c.code],
  ];
  return layout(
    revoked ? "Certificate revoked" : "Valid certificate",
    `<section class="result ${revoked ? "revoked" : "valid"}" aria-labelledby="status">
<h2 id="status">${revoked ? `Revoked on ${esc(formatCertificateDate(c.revokedAt!))}` : "Valid certificate"}</h2>
<p>${revoked ? "This certificate was issued but has since been revoked by the provider. It is no longer valid." : "This certificate was issued by the provider below and has not been revoked."}</p>
<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl></section>`,
    nonce,
  );
}
