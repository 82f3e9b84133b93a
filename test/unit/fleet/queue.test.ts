// The run queue: bounded concurrency, results in the order given, a failure stops others only with
// fail-fast, and a stop (Ctrl-C) skips what has not started while what runs finishes.
import { defaultParallelism, runQueue, Stop } from '../../../src/fleet/queue.js';

/** A task per item that resolves when the test says so, recording how many run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const started: string[] = [];
  const release = new Map<string, (r: string) => void>();
  const run = (item: string) =>
    new Promise<string>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      started.push(item);
      release.set(item, (r) => {
        running--;
        resolve(r);
      });
    });
  const settle = () => new Promise((r) => setImmediate(r));
  return { run, release: (item: string, r = `${item}:ok`) => release.get(item)!(r), started, peak: () => peak, settle };
}

const skip = (item: string, _i: number, reason: string) => `${item}:skipped (${reason})`;

test('runs at most `parallelism` at once and returns results in the order of the items', async () => {
  const g = gate();
  const done = runQueue(['a', 'b', 'c', 'd'], { parallelism: 2, failFast: false, failing: () => false, stop: new Stop() }, g.run, skip);
  await g.settle();
  expect(g.started).toEqual(['a', 'b']);
  g.release('b');
  await g.settle();
  expect(g.started).toEqual(['a', 'b', 'c']);
  g.release('c');
  g.release('a');
  await g.settle();
  g.release('d');
  expect(await done).toEqual(['a:ok', 'b:ok', 'c:ok', 'd:ok']);
  expect(g.peak()).toBe(2);
});

test('a failure does not stop the others without fail-fast', async () => {
  const results = await runQueue(['a', 'b', 'c'], { parallelism: 1, failFast: false, failing: (r) => r.endsWith('failed'), stop: new Stop() }, async (i) => (i === 'a' ? 'a:failed' : `${i}:ok`), skip);
  expect(results).toEqual(['a:failed', 'b:ok', 'c:ok']);
});

test('with fail-fast a failure skips what has not started; what runs finishes', async () => {
  const g = gate();
  const stop = new Stop();
  const done = runQueue(['a', 'b', 'c', 'd'], { parallelism: 2, failFast: true, failing: (r) => r.endsWith('failed'), stop }, g.run, skip);
  await g.settle();
  g.release('a', 'a:failed');
  await g.settle();
  expect(stop.reason).toBe('not started: --fail-fast after a failure (a)');
  g.release('b');
  expect(await done).toEqual(['a:failed', 'b:ok', 'c:skipped (not started: --fail-fast after a failure (a))', 'd:skipped (not started: --fail-fast after a failure (a))']);
  expect(g.started).toEqual(['a', 'b']);
});

test('a stop from outside (Ctrl-C) skips the rest; the first reason given wins', async () => {
  const g = gate();
  const stop = new Stop();
  const done = runQueue(['a', 'b', 'c'], { parallelism: 1, failFast: false, failing: () => false, stop }, g.run, skip);
  await g.settle();
  stop.stop('not started: SIGINT received');
  stop.stop('not started: SIGTERM received');
  g.release('a');
  expect(await done).toEqual(['a:ok', 'b:skipped (not started: SIGINT received)', 'c:skipped (not started: SIGINT received)']);
});

test('the default parallelism is one per core, at least 1 and at most 4', () => {
  expect([1, 2, 3, 4, 8, 64].map(defaultParallelism)).toEqual([1, 2, 3, 4, 4, 4]);
  expect(defaultParallelism(0)).toBe(1);
});
