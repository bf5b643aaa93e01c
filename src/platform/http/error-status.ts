import type { ErrorCode } from "../../kernel/app-error.js";

/** Exhaustive: adding an ErrorCode without a status fails type-checking. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_mismatch: 403,
  email_not_confirmed: 403,
  not_found: 404,
  conflict: 409,
  attempt_closed: 409,
  retake_locked: 409,
  payload_too_large: 413,
  invalid_token: 422,
  rule_broken: 422,
  too_many_requests: 429,
  internal: 500,
};
