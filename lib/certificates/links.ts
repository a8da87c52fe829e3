import { env } from "@/lib/platform/env";

/** The public origin certificates point at (NEXTAUTH_URL, as deployed). */
export function publicOrigin(): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${env().PORT}`;
}

export function verificationUrl(code: string): string {
  return `${publicOrigin()}/verify/${encodeURIComponent(code)}`;
}
