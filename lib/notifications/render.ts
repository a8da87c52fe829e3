import type { Composed } from "./compose";
import type { NotificationKind } from "./kinds";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The email of a message: a plain-text part and an accessible HTML part
 * (one column, real text, a labeled button, no images), with the
 * organization's name, a link into the app and, where the person may turn
 * the kind off, an unsubscribe link in the footer.
 */
export function renderEmail(input: {
  content: Composed;
  kind: NotificationKind;
  recipientName: string;
  origin: string;
  organizationName: string;
  unsubscribeUrl: string | null;
}) {
  const { content, origin, organizationName, unsubscribeUrl } = input;
  const url = `${origin}${content.link}`;
  const extra = content.extra ?? [];
  const footer = unsubscribeUrl
    ? `You get this email because of your ${organizationName} training. Stop these emails: ${unsubscribeUrl}\nChoose which emails you get: ${origin}/notifications/preferences`
    : `You get this email because of your ${organizationName} training. It is about your credit, so it is always sent.`;
  const text = [
    `Hello ${input.recipientName},`,
    "",
    content.body,
    ...extra.map((l) => `\n${l}`),
    "",
    `Open Cohort: ${url}`,
    "",
    "--",
    footer,
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<main style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-size:14px;color:#4b5563">${escape(organizationName)}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escape(content.title)}</h1>
<p style="font-size:16px;line-height:1.5">Hello ${escape(input.recipientName)},</p>
<p style="font-size:16px;line-height:1.5">${escape(content.body)}</p>
${extra.map((l) => `<p style="font-size:16px;line-height:1.5">${escape(l)}</p>`).join("\n")}
<p style="margin:24px 0"><a href="${escape(url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">Open Cohort</a></p>
</main>
<footer style="max-width:560px;margin:16px auto 0;font-size:13px;color:#4b5563;line-height:1.5">
${
  unsubscribeUrl
    ? `You get this email because of your ${escape(organizationName)} training. <a href="${escape(unsubscribeUrl)}" style="color:#1d4ed8">Stop these emails</a> · <a href="${escape(`${origin}/notifications/preferences`)}" style="color:#1d4ed8">Choose which emails you get</a>`
    : `You get this email because of your ${escape(organizationName)} training. It is about your credit, so it is always sent.`
}
</footer>
</body></html>`;
  return { subject: content.title, text, html };
}
