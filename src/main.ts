// The one error boundary: every failure becomes a message and an exit code, never a stack trace.
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { EnvironmentError, UsageError, type PlantonError } from './errors.js';
import type { Io } from './io.js';

export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c), argv);
  try {
    await program.parseAsync(helpAsFlag(argv), { from: 'user' });
    return code;
  } catch (err) {
    return exitCodeFor(err, io);
  }
}

/** `planton help tofu apply` is `planton tofu apply --help` (commander's help command stops at one level). */
function helpAsFlag(argv: string[]): string[] {
  return argv[0] === 'help' && argv.length > 2 ? [...argv.slice(1), '--help'] : argv;
}

/**
 * Each error class planton foresees, its exit code and how its message starts: the one place that
 * decides both. A usage error and a failed tool or environment both exit 1 (1 = planton did not do
 * the job; a tofu run that planton did start ends with tofu's own code).
 */
export const FAILURES: readonly { kind: abstract new (message: string) => PlantonError; exitCode: number; prefix: string }[] = [
  { kind: UsageError, exitCode: 1, prefix: 'planton: ' },
  { kind: EnvironmentError, exitCode: 1, prefix: 'planton: ' },
];

/** Anything else is a bug: said so, with the stack under PLANTON_DEBUG. */
export const INTERNAL_FAILURE = { exitCode: 1, prefix: 'planton: internal error: ' };

export function exitCodeFor(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // --help and --version end with code 0; usage mistakes were already printed by commander.
    return err.exitCode === 0 ? 0 : 1;
  }
  const known = FAILURES.find((f) => err instanceof f.kind);
  if (known) {
    const { message, hint } = err as PlantonError;
    io.stderr(`${known.prefix}${message}\n`);
    if (hint) io.stderr(`  ${hint}\n`);
    return known.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`${INTERNAL_FAILURE.prefix}${message}\n`);
  io.stderr('  This is a bug in planton; set PLANTON_DEBUG=1 for details.\n');
  if (io.env.PLANTON_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return INTERNAL_FAILURE.exitCode;
}
