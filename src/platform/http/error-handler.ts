import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type FieldReasons } from "../../kernel/app-error.js";
import { databaseInputProblem } from "./database-input-error.js";
import { ERROR_STATUS } from "./error-status.js";

const body = (code: ErrorCode | string, message: string, fields?: FieldReasons) => ({
  error: fields ? { code, message, fields } : { code, message },
});

function validationFields(error: FastifyError): FieldReasons {
  const fields: FieldReasons = {};
  for (const issue of error.validation ?? []) {
    const path = (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".") || "body";
    if (!fields[path]) fields[path] = issue.message ?? "is invalid";
  }
  return fields;
}

/** One error shape for every failure (DESIGN.md section 5); 5xx bodies never echo internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds) reply.header("retry-after", String(error.retryAfterSeconds));
      return reply.status(ERROR_STATUS[error.code]).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const fields = validationFields(error);
      const summary = Object.entries(fields)
        .map(([path, reason]) => `${path} ${reason}`)
        .join("; ");
      return reply.status(400).send(body("invalid_input", `Please correct: ${summary}.`, fields));
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send(body("payload_too_large", "The request body is too large."));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body("too_many_requests", error.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body("invalid_input", error.message));
    }
    const refused = databaseInputProblem(error);
    if (refused) {
      request.log.warn({ err: error, method: request.method, url: request.url }, "database refused a value");
      return reply.status(400).send(body("invalid_input", `The request ${refused}.`, { body: refused }));
    }
    request.log.error({ err: error, method: request.method, url: request.url }, "unhandled error");
    return reply.status(500).send(body("internal", "Something went wrong on our side. Please try again."));
  });
}
