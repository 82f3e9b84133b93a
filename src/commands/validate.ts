// `planton validate [FILE|DIR|GLOB ...] [-m FILE ...]`: the manifest pipeline over every file in one
// process and one report; nothing is run. Exit 0 when all are valid, 1 when any is not.
import { isAbsolute, resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import { expandPaths } from '../paths-expand.js';
import { DEFAULT_MANIFEST, manifestProblem } from '../not-found.js';
import type { FileResult } from '../diagnostics.js';
import type { Io } from '../io.js';

export interface ValidateCommandOptions {
  /** Files, directories and globs as given; none means the default manifest. */
  paths: string[];
  format: 'text' | 'json';
  set: string[];
}

export async function validate(opts: ValidateCommandOptions, io: Io): Promise<number> {
  const given = opts.paths.length > 0;
  const { files, unmatched } = expandPaths(io.cwd, given ? opts.paths : [DEFAULT_MANIFEST]);
  let failed = unmatched.length > 0;
  for (const pattern of unmatched) io.stderr(`planton: no manifest matches ${pattern} (directories give their *.yaml and *.yml files)\n`);

  const results: FileResult[] = [];
  for (const shown of files) {
    const missing = manifestProblem(io.cwd, given ? shown : undefined);
    if (missing) {
      failed = true;
      io.stderr(`planton: ${missing.message}\n  ${missing.hint}\n`);
      continue;
    }
    const file = isAbsolute(shown) ? shown : resolve(io.cwd, shown);
    results.push((await loadManifest({ file, displayFile: shown, sets: opts.set })).result);
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
