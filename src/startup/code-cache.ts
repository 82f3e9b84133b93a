// Loads a CommonJS bundle through V8's code cache, so the next cold start deserialises the compiled
// functions instead of parsing and compiling them again (Node 20 has no module compile cache; on 22
// `enableCompileCache` does this for every module, see launch.ts). The cache lives under
// $XDG_CACHE_HOME/planton or the OS temp directory, never the cwd, in a directory only this user can
// write: code read from it runs as planton, so a directory anyone else could write is not used.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

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

/** A short, file-name-safe fingerprint of a string (FNV-1a): which installed copy a cache belongs to. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

export interface LoadedBundle {
  exports: unknown;
  /** Whether V8 took the compiled code from the cache (false on a first run or a rejected cache). */
  fromCache: boolean;
  /** Writes the cache when there was none usable: call after the work, so what it compiled is in it. */
  save(): void;
}

export function loadBundle(file: string, env: NodeJS.ProcessEnv): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const dir = cacheDir(env);
  const st = statSync(file);
  // Node's version and the file's identity name the cache; V8 also rejects data from another build.
  const copy = `${basename(file)}-${process.version}-${process.arch}-${fingerprint(file)}-`;
  const name = `${copy}${st.size}-${Math.trunc(st.mtimeMs)}.v8`;
  const cacheFile = dir === undefined ? undefined : join(dir, name);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  // The same wrapper Node gives a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (fromCache || cacheFile === undefined) return;
      try {
        // Written aside and renamed: a concurrent run reads the old cache or the new, never half of one.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
        // The caches of this copy's earlier builds are of no more use.
        for (const old of readdirSync(dir as string)) if (old.startsWith(copy) && old !== name) rmSync(join(dir as string, old), { force: true });
      } catch {
        // a cache that cannot be written only costs the next start its speed
      }
    },
  };
}
