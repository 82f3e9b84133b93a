// Fault tests need real processes (signals, two runs at once, /proc): planton is built once into a
// private directory (never dist/, which others use) and spawned with node, like an installed CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo.js';

export const repo = repoRoot;
/** paths.ts finds schema/ and tf-module/ beside its dist directory: link them there. */
export const buildRoot = join(repo, 'test/.tmp/faults-build');
export const bin = join(buildRoot, 'dist/bin.js');

/**
 * Bundles src/ into buildRoot once per source change, as `npm run build` bundles dist/ (esbuild, ES
 * modules with split chunks): a fingerprint of every input (src/, the bundler's version) is kept beside
 * the output, and a build whose fingerprint matches is reused. The fault, lifetime and walk suites each ask
 * for the build; esbuild takes well under a second where tsc took several seconds of CPU.
 */
export function buildPlanton(): void {
  mkdirSync(buildRoot, { recursive: true });
  const stamp = join(buildRoot, 'inputs.sha256');
  const fingerprint = buildInputsFingerprint();
  const current = () => existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
  if (!current()) {
    // Jest workers run files in parallel: one builds, the others wait for it and reuse its build.
    withBuildLock(() => {
      if (current()) return;
      rmSync(stamp, { force: true });
      rmSync(join(buildRoot, 'dist'), { recursive: true, force: true });
      // Type errors are lint's business (tsc); esbuild only strips types, so only a missing bin.js is fatal.
      buildSync({
        entryPoints: { bin: join(repo, 'src/bin.ts') },
        outdir: join(buildRoot, 'dist'),
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        chunkNames: 'chunk-[hash]',
        logLevel: 'silent',
        // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
        banner: { js: "import { createRequire as __plantonCreateRequire } from 'node:module'; const require = __plantonCreateRequire(import.meta.url);" },
      });
      if (!existsSync(bin)) throw new Error(`the build did not produce ${bin}`);
      writeFileSync(stamp, fingerprint);
    });
  }
  for (const name of ['schema', 'tf-module', 'package.json', 'node_modules']) {
    try {
      symlinkSync(join(repo, name), join(buildRoot, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another worker linked it
    }
  }
}

/** Runs fn holding a directory lock beside the build (mkdir is atomic); a lock older than 10 minutes is a crashed run's. */
function withBuildLock(fn: () => void): void {
  const lock = join(buildRoot, '.lock');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Hash of what the bundler reads: each src/ file's path and bytes, and esbuild's package.json. */
function buildInputsFingerprint(): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(repo, 'src'));
  files.push(join(repo, 'node_modules/esbuild/package.json'));
  for (const f of files.sort()) hash.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** The environment of a planton child: no AWS_* from the developer's shell, offline plugins. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', NO_COLOR: '1', ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  return env;
}

export interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string; ms: number }>;
}

export function spawnPlanton(args: string[], cwd: string, env: NodeJS.ProcessEnv = childEnv()): Run {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string; ms: number }>((ok) =>
    child.on('close', (code, signal) => ok({ code, signal, out, err, ms: Date.now() - started })),
  );
  return { child, out: () => out, err: () => err, done };
}

/** `/proc/<pid>/cmdline` with NULs as spaces ('' once the process is gone). */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every live process below pid (children, grandchildren, ...). */
export function descendants(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = parentOf(Number(name));
    if (p !== undefined) byParent.set(p, [...(byParent.get(p) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const pending = [...(byParent.get(pid) ?? [])];
  while (pending.length > 0) {
    const p = pending.pop()!;
    out.push(p);
    pending.push(...(byParent.get(p) ?? []));
  }
  return out;
}

/** Watches a process tree every 50 ms and remembers each process's argv, until stopped. */
export function watchTree(pid: number): { seen: Map<number, string>; stop: () => void } {
  const seen = new Map<number, string>();
  const look = () => {
    for (const p of [pid, ...descendants(pid)]) {
      const c = cmdline(p);
      if (c && !seen.has(p)) seen.set(p, c);
    }
  };
  look();
  const timer = setInterval(look, 50);
  return { seen, stop: () => clearInterval(timer) };
}

/** Resolves with the first descendant whose argv matches, polling every 50 ms (undefined on timeout). */
export async function waitForDescendant(pid: number, match: (argv: string) => boolean, timeoutMs: number): Promise<number | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const p of descendants(pid)) if (match(cmdline(p))) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** Every file under dir whose bytes contain needle (the provider binaries are skipped: hundreds of MB). */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!p.endsWith(join('.terraform', 'providers'))) walk(p);
      } else if (readFileSync(p).includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

/** lineage and serial of a local state file: both must survive every fault. */
export function stateIdentity(workDir: string): { lineage: string; serial: number } {
  const state = JSON.parse(readFileSync(join(workDir, 'terraform.tfstate'), 'utf8')) as { lineage: string; serial: number };
  return { lineage: state.lineage, serial: state.serial };
}
