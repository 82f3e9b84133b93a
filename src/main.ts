// The one error boundary: every failure becomes a message and an exit code, never a stack trace.
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { UsageError } from './errors.js';
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

export function exitCodeFor(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // --help and --version end with code 0; usage mistakes were already printed by commander.
    return err.exitCode === 0 ? 0 : 1;
  }
  if (err instanceof UsageError) {
    io.stderr(`planton: ${err.message}\n`);
    if (err.hint) io.stderr(`  ${err.hint}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`planton: internal error: ${message}\n`);
  io.stderr('  This is a bug in planton; set PLANTON_DEBUG=1 for details.\n');
  if (io.env.PLANTON_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 1;
}
