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

/** Pooled SMTP through nodemailer: a few connections, reused across messages. */
export async function smtpTransport(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  const pool = nodemailer.createTransport(url.includes("?") ? `${url}&pool=true` : `${url}?pool=true`);
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
