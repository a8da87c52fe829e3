import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { clientIpFrom } from "@/lib/http/request";
import { decodeJwt, encodeJwt } from "./jwt";
import { endSession } from "./sessions";
import { authenticate } from "./sign-in";

const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Secure cookies (and the __Host- prefix) whenever the app is served over HTTPS. */
export function secureCookies() {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export const sessionCookieName = () => (secureCookies() ? "__Host-cohort.session" : "cohort.session");

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
          const result = await authenticate({
            ...parsed.data,
            ip: clientIpFrom(h),
            userAgent: h.get("user-agent"),
          });
          if (!result.ok) throw new Error(result.reason);
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
        }
        return token;
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
