import { plainTextSelectors, render, toPlainText } from "@react-email/render";
import type { EmailInput, EmailRenderer, RenderedEmail } from "@/lib/notifications/render";
import { Email, viewOf, type EmailView } from "./templates";

/** Plain text as people write it: headings in their own case (capitals read as shouting), lines left to the mail program. */
const textOptions = {
  wordwrap: false as const,
  selectors: [...plainTextSelectors, { selector: "h1", options: { uppercase: false } }],
};

/** Render a view as it is: HTML from the kind's React Email template, text from that HTML (one source for both). */
export async function renderView(view: EmailView): Promise<{ html: string; text: string }> {
  const html = await render(<Email {...view} />);
  return { html, text: toPlainText(html, textOptions) };
}

/**
 * Rendering React and converting HTML to text costs milliseconds per message;
 * the worker sends hundreds a second. So each shape of email (kind, which
 * optional parts it has) is rendered once with stand-ins for every value,
 * and each message fills the stand-ins in — HTML-escaped in the HTML part,
 * as React would, and as they are in the text part. emails/render.test.ts
 * checks the result equals a direct render for every kind.
 */
const slot = (i: number) => `QQSLOT${i}QQ`;
const SLOT = /QQSLOT(\d+)QQ/g;

type Compiled = { html: string; text: string };
const compiled = new Map<string, Promise<Compiled>>();

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

function standIns(view: EmailView): { shape: string; values: string[]; template: EmailView } {
  const values: string[] = [];
  const put = (v: string) => {
    values.push(v);
    return slot(values.length - 1);
  };
  const template: EmailView = {
    kind: view.kind,
    title: put(view.title),
    body: put(view.body),
    extra: view.extra.map(put),
    quote: view.quote === undefined ? undefined : put(view.quote),
    recipientName: put(view.recipientName),
    organizationName: put(view.organizationName),
    actionHref: put(view.actionHref),
    secondary: view.secondary && { label: put(view.secondary.label), href: put(view.secondary.href) },
    unsubscribeUrl: view.unsubscribeUrl === null ? null : put(view.unsubscribeUrl),
    preferencesUrl: put(view.preferencesUrl),
  };
  const shape = [view.kind, view.extra.length, view.quote !== undefined, Boolean(view.secondary), view.unsubscribeUrl !== null].join("|");
  return { shape, values, template };
}

export const renderEmail: EmailRenderer = async (input: EmailInput): Promise<RenderedEmail> => {
  const view = viewOf(input);
  const { shape, values, template } = standIns(view);
  let c = compiled.get(shape);
  if (!c) {
    c = renderView(template);
    compiled.set(shape, c);
    c.catch(() => compiled.delete(shape));
  }
  const { html, text } = await c;
  return {
    subject: input.content.title,
    html: html.replace(SLOT, (_, i: string) => escapeHtml(values[Number(i)])),
    text: text.replace(SLOT, (_, i: string) => values[Number(i)]),
  };
};
