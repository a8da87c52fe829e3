import { env } from "@/lib/platform/env";

/** Email goes out only when SMTP_URL is configured; otherwise the admin shares links by hand. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendMail(message: { to: string; subject: string; text: string }) {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not configured.");
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: env().SMTP_FROM ?? "Cohort <no-reply@localhost>", ...message });
  } finally {
    transport.close();
  }
}
