// Where a command reads and writes. Commands take an Io so tests can call them in-process, feed their
// input and read what they printed; nothing else touches process.stdin/stdout/stderr.
import type { Readable } from 'node:stream';
import { isatty } from 'node:tty';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether colour may be used on stderr/stdout (false for --no-color, NO_COLOR or a non-TTY). */
  color: boolean;
  /** stderr is a terminal: planton may show a one-line status of what runs now (terminal/status.ts). */
  interactive?: boolean;
  /** Where answers to questions come from; `isTTY` says whether a person can type them. */
  stdin: { isTTY: boolean; stream?: Readable };
}

export function processIo(color: boolean): Io {
  return {
    cwd: process.cwd(),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    color,
    interactive: process.stderr.isTTY === true,
    // process.stdin is made on first use, and making it costs a cold start several milliseconds:
    // only the commands that read stdin (a `-` manifest, an approval) pay for it.
    stdin: {
      isTTY: isatty(0),
      get stream() {
        return process.stdin;
      },
    },
  };
}

/** An Io that records output, for tests; stdin is not a terminal unless the test gives one. */
export function memoryIo(cwd: string, env: NodeJS.ProcessEnv = {}, stdin: Io['stdin'] = { isTTY: false }): Io & { out: string; err: string } {
  const io = {
    cwd,
    env,
    stdin,
    color: false,
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}
