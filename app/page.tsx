import { redirect } from "next/navigation";
import { page } from "@/app/_edge/page";
import { homeFor } from "@/lib/access/permissions";

/** The front door: signed in, to one's own area; else to sign-in. */
export default page({ permission: "public" }, ({ user }) => redirect(user ? homeFor[user.role] : "/signin"));
