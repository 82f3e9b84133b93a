// planton's cache directory: $XDG_CACHE_HOME/planton, else a directory of this user's in the OS temp
// directory; never the cwd. What is read from it is trusted (compiled code, a binary's version), so
// a directory another user could write is not used at all.
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The planton cache directory, or undefined when it cannot be made or is not this user's alone. */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  const uid = process.getuid?.();
  const dir = xdg && isAbsolute(xdg) ? join(xdg, 'planton') : join(tmpdir(), `planton-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}
