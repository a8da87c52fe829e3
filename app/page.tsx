import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_edge/session";
import { homeFor } from "@/lib/access/permissions";

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? homeFor[user.role] : "/signin");
}
