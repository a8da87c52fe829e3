import type { DefaultSession } from "next-auth";

type Role = "admin" | "instructor" | "learner";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sid: string; sv: number } & DefaultSession["user"];
  }
  interface User {
    id: string;
    role: Role;
    sid: string;
    sv: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sid?: string;
    sv?: number;
  }
}
