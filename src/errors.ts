// Typed errors, caught once by exitCodeFor in main.ts: commands return an exit code or throw, and
// never call process.exit.

/** A mistake in how planton was called or configured: printed as one line, exit code 1. */
export class UsageError extends Error {
  readonly exitCode = 1;
  constructor(message: string, public readonly hint?: string) {
    super(message);
  }
}
