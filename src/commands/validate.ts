// `planton validate [FILE|DIR|GLOB|URL|- ...] [-m FILE ...] [--kustomize-dir DIR --overlay NAME]`: the
// manifest pipeline over every file in one process and one report; nothing is run. Exit 0 when all
// are valid, 1 when any is not.
import { isAbsolute, resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import { namedManifestFiles } from './manifest-files.js';
import { isUrl, resolveManifestSource, type ManifestSource } from '../source/index.js';
import { UsageError } from '../errors.js';
import type { FileResult } from '../document/diagnostics.js';
import type { Io } from '../io.js';

export interface ValidateCommandOptions {
  /** Files, directories, globs and URLs as given; none means the default manifest. */
  paths: string[];
  format: 'text' | 'json';
  set: string[];
  kustomizeDir?: string;
  overlay?: string;
}

export async function validate(opts: ValidateCommandOptions, io: Io): Promise<number> {
  const results: FileResult[] = [];
  let failed = false;
  const check = async (source: ManifestSource) => {
    if (source.origin) io.stderr(source.origin + '\n');
    results.push((await loadManifest({ file: source.file, displayFile: source.displayFile, sets: opts.set })).result);
  };

  if (opts.kustomizeDir !== undefined || opts.overlay !== undefined) {
    // One overlay builds one manifest: files beside it would make the report ambiguous.
    if (opts.paths.length > 0) throw new UsageError('--kustomize-dir builds the manifest to validate; give no files with it');
    await check(await resolveManifestSource({ kustomizeDir: opts.kustomizeDir, overlay: opts.overlay }, io));
  } else {
    const given = opts.paths.length > 0;
    // URLs and `-` (stdin) are sources of their own; the rest are files, directories and globs.
    const special = (p: string) => isUrl(p) || p === '-';
    const sources = opts.paths.filter(special);
    const named = namedManifestFiles(io.cwd, opts.paths.filter((p) => !special(p)), given, io.stderr);
    failed = named.failed;
    for (const shown of named.files) await check({ file: isAbsolute(shown) ? shown : resolve(io.cwd, shown), displayFile: shown });
    for (const source of sources) await check(await resolveManifestSource({ manifest: source }, io));
  }
  if (results.some((r) => r.status !== 'valid')) failed = true;

  if (opts.format === 'json') {
    const { formatJson } = await import('../report/json.js');
    io.stdout(formatJson(results));
  } else if (results.length > 0) {
    const { formatText } = await import('../report/text.js');
    io.stdout(formatText(results, { color: io.color }));
  }
  return failed ? 1 : 0;
}
