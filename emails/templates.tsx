import type { ReactElement } from "react";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { absolute, type EmailInput } from "@/lib/notifications/render";
import { Layout, Paragraph, Quote } from "./layout";

type Template = {
  /** the button's words: what pressing it does */
  action: string;
  /** the body; default: the composed text and its extra lines, one paragraph each */
  body?: (view: EmailView) => ReactElement;
};

const paragraphs = (view: EmailView) => (
  <>
    <Paragraph>{view.body}</Paragraph>
    {view.extra.map((line, i) => (
      <Paragraph key={i}>{line}</Paragraph>
    ))}
  </>
);

/**
 * One template per kind (the compiler keeps the list complete): the words
 * come from compose.ts, worked out from the state at send time; a template
 * decides the button and how the words are set.
 */
export const templates: Record<NotificationKind, Template> = {
  assigned: { action: "Open the assignment" },
  opens_today: { action: "Start the assignment" },
  due_soon: { action: "Continue the assignment" },
  overdue: { action: "Finish the assignment" },
  manual_reminder: { action: "Open the assignment" },
  revision_requested: {
    action: "Revise your reflection",
    body: (view) => (
      <>
        <Paragraph>{view.body}</Paragraph>
        {view.quote && (
          <>
            <Paragraph>Their feedback:</Paragraph>
            <Quote>“{view.quote}”</Quote>
          </>
        )}
        <Paragraph>Your other reflections and your quiz result are kept.</Paragraph>
      </>
    ),
  },
  reflections_accepted: { action: "See your progress" },
  certificate_issued: { action: "Download your certificate" },
  cohort_invitation: { action: "Accept or decline" },
  account_changed: { action: "Open your account" },
  review_waiting: { action: "Review the reflection" },
  weekly_digest: { action: "Open the cohort" },
  org_summary: { action: "Open the dashboard" },
};

/** What the layout shows, with every link already absolute (the renderer may pass stand-ins: emails/render.tsx). */
export type EmailView = {
  kind: NotificationKind;
  title: string;
  body: string;
  extra: string[];
  quote?: string;
  recipientName: string;
  organizationName: string;
  actionHref: string;
  secondary?: { label: string; href: string };
  unsubscribeUrl: string | null;
  preferencesUrl: string;
};

export const viewOf = (input: EmailInput): EmailView => ({
  kind: input.kind,
  title: input.content.title,
  body: input.content.body,
  extra: input.content.extra ?? [],
  quote: input.content.quote,
  recipientName: input.recipientName,
  organizationName: input.organizationName,
  actionHref: absolute(input.origin, input.content.link),
  secondary: input.content.secondary && {
    label: input.content.secondary.label,
    href: absolute(input.origin, input.content.secondary.path),
  },
  unsubscribeUrl: input.unsubscribeUrl,
  preferencesUrl: absolute(input.origin, "/notifications/preferences"),
});

export function Email(view: EmailView) {
  const t = templates[view.kind];
  return (
    <Layout
      title={view.title}
      preview={view.body}
      organizationName={view.organizationName}
      recipientName={view.recipientName}
      action={{ label: t.action, href: view.actionHref }}
      secondary={view.secondary}
      unsubscribeUrl={view.unsubscribeUrl}
      alwaysSentBecause={view.kind === "account_changed" ? "account" : "credit"}
      preferencesUrl={view.preferencesUrl}
    >
      {(t.body ?? paragraphs)(view)}
    </Layout>
  );
}
