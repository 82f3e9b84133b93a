// Where a command writes. Commands take an Io so tests can call them in-process and read what they printed.
export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether colour may be used on stderr/stdout (false for --no-color, NO_COLOR or a non-TTY). */
  color: boolean;
  /** stderr is a terminal: planton may show a one-line status of what runs now (status.ts). */
  interactive?: boolean;
}

export function processIo(color: boolean): Io {
  return {
    cwd: process.cwd(),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    color,
    interactive: process.stderr.isTTY === true,
  };
}

/** An Io that records output, for tests. */
export function memoryIo(cwd: string, env: NodeJS.ProcessEnv = {}): Io & { out: string; err: string } {
  const io = {
    cwd,
    env,
    color: false,
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}
