// Typed errors, caught once in bin.ts (changesets' layering): commands never call process.exit.

/** Ends the process with this exit code; the message (if any) was already printed. */
export class ExitError extends Error {
  constructor(public readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** A mistake in how planton was called or configured: printed as one line, exit code 1. */
export class UsageError extends Error {
  readonly exitCode = 1;
  constructor(message: string, public readonly hint?: string) {
    super(message);
  }
}
