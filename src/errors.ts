// Typed errors, caught once by exitCodeFor in main.ts, which gives each class its exit code and its
// wording: commands return an exit code or throw, and never call process.exit.

/** A failure planton foresaw and can explain in one line and a hint: never printed with a stack trace. */
export abstract class PlantonError extends Error {
  constructor(message: string, public readonly hint?: string) {
    super(message);
  }
}

/** "You called it wrong": a flag, an argument, an input file or a setting planton cannot use as given. */
export class UsageError extends PlantonError {}

/** "The tool failed": terraform, the network, the file system, Java or DynamoDB Local did not do its part. */
export class EnvironmentError extends PlantonError {}
