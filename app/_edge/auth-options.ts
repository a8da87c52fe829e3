import "server-only";
import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/platform/env";
import { clientIpFrom } from "@/lib/platform/http/request";
import { decodeJwt, encodeJwt } from "./jwt";
import { endSession, resolveSession } from "@/lib/accounts/sessions";
import { authenticate, type SignInResult } from "@/lib/accounts/sign-in";
import { DEVICE_COOKIE_DAYS } from "@/lib/accounts/sign-in-devices";

const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Secure cookies (and the __Host- prefix) whenever the app is served over HTTPS. */
export function secureCookies() {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export const sessionCookieName = () => (secureCookies() ? "__Host-cohort.session" : "cohort.session");

/** "This browser signed in here before" (lib/accounts/sign-in-devices.ts): outlives sessions and sign-out. */
export const deviceCookieName = () => (secureCookies() ? "__Host-cohort.device" : "cohort.device");

function cookieFrom(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=") || null;
  }
  return null;
}

export function authOptions(): NextAuthOptions {
  const secure = secureCookies();
  const cookie = (name: string) => ({
    name: secure ? `__Host-${name}` : name,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  });
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
    jwt: { encode: encodeJwt, decode: decodeJwt },
    pages: { signIn: "/signin" },
    logger: {
      error(code, metadata) {
        // a replayed cookie of an ended session (see the jwt callback) is expected, not an error
        if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string } | undefined)?.message === "session ended") return;
        console.error(`[next-auth][error][${code}]`, (metadata as { message?: string } | undefined)?.message ?? "");
      },
    },
    useSecureCookies: secure,
    cookies: {
      sessionToken: cookie("cohort.session"),
      csrfToken: cookie("cohort.csrf"),
      callbackUrl: { ...cookie("cohort.callback"), options: { ...cookie("cohort.callback").options, httpOnly: false } },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) throw new Error("invalid");
          const h = new Headers(req?.headers as Record<string, string> | undefined);
          let result: SignInResult;
          try {
            const deviceToken = cookieFrom(h.get("cookie"), deviceCookieName());
            result = await authenticate({ ...parsed.data, ip: clientIpFrom(h), userAgent: h.get("user-agent"), deviceToken });
          } catch (e) {
            // the database is unreachable: say so (next-auth would pass the driver's message to the browser)
            console.error(`sign-in failed: ${(e as Error).message}`);
            throw new Error("unavailable");
          }
          if (!result.ok) throw new Error(result.reason);
          // Next.js adds cookies set here to the sign-in response
          (await cookies()).set(deviceCookieName(), result.deviceToken, {
            httpOnly: true,
            sameSite: "lax",
            path: "/",
            secure: secureCookies(),
            maxAge: DEVICE_COOKIE_DAYS * 86400,
          });
          const u = result.user;
          return { id: u.id, email: u.email, name: u.name, role: u.role, sid: result.sessionId, sv: u.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = user.sid;
          token.sv = user.sv;
          return token;
        }
        // Only /api/auth/session comes here (pages and handlers resolve the
        // cookie in app/_edge/session.ts). An ended session answers {} and its
        // cookie is cleared; while the database is unreachable the token is
        // answered as it stands, so an outage signs nobody out.
        let current;
        try {
          current = await resolveSession({ uid: token.uid, sid: token.sid, sv: token.sv });
        } catch {
          return token;
        }
        if (!current) throw new Error("session ended");
        return { ...token, role: current.role, name: current.name, email: current.email };
      },
      async session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid ?? "",
          role: token.role ?? "learner",
          sid: token.sid ?? "",
          sv: token.sv ?? -1,
        };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid, "sign_out");
      },
    },
  };
}
