// Runs one tofu command: argv array, explicit cwd and env, output streamed live through the masker.
// Ctrl-C / SIGTERM / SIGHUP reach planton only (the child runs in its own process group) and are forwarded
// to the child exactly once, so tofu stops cleanly (state written, lock released) instead of being killed
// twice. A watchdog stops the child's whole group (tofu and its providers) if planton itself dies.
import { constants } from 'node:os';
import { execa } from 'execa';
import { basename } from 'node:path';
import { forwardSignals, signalExitCode, type EndingSignal } from '../process/signals.js';
import { startWatchdog } from '../process/watchdog.js';
import { explainFailure, FAILURE_TEXT_LIMIT } from './failure.js';
import { lineMaskingWriter, type Mask } from './mask.js';

export interface RunContext {
  binary: string;
  cwd: string;
  env: Record<string, string>;
  mask: Mask;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Shows a one-line "what runs now" on a terminal (terminal/status.ts); absent or a no-op otherwise. */
  status?: (text: string) => void;
}

export interface RunResult {
  exitCode: number;
  /** A signal was forwarded: the caller stops the flow and returns exitCode. */
  interrupted: boolean;
  /** Captured stdout (capture mode only), unmasked: it is parsed, never printed as is. */
  stdout: string;
}

export async function runTofu(ctx: RunContext, args: string[], opts: { capture?: boolean } = {}): Promise<RunResult> {
  ctx.status?.(`planton: running ${basename(ctx.binary)} ${args[0]} …`);
  const watchdog = startWatchdog();
  const child = execa(ctx.binary, args, {
    cwd: ctx.cwd,
    env: ctx.env,
    extendEnv: false,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    // Own process group: a terminal's Ctrl-C goes to planton alone, which forwards it once.
    detached: true,
    encoding: 'utf8',
  });
  if (child.pid !== undefined) watchdog.guard(child.pid);

  const out = lineMaskingWriter(ctx.stdout, ctx.mask);
  const err = lineMaskingWriter(ctx.stderr, ctx.mask);
  let captured = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    if (opts.capture) captured += chunk;
    else out.write(chunk);
  });
  // The tail of stderr, to add planton's sentence to a failure tofu's own words leave unclear (failure.ts).
  let errText = '';
  child.stderr?.on('data', (chunk: string) => {
    err.write(chunk);
    errText = (errText + chunk).slice(-FAILURE_TEXT_LIMIT);
  });

  let interrupted: EndingSignal | undefined;
  const stopForwarding = forwardSignals((sig: EndingSignal) => {
    if (interrupted) {
      ctx.stderr(`planton: still waiting for ${ctx.binary} to finish cleanly\n`);
      return;
    }
    interrupted = sig;
    ctx.stderr(`planton: ${sig} received; asking ${ctx.binary} to stop cleanly (state is saved, the lock released)\n`);
    // tofu stops gracefully on SIGINT and SIGTERM only; SIGHUP would kill it with its state lock held.
    child.kill(sig === 'SIGHUP' ? 'SIGINT' : sig);
  });

  try {
    const result = await child;
    out.flush();
    err.flush();
    if (result.exitCode === undefined && !result.signal) ctx.stderr(ctx.mask(`planton: could not run ${ctx.binary}: ${result.shortMessage}\n`));
    let exitCode = typeof result.exitCode === 'number' ? result.exitCode : 1;
    if (result.exitCode === undefined && result.signal) exitCode = 128 + (constants.signals[result.signal as keyof typeof constants.signals] ?? 0);
    if (exitCode !== 0 && !interrupted) for (const hint of explainFailure(errText, ctx.cwd, basename(ctx.binary), ctx.env)) ctx.stderr(ctx.mask(hint) + '\n');
    // Stopped on request: planton ends with the signal's code (docs/contract.md, cli), and the flows
    // that called it stop here too, since that code is never 0.
    if (interrupted) return { exitCode: signalExitCode(interrupted), interrupted: true, stdout: captured };
    return { exitCode, interrupted: false, stdout: captured };
  } finally {
    stopForwarding();
    watchdog.release();
  }
}
