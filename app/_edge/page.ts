import "server-only";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/access/permissions";
import { isDomainError } from "@/lib/platform/errors";
import { firstValues, requestPath, signInUrl } from "./http";
import { getCurrentUser, type CurrentUser } from "./session";

type RawSearchParams = Record<string, string | string[] | undefined>;
type PageProps<P> = { params: Promise<P>; searchParams: Promise<RawSearchParams> };

export type PageContext<P, U> = {
  user: U;
  params: P;
  /** the query string, first value of each key */
  query: Record<string, string>;
};

/**
 * The one way a page starts. It resolves the session (signed out: to sign-in,
 * then back here), checks the page's permission from the matrix (anyone else:
 * 404), hands the render its params and query, and turns a domain error into
 * the 404 page (not_found, forbidden) — every other error is a real failure.
 *
 *   export default page({ permission: "workspace.instructor" }, async ({ user, params }) => …);
 *
 * `permission: "public"` pages render for anyone; `user` is then null when signed out.
 */
export function page<P = Record<string, never>>(
  opts: { permission: "public" },
  render: (ctx: PageContext<P, CurrentUser | null>) => Promise<ReactNode> | ReactNode,
): (props: PageProps<P>) => Promise<ReactNode>;
export function page<P = Record<string, never>>(
  opts: { permission: Permission },
  render: (ctx: PageContext<P, CurrentUser>) => Promise<ReactNode> | ReactNode,
): (props: PageProps<P>) => Promise<ReactNode>;
export function page<P>(
  opts: { permission: Permission | "public" },
  render:
    | ((ctx: PageContext<P, CurrentUser>) => Promise<ReactNode> | ReactNode)
    | ((ctx: PageContext<P, CurrentUser | null>) => Promise<ReactNode> | ReactNode),
) {
  const Page = async (props: PageProps<P>) => {
    const user = await getCurrentUser();
    if (opts.permission !== "public") {
      if (!user) redirect(signInUrl(await requestPath()));
      if (!can(user.role, opts.permission)) notFound();
    }
    const [params, query] = await Promise.all([props.params, props.searchParams]);
    try {
      return await (render as (ctx: PageContext<P, CurrentUser | null>) => Promise<ReactNode>)({
        user,
        params,
        query: firstValues(query ?? {}),
      });
    } catch (e) {
      if (isDomainError(e) && (e.code === "not_found" || e.code === "forbidden")) notFound();
      throw e;
    }
  };
  return Object.assign(Page, { [EDGE]: "page" as const });
}

/** Marks what the wrappers made, so tests can tell. */
export const EDGE = Symbol.for("cohort.edge");
