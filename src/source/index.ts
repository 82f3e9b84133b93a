// Where the manifest comes from: a file (-f/-m/--manifest), an http(s) URL (fetched and cached), or a
// kustomize overlay (built and kept). Every command that reads a manifest asks here, so all of them
// accept the same three forms and name the result the same way in diagnostics.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { DEFAULT_MANIFEST, manifestProblem } from '../document/read.js';

export { DEFAULT_MANIFEST };

export interface SourceOptions {
  manifest?: string;
  kustomizeDir?: string;
  overlay?: string;
}

export interface ManifestSource {
  /** Absolute path of the text the pipeline reads: the file, the fetched copy, or the built overlay. */
  file: string;
  /** How diagnostics name it: the path as given, the URL, or the kept build relative to the cwd. */
  displayFile: string;
  /**
   * Where work directories go (`<workDirBase>/<table>`) when not beside the file: each URL and each
   * overlay has its own, so two environments never share a state.
   */
  workDirBase?: string;
  /** Lines for stderr saying where a fetched or built manifest came from (and what kustomize warned). */
  origin?: string;
}

/** `scheme://…`: fetched (http, https) or refused with a reason, never read as a path. */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/** Rejects contradictory flags before anything is fetched or built. */
export function checkSourceOptions(opts: SourceOptions): void {
  if (opts.overlay !== undefined && opts.kustomizeDir === undefined) throw new UsageError('--overlay needs --kustomize-dir DIR (the directory holding base/ and overlays/)');
  if (opts.kustomizeDir !== undefined && opts.overlay === undefined) throw new UsageError('--kustomize-dir needs --overlay NAME (one of the directories in its overlays/)');
  if (opts.kustomizeDir !== undefined && opts.manifest !== undefined) {
    throw new UsageError('--manifest and --kustomize-dir both name the manifest; give one of them');
  }
}

export async function resolveManifestSource(opts: SourceOptions, io: Io, fallback = DEFAULT_MANIFEST): Promise<ManifestSource> {
  checkSourceOptions(opts);
  if (opts.kustomizeDir !== undefined) {
    const { buildOverlay } = await import('./kustomize.js');
    const dir = resolve(io.cwd, opts.kustomizeDir);
    const built = await buildOverlay(dir, opts.overlay!, { cwd: io.cwd, env: io.env, shownDir: opts.kustomizeDir.replace(/\/+$/, '') });
    const shown = relative(io.cwd, built.file);
    return {
      file: built.file,
      displayFile: shown,
      workDirBase: join(built.home, 'tofu'),
      origin: [
        `planton: manifest from overlay '${opts.overlay}' (${relative(io.cwd, built.overlayDir)}), built by ${built.tool.name} into ${shown}`,
        ...built.warnings.map((w) => `planton: ${built.tool.name} warns: ${w}`),
      ].join('\n'),
    };
  }
  const given = opts.manifest ?? fallback;
  if (isUrl(given)) {
    const { displayUrl, fetchManifest } = await import('./url.js');
    const fetched = await fetchManifest(given, join(io.cwd, '.planton', 'remote'), io.env);
    const shown = displayUrl(given);
    return {
      file: fetched.file,
      displayFile: shown,
      workDirBase: join(fetched.dir, 'tofu'),
      origin: `planton: manifest fetched from ${shown} (kept in ${relative(io.cwd, fetched.file)})`,
    };
  }
  if (given === '-') {
    const { readStdinManifest } = await import('./stdin.js');
    const file = await readStdinManifest(io.stdin, join(io.cwd, '.planton', 'stdin'));
    return { file, displayFile: '-', origin: `planton: manifest read from stdin (kept in ${relative(io.cwd, file)})` };
  }
  // A missing file gets planton's sentence (naming the default when none was given) before any read.
  const missing = manifestProblem(io.cwd, opts.manifest ?? (fallback === DEFAULT_MANIFEST ? undefined : fallback));
  if (missing) throw missing;
  return { file: isAbsolute(given) ? given : resolve(io.cwd, given), displayFile: given };
}
