/**
 * Left only for the admin cohort pages, which import these two until they
 * move to page() (its `query` is firstValues already). Delete this file then.
 */
export { firstValues } from "@/app/_edge/http";
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
