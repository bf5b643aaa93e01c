/** Every error code the API can answer with; the HTTP status for each lives in platform/http/error-status.ts. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "origin_mismatch"
  | "not_found"
  | "conflict"
  /** An assessment attempt is over: submitted, or its deadline passed. */
  | "attempt_closed"
  /** The retake policy keeps the next attempt closed until `fields.opensAt`. */
  | "retake_locked"
  | "email_not_confirmed"
  | "invalid_credentials"
  | "invalid_token"
  | "rule_broken"
  | "too_many_requests"
  | "payload_too_large"
  | "internal";

export type FieldReasons = Record<string, string>;

/** The one error type services and rules throw; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldReasons;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldReasons; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
