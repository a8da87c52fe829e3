/**
 * Why a learner's request was refused. Route handlers turn the code into an
 * HTTP status; pages show the message. "not_found" covers someone else's ids
 * too, so an id leaks nothing.
 */
export type LearnErrorCode =
  | "not_found"
  | "invalid"
  | "unanswered"
  | "not_open"
  | "closed"
  | "attempts_used"
  | "conflict"
  | "locked"
  | "too_short";

const httpStatus: Record<LearnErrorCode, number> = {
  not_found: 404,
  invalid: 400,
  unanswered: 422,
  too_short: 422,
  not_open: 409,
  closed: 409,
  attempts_used: 409,
  conflict: 409,
  locked: 409,
};

export class LearnError extends Error {
  constructor(
    public code: LearnErrorCode,
    message: string,
    public details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get status() {
    return httpStatus[this.code];
  }
}

export const notFoundError = () => new LearnError("not_found", "Not found.");
