import NextAuth from "next-auth";
import { authOptions } from "@/app/_edge/auth-options";
import { foreignOriginResponse } from "@/lib/platform/http/origin";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

/** Sign-in and sign-out change state: only from our own pages (next-auth's CSRF token is the second lock). */
async function post(req: Request, ctx: Ctx) {
  return foreignOriginResponse(req) ?? handler(req, ctx);
}

export { handler as GET, post as POST };
