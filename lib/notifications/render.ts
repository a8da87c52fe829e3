import type { Composed } from "./compose";
import type { NotificationKind } from "./kinds";

/**
 * What an email template needs: the message's words (compose.ts), who it is
 * for, and the links it carries. The templates themselves are React Email
 * components in emails/ (lib/ knows nothing of React); the worker receives
 * the renderer from its entry point (instrumentation-node.ts,
 * scripts/worker.ts) through WorkerConfig.render.
 */
export type EmailInput = {
  kind: NotificationKind;
  content: Composed;
  recipientName: string;
  /** absolute origin for links, e.g. https://training.example.org */
  origin: string;
  organizationName: string;
  /** the footer's unsubscribe page, or null for a kind that is always sent */
  unsubscribeUrl: string | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

export type EmailRenderer = (input: EmailInput) => Promise<RenderedEmail>;

/** The absolute URL of a path inside the app. */
export const absolute = (origin: string, path: string) => new URL(path, origin).toString();
