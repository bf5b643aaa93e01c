/** A failure the user can act on: printed without a stack trace, exits with exitCode. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit code for bad input or configuration, as the server uses for a bad environment. */
export const EXIT_USAGE = 2;
