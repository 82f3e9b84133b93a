// `mkdir -p` with a bound. Node's own `mkdirSync(path, { recursive: true })` (and its promise form)
// never returns for a path whose parent exists but refuses children with ENOENT, such as /proc/x: it
// creates the parent (EEXIST), retries the child (ENOENT) and so on forever, holding the event loop, so
// not even SIGTERM ends planton. Here each missing directory is made once, from the top down, and the
// first refusal is thrown with its code.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirectory(path: string): void {
  const missing: string[] = [];
  let dir = resolve(path);
  // Bounded by the number of path segments: dirname('/') is '/'.
  while (!exists(dir)) {
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      // Made meanwhile by another run: that is what was wanted.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err;
    }
  }
  if (!statSync(resolve(path)).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR' });
  }
}

/** False only for ENOENT; ENOTDIR or EACCES is thrown: nothing can be made below such a path. */
function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
