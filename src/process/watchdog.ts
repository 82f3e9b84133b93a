// A tiny sh process that outlives planton by design: it stops a child's whole process group when
// planton is gone, however it ended (SIGKILL included). tofu runs its providers in its own process
// group; when planton dies, tofu may die of a broken stdout pipe while a provider (hundreds of MB)
// would live on, adopted by init. The watchdog reads its stdin, a pipe only planton holds: a `done`
// line means the child finished normally; end-of-file without it means planton died.
import { spawn } from 'node:child_process';

/** Grace between SIGTERM and SIGKILL for what is left of the group. */
export const WATCHDOG_GRACE_S = 5;

const SCRIPT = [
  'IFS= read -r group || exit 0', // planton died before naming the group: nothing was started
  'IFS= read -r line || line=',
  '[ "$line" = done ] && exit 0',
  'kill -TERM -"$group" 2>/dev/null || exit 0',
  'i=0',
  'while kill -0 -"$group" 2>/dev/null; do',
  `  i=$((i + 1)); if [ "$i" -gt ${WATCHDOG_GRACE_S * 10} ]; then kill -KILL -"$group" 2>/dev/null; exit 0; fi`,
  '  sleep 0.1',
  'done',
].join('\n');

export interface Watchdog {
  /** Names the process group to guard (the child's pid when it was spawned detached). */
  guard(pgid: number): void;
  /** The child finished normally: the watchdog exits without touching anything. */
  release(): void;
}

/** Started before the child, so there is no moment when the child runs unguarded. */
export function startWatchdog(): Watchdog {
  if (process.platform === 'win32') return { guard: () => undefined, release: () => undefined };
  // Own process group and session: a terminal's Ctrl-C or hang-up does not end the watchdog itself.
  const dog = spawn('/bin/sh', ['-c', SCRIPT, 'planton-watchdog'], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  dog.on('error', () => undefined);
  dog.stdin.on('error', () => undefined);
  dog.unref();
  (dog.stdin as unknown as { unref?: () => void }).unref?.();
  let named = false;
  return {
    guard(pgid) {
      if (named) return;
      named = true;
      dog.stdin.write(`${pgid}\n`);
    },
    release() {
      if (!named) dog.stdin.write('0\n');
      dog.stdin.end('done\n');
    },
  };
}
