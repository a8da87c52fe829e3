/**
 * The public verification result as a small self-contained HTML page. It is
 * served by a route handler (not a page) so that the HTTP status says what
 * happened: 200 valid or revoked, 404 unknown code, 429 too many guesses.
 */
import { contentMaxWidthRem, markShapes, markViewBox } from "@/app/_components/brand";
import { formatCertificateDate, formatContactHours as hoursLabel } from "@/lib/platform/format";
import type { Verification } from "@/lib/certificates/verify";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// The look of /verify (PublicShell with Tailwind's defaults): the same font stack (Tailwind's --font-sans), header bar, logo,
// column width and card, written out by hand because this page is plain HTML without the app's CSS.
const css = `
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Segoe UI Symbol","Noto Color Emoji";background:#f8fafc;color:#0f172a;line-height:1.5;-webkit-font-smoothing:antialiased;-webkit-text-size-adjust:100%}
.top{background:#fff;border-bottom:1px solid #e2e8f0}
.bar{max-width:${contentMaxWidthRem}rem;margin:0 auto;padding:0 1rem;height:3.5rem;display:flex;align-items:center}
@media (min-width:40rem){.bar{padding:0 1.5rem}}
.brand{display:inline-flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.125rem;line-height:1.75rem;color:#0f433b;text-decoration:none;border-radius:.375rem}
.brand svg{width:2rem;height:2rem;flex-shrink:0}
main{max-width:36rem;margin:0 auto;padding:2.5rem 1rem}
h1{font-size:1.5rem;line-height:2rem;font-weight:700;margin:0 0 1.5rem}
.result{border-radius:.5rem;border:1px solid #e2e8f0;border-left-width:4px;padding:1rem;background:#fff;box-shadow:0 1px 3px 0 rgb(0 0 0/.1),0 1px 2px -1px rgb(0 0 0/.1)}
.result p{margin:0;color:#334155}
.valid{border-left-color:#15803d}.valid h2{color:#166534}
.revoked{border-left-color:#b91c1c}.revoked h2{color:#991b1b}
.missing,.throttled{border-left-color:#94a3b8}
h2{font-size:1.125rem;line-height:1.75rem;font-weight:600;margin:0 0 .5rem}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.4rem 1rem;margin:1rem 0 0;font-size:.875rem}
dt{color:#475569}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,"Liberation Mono","Courier New",monospace;background:#f1f5f9;padding:0 .25rem;border-radius:.25rem}
a{color:#15564c}a:hover{color:#0f433b}.next a{text-decoration:underline;text-underline-offset:2px}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
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
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${esc(title)} · Cohort</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml"><style${nonceAttr}>${css}</style></head>
<body><header class="top"><div class="bar"><a class="brand" href="/"><svg aria-hidden="true" focusable="false" viewBox="${markViewBox}">${markShapes}</svg><span>Cohort</span></a></div></header>
<main id="main"><h1>Certificate verification</h1>
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
