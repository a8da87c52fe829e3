/**
 * Where email goes: an SMTP server when SMTP_URL is set; otherwise nowhere
 * outside — the outbox row, with its rendered text, is the admin's mailbox
 * (/admin/messages), which in production is also the delivery log.
 */
export type OutgoingEmail = {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** stable per outbox row, so a resend after a crash can be recognised as the same message */
  messageId: string;
  headers: Record<string, string>;
};

export type Transport = {
  kind: "smtp" | "mailbox";
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
};

export const mailboxTransport = (): Transport => ({ kind: "mailbox", async send() {}, close() {} });

/**
 * How long a silent SMTP server is waited for before the send fails (and is
 * retried): well inside the worker's claim (LEASE_MS, two minutes), so a
 * send can never still be under way when another worker takes the message
 * over. nodemailer's own defaults wait up to ten minutes.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/**
 * Pooled SMTP through nodemailer: a few connections, reused across messages.
 *
 * Each connection's socket is opened here with Nagle's algorithm off: a
 * message ends with a small write ("." on a line of its own) that Nagle holds
 * back until the server acknowledges the body, and servers delay that
 * acknowledgement (40 ms on Linux), so every message on a connection waited
 * ~45 ms for nothing: five connections carried ~110 messages a second to a
 * local sink, ~690 without the wait (scripts/bench). nodemailer still does
 * the rest: STARTTLS, or TLS from the start for smtps:// on this socket.
 */
export async function smtpTransport(url: string): Promise<Transport> {
  const [nodemailer, { parseConnectionUrl }, net] = await Promise.all([
    import("nodemailer"),
    import("nodemailer/lib/shared"),
    import("node:net"),
  ]);
  // the URL's settings (host, port, smtps://, credentials, ?query options), then ours: nodemailer ignores every
  // other option of an object that has a `url`
  const settings = parseConnectionUrl(url);
  const pool = nodemailer.createTransport({
    ...settings,
    pool: true,
    ...SMTP_TIMEOUTS,
    getSocket(options, callback) {
      // nodemailer's defaults: localhost, 465 for smtps://, else 587
      const port = Number(options.port) || (options.secure ? 465 : 587);
      const socket = net.connect({ host: options.host ?? "localhost", port, noDelay: true });
      const failed = (err: Error) => callback(err, null);
      socket.once("error", failed);
      socket.once("connect", () => {
        socket.off("error", failed);
        callback(null, { connection: socket });
      });
    },
  });
  return {
    kind: "smtp",
    async send(email) {
      await pool.sendMail({
        to: email.to,
        from: email.from,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
      });
    },
    close() {
      pool.close();
    },
  };
}
