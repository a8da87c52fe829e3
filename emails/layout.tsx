import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The frame of every Cohort email: one column, real text (no images), a
 * heading, a labeled button, and a footer that says why the person gets it.
 * Colors keep at least 4.5:1 contrast on white (slate-900 text, slate-600
 * small print, blue-700 button with white text).
 */
export const colors = { text: "#111827", muted: "#4b5563", link: "#1d4ed8", page: "#f6f7f9" } as const;

const font = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const paragraph = { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px", color: colors.text } as const;

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** Words quoted from a person (an instructor's feedback), set apart. */
export function Quote({ children }: { children: ReactNode }) {
  return (
    <Section style={{ borderLeft: `4px solid ${colors.link}`, padding: "4px 0 4px 16px", margin: "0 0 16px" }}>
      <Text style={{ ...paragraph, margin: 0, fontStyle: "italic" }}>{children}</Text>
    </Section>
  );
}

export type LayoutProps = {
  title: string;
  /** the line mail programs show after the subject */
  preview: string;
  organizationName: string;
  recipientName: string;
  /** the button: what it does, in words (it is the link's accessible name) */
  action: { label: string; href: string };
  /** a second link under the button, if any */
  secondary?: { label: string; href: string };
  unsubscribeUrl: string | null;
  /** why an email that cannot be turned off is always sent (when unsubscribeUrl is null) */
  alwaysSentBecause?: string;
  preferencesUrl: string;
  children: ReactNode;
};

export function Layout(p: LayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{p.title}</title>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{p.preview}</Preview>
      <Body style={{ margin: 0, padding: "24px 12px", backgroundColor: colors.page, fontFamily: font, color: colors.text }}>
        <Container style={{ maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px" }}>
          <Text style={{ fontSize: "14px", lineHeight: "20px", margin: "0 0 8px", color: colors.muted }}>{p.organizationName}</Text>
          <Heading as="h1" style={{ fontSize: "22px", lineHeight: "28px", margin: "0 0 16px", color: colors.text }}>
            {p.title}
          </Heading>
          <Paragraph>Hello {p.recipientName},</Paragraph>
          {p.children}
          <Section style={{ margin: "24px 0 8px" }}>
            <Button
              href={p.action.href}
              style={{
                backgroundColor: colors.link,
                color: "#ffffff",
                padding: "12px 20px",
                borderRadius: "6px",
                fontSize: "16px",
                fontWeight: 600,
                textDecoration: "none",
              }}
            >
              {p.action.label}
            </Button>
          </Section>
          {p.secondary && (
            <Text style={{ ...paragraph, fontSize: "14px", lineHeight: "20px" }}>
              {p.secondary.label}:{" "}
              <Link href={p.secondary.href} style={{ color: colors.link, textDecoration: "underline" }}>
                {p.secondary.href}
              </Link>
            </Text>
          )}
        </Container>
        <Container style={{ maxWidth: "560px", padding: "0 24px" }}>
          <Hr style={{ borderColor: "#d1d5db", margin: "16px 0" }} />
          <Text style={{ fontSize: "13px", lineHeight: "20px", margin: 0, color: colors.muted }}>
            You get this email because of your {p.organizationName} training.{" "}
            {p.unsubscribeUrl ? (
              <>
                <Link href={p.unsubscribeUrl} style={{ color: colors.link, textDecoration: "underline" }}>
                  Stop these emails
                </Link>{" "}
                or{" "}
                <Link href={p.preferencesUrl} style={{ color: colors.link, textDecoration: "underline" }}>
                  choose which emails you get
                </Link>
                .
              </>
            ) : (
              `It is about your ${p.alwaysSentBecause ?? "credit"}, so it is always sent.`
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
