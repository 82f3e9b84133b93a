// Reading is bounded whatever the path names: a device that never ends, a pipe, a FIFO nobody writes to.
import { execFileSync, spawn } from 'node:child_process';
import { openSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../../src/manifest/index.js';
import { readCapped } from '../../../src/document/read.js';
import { loadStackInput } from '../../../src/stack-input/index.js';
import { removeScratch, scratchDir } from '../../helpers/scratch.js';
import { PK, render, withSpec } from './helpers.js';

const tmp = scratchDir('read');
afterAll(() => removeScratch(tmp));

async function fileProblems(file: string): Promise<string[]> {
  const { result } = await loadManifest({ file, displayFile: 'm.yaml' });
  return result.diagnostics.map(render);
}

describe('bounded reading', () => {
  test('/dev/zero is refused after the cap, without reading on', async () => {
    const before = process.memoryUsage().rss;
    expect(await fileProblems('/dev/zero')).toEqual(['1:1  the file gives more than 128 KiB; a manifest is at most 128 KiB (is this the right file?) [yaml-too-large]']);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  test('a stack input is read with the same cap', async () => {
    const loaded = await loadStackInput('/dev/zero', 'stack.yaml');
    expect(loaded.result.diagnostics.map(render)).toEqual(['1:1  the file gives more than 128 KiB; a manifest is at most 128 KiB (is this the right file?) [yaml-too-large]']);
  });

  test('a regular file over the cap is refused by its size', async () => {
    const file = join(tmp, 'big.yaml');
    writeFileSync(file, 'a: 1\n'.repeat(40_000));
    expect(await fileProblems(file)).toEqual(['1:1  the file is 195 KiB; a manifest is at most 128 KiB (is this the right file?) [yaml-too-large]']);
  });

  test('a FIFO with no writer is an error after the idle time, not a hang', async () => {
    const fifo = join(tmp, 'silent.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = await readCapped(fifo, 1024, { idleMs: 300 });
    expect(r).toEqual({ ok: false, reason: 'silent', idleMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('the pipeline names the silent FIFO in one line', async () => {
    const fifo = join(tmp, 'silent2.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await fileProblems(fifo)).toEqual(['0:0  nothing to read within 5 s (a pipe or FIFO with no writer?); pass a manifest file [file-silent]']);
  }, 15_000);

  test('a FIFO whose writer comes a moment later is read whole', async () => {
    const fifo = join(tmp, 'late.fifo');
    execFileSync('mkfifo', [fifo]);
    const reading = readCapped(fifo, 128 * 1024, { idleMs: 3_000 });
    await new Promise((r) => setTimeout(r, 200));
    const writer = spawn('sh', ['-c', `printf 'a: 1\\n' > '${fifo}'`]);
    await new Promise((r) => writer.on('close', r));
    const r = await reading;
    expect(r.ok && r.bytes.toString('utf8')).toBe('a: 1\n');
  });

  test('a FIFO that streams more than the cap is cut off at the cap', async () => {
    const fifo = join(tmp, 'flood.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat /dev/zero > '${fifo}' 2>/dev/null`]);
    const r = await readCapped(fifo, 1024);
    writer.kill('SIGKILL');
    expect(r).toEqual({ ok: false, reason: 'too-large', size: undefined });
  });

  test('a valid manifest through a FIFO validates', async () => {
    const fifo = join(tmp, 'ok.fifo');
    execFileSync('mkfifo', [fifo]);
    const loading = fileProblems(fifo);
    const fd = openSync(fifo, 'w');
    writeSync(fd, withSpec(PK));
    closeSync(fd);
    expect(await loading).toEqual([]);
  });
});
