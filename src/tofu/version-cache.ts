// `terraform version` is a process start on every command (~0.1-0.2 s), and its answer changes only
// when the binary does: planton keeps it in its cache directory (files/cache-dir.ts), by the binary's
// real path, size, modification time and inode, and asks the binary again when any of them differs.
import { readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../files/cache-dir.js';
import { probeBinary, type BinaryChoice, type TofuBinary } from './binary.js';

const FILE = 'binaries.json';

type Known = Record<string, { name: TofuBinary['name']; version: string }>;

function identity(path: string): string | undefined {
  try {
    const real = realpathSync(path);
    const st = statSync(real);
    return `${real}|${st.size}|${st.mtimeMs}|${st.ino}`;
  } catch {
    return undefined;
  }
}

function readKnown(dir: string): Known {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Known) : {};
  } catch {
    return {};
  }
}

/** probeBinary, answered from the cache when this very binary was probed before. */
export async function probeBinaryCached(choice: BinaryChoice, env: NodeJS.ProcessEnv, probe: typeof probeBinary = probeBinary): Promise<TofuBinary> {
  const dir = cacheDir(env);
  const key = identity(choice.path);
  if (dir === undefined || key === undefined) return probe(choice, env);
  const known = readKnown(dir);
  const hit = known[key];
  if (hit && (hit.name === 'terraform' || hit.name === 'tofu') && typeof hit.version === 'string') return { name: hit.name, version: hit.version, path: choice.path };
  const binary = await probe(choice, env);
  try {
    const partial = join(dir, `${FILE}.${process.pid}`);
    writeFileSync(partial, JSON.stringify({ ...known, [key]: { name: binary.name, version: binary.version } }), { mode: 0o600 });
    renameSync(partial, join(dir, FILE));
  } catch {
    // an unwritable cache only costs the next command its probe
  }
  return binary;
}
