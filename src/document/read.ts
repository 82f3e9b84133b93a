// Reads a manifest or stack input with a byte cap, whatever the path names: a regular file, a device
// such as /dev/zero, a pipe or a FIFO. The file is opened non-blocking, so a FIFO without a writer or a
// terminal never ties up a thread; input that stays silent for IDLE_MS is an error, not a hang.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

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
