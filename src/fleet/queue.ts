// Runs many manifests with bounded concurrency. A failure never stops the others unless fail-fast
// asks; a stop (fail-fast, Ctrl-C) lets what runs finish cleanly and skips what has not started.
// Results come back in the order of the items, whatever order they finished in.
import { availableParallelism } from 'node:os';

/** Why the rest of the queue does not start; the first reason given wins. */
export class Stop {
  reason: string | undefined;
  stop(reason: string): void {
    this.reason ??= reason;
  }
}

export interface QueueOptions<R> {
  parallelism: number;
  failFast: boolean;
  /** Whether a result counts as a failure for fail-fast. */
  failing: (result: R) => boolean;
  stop: Stop;
}

/** Default for `--parallelism`: terraform's provider start-up is CPU-bound, so one run per core, at most 4. */
export function defaultParallelism(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores));
}

export async function runQueue<I, R>(
  items: readonly I[],
  opts: QueueOptions<R>,
  run: (item: I, index: number) => Promise<R>,
  skip: (item: I, index: number, reason: string) => R,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as I;
      if (opts.stop.reason !== undefined) {
        results[i] = skip(item, i, opts.stop.reason);
        continue;
      }
      const result = await run(item, i);
      results[i] = result;
      if (opts.failFast && opts.failing(result)) opts.stop.stop(`not started: --fail-fast after a failure (${describe(item)})`);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(opts.parallelism, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

function describe(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && 'file' in item && typeof item.file === 'string') return item.file;
  return 'another manifest';
}
