// Reads a manifest or stack input with a byte cap, whatever the path names: a regular file, a device
// such as /dev/zero, a pipe or a FIFO. The file is opened non-blocking, so a FIFO without a writer or a
// terminal never ties up a thread; input that stays silent for IDLE_MS is an error, not a hang.
// It also owns the sentences for an input file that cannot be read: as a diagnostic of the pipeline
// (readFailure) and, before a command starts, as one line naming the default path when the user gave
// none and saying what to do next (manifestProblem, stackInputProblem).
import { constants, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../files/paths.js';

/** How long a pipe, FIFO or terminal may stay silent before planton gives up on it. */
export const IDLE_MS = 5_000;
const POLL_MS = 25;
const CHUNK = 64 * 1024;

export type ReadOutcome =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'too-large'; size?: number }
  | { ok: false; reason: 'silent'; idleMs: number }
  | { ok: false; reason: 'error'; code: string };

export async function readCapped(path: string, maxBytes: number, opts: { idleMs?: number } = {}): Promise<ReadOutcome> {
  const idleMs = opts.idleMs ?? IDLE_MS;
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: 'error', code: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { ok: false, reason: 'error', code: 'EISDIR' };
    if (st.isFile() && st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    let lastData = Date.now();
    for (;;) {
      const buf = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = (await fh.read(buf, 0, buf.length, null)).bytesRead;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        n = -1; // nothing yet
      }
      if (n > 0) {
        chunks.push(buf.subarray(0, n));
        total += n;
        lastData = Date.now();
        if (total > maxBytes) return { ok: false, reason: 'too-large', size: st.isFile() ? st.size : undefined };
        continue;
      }
      // End of a regular file, device or pipe. A FIFO reads as ended before its writer has opened it:
      // an empty FIFO is waited on, like a pipe that has not written yet.
      if (n === 0 && (st.isFile() || total > 0 || !st.isFIFO())) break;
      if (Date.now() - lastData >= idleMs) return { ok: false, reason: 'silent', idleMs };
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, reason: 'error', code: (err as NodeJS.ErrnoException).code ?? String(err) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The pipeline's sentence for a file that could not be opened or read (`code` as readCapped gives it). */
export function readFailure(code: string): { code: 'file-not-found' | 'file-unreadable'; message: string } {
  const message =
    code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a manifest file' : code === 'EACCES' ? 'permission denied' : `cannot read the file (${code})`;
  return { code: code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', message };
}

export const DEFAULT_MANIFEST = 'hack/manifest.yaml';

type PathKind = 'missing' | 'directory' | undefined;

/** What is wrong with the path before it is read: nothing there, or a directory (else undefined). */
export function pathKind(cwd: string, path: string): PathKind {
  try {
    return statSync(resolve(cwd, path)).isDirectory() ? 'directory' : undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
}

/** The error for a manifest path, or undefined when it is a file (read errors are the loader's). */
export function manifestProblem(cwd: string, path: string | undefined): UsageError | undefined {
  const shown = path ?? DEFAULT_MANIFEST;
  const problem = pathKind(cwd, shown);
  if (problem === 'directory') return new UsageError(`manifest ${shown} is a directory, not a file`, 'Pass a manifest file with -m FILE.');
  if (problem !== 'missing') return undefined;
  if (path === undefined) {
    return new UsageError(
      `manifest ${shown} not found: that is the default path, relative to ${cwd}`,
      'Pass a manifest with -m FILE, or run planton from the directory that holds hack/.',
    );
  }
  return new UsageError(`manifest ${shown} not found (relative to ${cwd})`, 'Check the path.');
}

/** The error for a stack-input path, or undefined when it is a file. */
export function stackInputProblem(cwd: string, path: string): UsageError | undefined {
  const problem = pathKind(cwd, path);
  if (problem === 'directory') return new UsageError(`stack input ${path} is a directory, not a file`, 'Pass the stack input YAML file with -s FILE.');
  if (problem !== 'missing') return undefined;
  const example = join(packageRoot, 'hack', 'stack-input.example.yaml');
  const shownExample = relative(cwd, example).startsWith('..') || isAbsolute(relative(cwd, example)) ? example : relative(cwd, example);
  return new UsageError(
    `stack input ${path} not found (relative to ${cwd})`,
    `Start from the example, readable only by you (it will hold credentials): install -m 600 ${shownExample} ${path}`,
  );
}
