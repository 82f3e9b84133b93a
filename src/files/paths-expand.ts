// `planton validate`'s path arguments: a file stays itself, a directory gives its *.yaml and *.yml files
// (not its subdirectories), and a quoted glob (`*`, `?`, `**`) is matched here, since Node 20 has no fs.glob.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const GLOB = /[*?]/;
const MANIFEST_FILE = /\.ya?ml$/;

export interface Expanded {
  /** Paths as they will be shown: relative to the cwd when the argument was. Duplicates removed. */
  files: string[];
  /** Directories and globs that gave no file. */
  unmatched: string[];
}

export function expandPaths(cwd: string, args: string[]): Expanded {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    const found = GLOB.test(arg) ? matchGlob(cwd, arg) : isDirectory(resolve(cwd, arg)) ? manifestsIn(cwd, arg) : [arg];
    if (found.length === 0) unmatched.push(arg);
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return { files, unmatched };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function manifestsIn(cwd: string, dir: string): string[] {
  const abs = resolve(cwd, dir);
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isFile() && MANIFEST_FILE.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/** `dir/**\/*.yaml`: walks from the part before the first wildcard segment, skipping hidden directories. */
function matchGlob(cwd: string, pattern: string): string[] {
  const segments = pattern.split('/');
  const firstWild = segments.findIndex((s) => GLOB.test(s));
  const base = segments.slice(0, firstWild).join('/');
  // `**/` also matches no directory at all: `a/**/*.yaml` finds a/x.yaml.
  const regex = new RegExp('^' + segments.slice(firstWild).map(segmentRegex).join('/').replaceAll('(?:.*)/', '(?:.*/)?') + '$');
  const root = resolve(cwd, base === '' && pattern.startsWith('/') ? '/' : base || '.');
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else if (e.isFile() && regex.test(r)) out.push(base ? `${base}/${r}` : r);
    }
  };
  walk(root, '');
  return out.sort();
}

function segmentRegex(segment: string): string {
  if (segment === '**') return '(?:.*)';
  return segment
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
}
