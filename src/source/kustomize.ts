// `--kustomize-dir DIR --overlay NAME`: DIR/overlays/NAME is built with a standalone `kustomize` or the
// one inside `kubectl` (whichever is on PATH), and the result must be exactly one AwsDynamodb. The built
// YAML is kept on disk, so every diagnostic points at a line a person can open.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { LineCounter, isMap, parseAllDocuments } from 'yaml';
import { EnvironmentError, UsageError } from '../errors.js';
import { findOnPath } from '../tofu/binary.js';
import { makeDirectory } from '../files/make-dir.js';

export interface KustomizeTool {
  /** How it is named in messages: `kustomize build` or `kubectl kustomize`. */
  name: string;
  path: string;
  args(dir: string): string[];
}

/** A standalone kustomize first (installed on purpose, usually newer), else kubectl's built-in one. */
export function chooseKustomize(env: NodeJS.ProcessEnv, find = findOnPath): KustomizeTool {
  const standalone = find('kustomize', env.PATH);
  if (standalone) return { name: 'kustomize build', path: standalone, args: (dir) => ['build', dir] };
  const kubectl = find('kubectl', env.PATH);
  if (kubectl) return { name: 'kubectl kustomize', path: kubectl, args: (dir) => ['kustomize', dir] };
  throw new EnvironmentError(
    '--kustomize-dir needs kustomize: neither `kustomize` nor `kubectl` (which has `kubectl kustomize` built in) is on PATH',
    'Install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/).',
  );
}

const OVERLAY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** DIR/overlays/NAME, checked: a plain name, an existing directory with a kustomization file. */
export function overlayDir(kustomizeDir: string, overlay: string, shownDir: string): string {
  if (!OVERLAY_NAME.test(overlay)) throw new UsageError(`--overlay ${JSON.stringify(overlay)}: an overlay is a directory name under ${shownDir}/overlays (letters, digits, . _ -)`);
  const overlays = join(kustomizeDir, 'overlays');
  const dir = join(overlays, overlay);
  if (!isDirectory(kustomizeDir)) throw new UsageError(`--kustomize-dir ${shownDir}: no such directory`);
  if (!isDirectory(dir)) {
    const there = isDirectory(overlays) ? readdirSync(overlays).filter((n) => isDirectory(join(overlays, n))).sort() : [];
    throw new UsageError(
      `overlay '${overlay}' not found: ${shownDir}/overlays/${overlay} is not a directory`,
      there.length > 0 ? `Overlays in ${shownDir}/overlays: ${there.join(', ')}.` : `Put one kustomization per environment in ${shownDir}/overlays/<name>/.`,
    );
  }
  if (!KUSTOMIZATION_FILES.some((f) => existsSync(join(dir, f)))) {
    throw new UsageError(`overlay '${overlay}': ${shownDir}/overlays/${overlay} has no kustomization.yaml`);
  }
  return dir;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs the build; kustomize's own error (its first lines) is the message when it fails. On success its
 * stderr holds only warnings (a deprecated field), passed on so the user can fix them.
 */
export async function runKustomize(tool: KustomizeTool, dir: string, env: NodeJS.ProcessEnv, overlay: string, shownDir: string): Promise<{ text: string; warnings: string[] }> {
  const r = await execa(tool.path, tool.args(dir), { env, extendEnv: false, stdin: 'ignore', reject: false, timeout: 60_000, maxBuffer: 8 * 1024 * 1024, stripFinalNewline: false });
  if (r.exitCode === 0 && !r.timedOut) return { text: r.stdout, warnings: r.stderr.split('\n').map((l) => l.replace(/^#\s*/, '').trim()).filter((l) => l !== '') };
  const said = (r.stderr || r.stdout || '').trim().split('\n').slice(0, 12).join('\n  ');
  const why = r.timedOut ? 'did not finish within 60 s' : `failed (exit ${r.exitCode ?? r.signal})`;
  throw new EnvironmentError(`overlay '${overlay}': \`${tool.name} ${shownDir}\` ${why}${said ? ':\n  ' + said : ''}`);
}

/** The header of the kept file; part of the file, so reported lines match what the user opens. */
export function builtHeader(tool: KustomizeTool, overlay: string, shownOverlayDir: string): string {
  return `# Built by \`${tool.name}\` from overlay '${overlay}' (${shownOverlayDir}); planton rewrites it on every run.\n`;
}

/**
 * The built text must hold one AwsDynamodb and nothing else: another document (a second table, a
 * ConfigMap) is named with its line, against the kept file. One document of any kind goes on to the
 * manifest pipeline, which explains a wrong kind or apiVersion better than a count could.
 */
export function checkOneManifest(text: string, shownFile: string, overlay: string): void {
  const lineCounter = new LineCounter();
  const docs = [...parseAllDocuments(text, { lineCounter })];
  if (docs.length <= 1) return;
  const found = docs.map((d) => {
    const kind = isMap(d.contents) ? d.contents.get('kind') : undefined;
    const name = isMap(d.contents) ? (d.getIn(['metadata', 'name']) as unknown) : undefined;
    const { line, col } = lineCounter.linePos(d.contents?.range?.[0] ?? d.range[0]);
    return { kind: typeof kind === 'string' ? kind : '(no kind)', name: typeof name === 'string' ? name : undefined, line, col };
  });
  const tables = found.filter((f) => f.kind === 'AwsDynamodb');
  const extra = tables.length === 0 ? found[1]! : tables.length > 1 ? tables[1]! : found.find((f) => f.kind !== 'AwsDynamodb')!;
  const what = (f: (typeof found)[number]) => `${f.kind}${f.name ? ' ' + f.name : ''}`;
  const summary =
    tables.length === 0
      ? `built no AwsDynamodb (found ${found.map(what).join(', ')})`
      : tables.length > 1
        ? `built ${tables.length} AwsDynamodb manifests (${tables.map(what).join(', ')}); planton manages one table per overlay`
        : `built ${what(extra)} besides the AwsDynamodb; planton reads exactly one AwsDynamodb per overlay`;
  throw new UsageError(`${shownFile}:${extra.line}:${extra.col}: overlay '${overlay}' ${summary}`, 'Leave only the table in the overlay (one resource in the base kustomization).');
}

export interface BuiltOverlay {
  /** The kept, built manifest: <DIR>/.planton/overlays/<NAME>/manifest.yaml. */
  file: string;
  /** The overlay's own directory under .planton/: its work directories live below it. */
  home: string;
  tool: KustomizeTool;
  overlayDir: string;
  /** What kustomize printed on stderr while succeeding. */
  warnings: string[];
}

export async function buildOverlay(kustomizeDir: string, overlay: string, opts: { cwd: string; env: NodeJS.ProcessEnv; shownDir: string }): Promise<BuiltOverlay> {
  const dir = overlayDir(kustomizeDir, overlay, opts.shownDir);
  const tool = chooseKustomize(opts.env);
  const { text, warnings } = await runKustomize(tool, dir, opts.env, overlay, opts.shownDir);
  const home = join(kustomizeDir, '.planton', 'overlays', overlay);
  const file = join(home, 'manifest.yaml');
  const kept = builtHeader(tool, overlay, relative(opts.cwd, dir) || '.') + text;
  try {
    makeDirectory(home);
    writeFileSync(file, kept);
  } catch (err) {
    throw new EnvironmentError(`cannot keep the built manifest in ${home}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  checkOneManifest(kept, relative(opts.cwd, file), overlay);
  return { file, home, tool, overlayDir: dir, warnings };
}
