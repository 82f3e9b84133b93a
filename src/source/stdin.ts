// `-m -`: the manifest comes through a pipe. It is read once, with the same byte cap as a file, and kept
// under .planton/stdin/ so that every later stage (the pipeline, --local's data directory, the work
// directory) works on a file, as for a URL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { EnvironmentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { MAX_MANIFEST_BYTES } from '../document/load.js';
import { IDLE_MS } from '../document/read.js';
import { makeDirectory } from '../files/make-dir.js';

export async function readStdinManifest(stdin: Io['stdin'], home: string, idleMs = IDLE_MS): Promise<string> {
  if (!stdin.stream) throw new UsageError('`-` reads the manifest from stdin, but there is none', 'Pipe the manifest in: cat manifest.yaml | planton validate -m -');
  const bytes = await readCappedStream(stdin.stream, MAX_MANIFEST_BYTES, idleMs);
  const file = join(home, 'manifest.yaml');
  try {
    makeDirectory(home);
    writeFileSync(file, bytes);
  } catch (err) {
    throw new EnvironmentError(`cannot keep the manifest from stdin in ${home}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'Run planton in a writable directory, or save the manifest to a file and pass it with --manifest.');
  }
  return file;
}

/** The whole stream, or a UsageError once it passes `maxBytes` or stays silent for `idleMs`. */
function readCappedStream(stream: Readable, maxBytes: number, idleMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let timer: NodeJS.Timeout;
    const finish = (err?: Error) => {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      stream.pause();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, total));
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new UsageError(`nothing came on stdin within ${idleMs / 1000} s`, 'Pipe the manifest in: cat manifest.yaml | planton validate -m -')), idleMs);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return finish(new UsageError(`stdin holds more than ${maxBytes / 1024} KiB; a manifest is at most that`, 'Is this the right file?'));
      chunks.push(chunk);
      idle();
    };
    const onEnd = () => finish();
    const onError = (err: NodeJS.ErrnoException) => finish(new EnvironmentError(`stdin cannot be read (${err.code ?? err.message})`));
    stream.on('data', onData).on('end', onEnd).on('error', onError);
    idle();
    stream.resume();
  });
}
