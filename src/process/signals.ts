// What planton does when SIGINT, SIGTERM or SIGHUP would end it. While tofu runs, the signal is
// forwarded to tofu (it saves state and releases its lock, then planton returns its exit code). At any
// other moment, the registered clean-ups run (stop a DynamoDB Local that is starting, release its data
// lock), one line on stderr says what was done, and planton ends by the same signal.
// This is process-wide state by nature: a signal reaches the whole process, not one call.
import { constants } from 'node:os';

export const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type EndingSignal = (typeof ENDING_SIGNALS)[number];

/**
 * The exit code after a clean stop asked for by `sig`: 128 + its number (130, 143, 129), what a shell
 * reports for a process the signal ended, so CI and `$?` tell an interrupt from a validation error (1).
 */
export function signalExitCode(sig: EndingSignal): number {
  return 128 + constants.signals[sig];
}

type Forwarder = (sig: EndingSignal) => void;
/** A clean-up runs synchronously and returns what it did, in a few words ("stopped DynamoDB Local"). */
type Cleanup = () => string | undefined;

const forwarders: Forwarder[] = [];
const cleanups = new Set<Cleanup>();
let permanent = false;
let listening = false;

function onSignal(sig: EndingSignal): void {
  const forward = forwarders.at(-1);
  if (forward) return forward(sig);
  const done = [...cleanups].map((c) => c()).filter((d): d is string => Boolean(d));
  cleanups.clear();
  const what = done.length > 0 ? done.join('; ') : 'nothing to stop';
  try {
    process.stderr.write(`planton: ${sig} received; ${what}; exiting\n`);
  } catch {
    // stderr is gone (the terminal closed): nothing left to tell
  }
  stopListening();
  // Node's own handling of the signal ends the process with the status a shell expects (128 + n).
  process.kill(process.pid, sig);
}

const handlers = new Map(ENDING_SIGNALS.map((sig) => [sig, () => onSignal(sig)] as const));

function startListening(): void {
  if (listening) return;
  listening = true;
  for (const [sig, h] of handlers) process.on(sig, h);
}

function stopListening(): void {
  if (!listening) return;
  listening = false;
  for (const [sig, h] of handlers) process.off(sig, h);
}

function settle(): void {
  if (!permanent && forwarders.length === 0 && cleanups.size === 0) stopListening();
}

/** For the CLI entry point: every ending signal is answered with a message from now on. */
export function handleEndingSignals(): void {
  permanent = true;
  startListening();
  // A closed terminal (SIGHUP) makes writes to stderr fail: that must not become a crash.
  process.stderr.on('error', () => undefined);
}

/** While `to` is registered, ending signals go to it instead of ending planton. Returns the undo. */
export function forwardSignals(to: Forwarder): () => void {
  forwarders.push(to);
  startListening();
  return () => {
    const i = forwarders.lastIndexOf(to);
    if (i >= 0) forwarders.splice(i, 1);
    settle();
  };
}

/** Runs `cleanup` if a signal ends planton while it is registered. Returns the undo. */
export function cleanupOnSignal(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  startListening();
  return () => {
    cleanups.delete(cleanup);
    settle();
  };
}
