/**
 * The one error the domain throws. The code says what went wrong; only the
 * edge (app/_edge) decides how that looks: a 404 page, messages next to form
 * fields, or a JSON status.
 *
 * - not_found: missing, or not yours to see — the same answer, so ids leak nothing
 * - forbidden: you may see it but not do this (rare: most refusals are not_found)
 * - invalid: the input breaks a rule; `fieldErrors` name the fields
 * - conflict: the state changed under you, or the action no longer applies
 * - rate_limited: too many tries; wait and try again
 *
 * `reason` is a finer, stable code for clients that act on it (for example
 * "attempts_used" or "version_conflict"); `details` carries data a client
 * needs to recover (for example the newer draft).
 */
export type DomainErrorCode = "not_found" | "forbidden" | "invalid" | "conflict" | "rate_limited";

export type DomainErrorOptions = {
  fieldErrors?: Record<string, string>;
  reason?: string;
  details?: Record<string, unknown>;
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors?: Record<string, string>;
  readonly reason?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.reason = options.reason;
    this.details = options.details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const notFound = (message = "Not found.") => new DomainError("not_found", message);

/** An input rule broken; with a field, the message shows next to it. */
export const invalid = (message: string, fieldErrors?: Record<string, string>, reason?: string) =>
  new DomainError("invalid", message, { fieldErrors, reason });

export const conflict = (message: string, reason?: string, details?: Record<string, unknown>) =>
  new DomainError("conflict", message, { reason, details });

/**
 * Kept while areas move to DomainError: an ActionError is an "invalid"
 * DomainError, so the edge treats both alike.
 */
export class ActionError extends DomainError {
  constructor(message: string, fieldErrors?: Record<string, string>) {
    super("invalid", message, { fieldErrors });
  }
}
