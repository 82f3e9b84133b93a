// One DynamoDB Local per data directory: two servers on the same SQLite file would corrupt it.
// The lock file holds the owning planton's pid and the server's pid; it is stale once both are gone.
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../errors.js';

export const LOCK_FILE = 'planton.lock';

interface LockContent {
  pid: number;
  serverPid?: number;
}

export interface DataDirLock {
  /** Records the server's pid so a later run also waits for a server that outlived its planton. */
  setServerPid(pid: number): void;
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid } satisfies LockContent), { flag: 'wx' });
      return ownLock(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(path);
    if (holder === 'fresh' || (holder && [holder.pid, holder.serverPid].some((pid) => pid !== undefined && isAlive(pid)))) {
      const who = holder === 'fresh' ? '' : ` (pid ${holder.pid})`;
      throw new EnvironmentError(
        `the DynamoDB Local data in ${dataDir} is in use by another planton run${who}`,
        `wait for that run to finish; if no planton is running, delete ${path}`,
      );
    }
    rmQuiet(path); // stale: its owner and server are gone
  }
  throw new EnvironmentError(`could not lock ${path}`, 'another planton run is starting on the same data directory');
}

function ownLock(path: string): DataDirLock {
  let released = false;
  return {
    setServerPid(serverPid) {
      writeFileSync(path, JSON.stringify({ pid: process.pid, serverPid } satisfies LockContent));
    },
    release() {
      if (released) return;
      released = true;
      rmQuiet(path);
    },
  };
}

/** The holder, 'fresh' for a lock being written right now, undefined for garbage or a vanished file. */
function readLock(path: string): LockContent | 'fresh' | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid === 'number') return parsed as LockContent;
  } catch {
    // empty (another run is between create and write) or corrupt
  }
  try {
    return Date.now() - statSync(path).mtimeMs < 5_000 ? 'fresh' : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** An exited child whose parent died is a zombie until init reaps it; kill(pid, 0) still succeeds on it. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no /proc (macOS) or already gone
  }
}

function rmQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
