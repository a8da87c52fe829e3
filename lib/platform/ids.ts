/**
 * A well-formed id from a URL or request body. Kept free of Next.js imports
 * (unlike lib/access/scope.ts) because the demo seed runs these modules from a
 * plain script.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
