import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/platform/env";
import { sessionCookieName } from "./auth-options";
import { decodeJwt } from "./jwt";
import { resolveSession, type CurrentUser } from "@/lib/accounts/sessions";

export type { CurrentUser };

/**
 * The session cookie's claims, or null when it is missing, expired or not
 * made with our secret (a bad signature, an edited payload and an unsigned
 * "alg: none" token all fail to decrypt). next-auth splits cookies over 4 kB
 * into numbered chunks; ours are far smaller, but the chunks are read too.
 * Decoded with the key derived once per process (./jwt.ts), as /api/auth/*
 * does: next-auth's own `decode` derives it again on every call, which was
 * ~4 % of the learner home's server time in a profile (npm run bench).
 */
async function sessionClaims() {
  const jar = await cookies();
  const name = sessionCookieName();
  let token = jar.get(name)?.value;
  if (!token) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    token = chunks.map((c) => c.value).join("") || undefined;
  }
  if (!token) return null;
  try {
    return await decodeJwt({ token, secret: env().NEXTAUTH_SECRET ?? "" });
  } catch {
    return null;
  }
}

/**
 * The signed-in user of this request, checked against the database; deduped
 * per request. The cookie only names a server-side session: role, status and
 * whether it is still open come from the database, so a database error
 * surfaces as an error page, never as being signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  return resolveSession({ uid: claims.uid, sid: claims.sid, sv: claims.sv });
});
