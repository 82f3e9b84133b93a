// The manifest files a command over many manifests names: files, directories and globs expanded
// (files/paths-expand.ts), each missing one said on stderr in the words a single run uses.
import { DEFAULT_MANIFEST, manifestProblem } from '../document/read.js';
import { expandPaths } from '../files/paths-expand.js';

/**
 * `paths` as given (no URL or `-`); `given` false means none was named, so the default manifest.
 * `failed` when a pattern matched nothing or a named file is missing; `files` are the ones present.
 */
export function namedManifestFiles(cwd: string, paths: string[], given: boolean, stderr: (text: string) => void): { files: string[]; failed: boolean } {
  const { files, unmatched } = expandPaths(cwd, given ? paths : [DEFAULT_MANIFEST]);
  for (const pattern of unmatched) stderr(`planton: no manifest matches ${pattern} (directories give their *.yaml and *.yml files)\n`);
  const present = files.filter((shown) => {
    const missing = manifestProblem(cwd, given ? shown : undefined);
    if (missing) stderr(`planton: ${missing.message}\n  ${missing.hint}\n`);
    return !missing;
  });
  return { files: present, failed: unmatched.length > 0 || present.length < files.length };
}
