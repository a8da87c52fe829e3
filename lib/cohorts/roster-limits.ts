/**
 * The roster upload's limits, shared by the form (a client component) and the
 * server, so the limit the form states is the one the server applies. The
 * server action's whole body may be 2 MB (next.config.js), so a file at the
 * limit always arrives.
 */
export const ROSTER_MAX_BYTES = 1_000_000;
export const ROSTER_MAX_LABEL = "1 MB";
export const ROSTER_TOO_LARGE = `The file is larger than ${ROSTER_MAX_LABEL}. Split it into smaller files (at most 5,000 learners each).`;
