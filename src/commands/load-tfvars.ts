// `planton tofu load-tfvars`: print the tfvars JSON the bundled module would get for a manifest.
import { isAbsolute, resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import { formatText } from '../report/text.js';
import { stableJson, toTfvars } from '../tfvars/index.js';
import type { Io } from '../io.js';
import { DEFAULT_MANIFEST, manifestProblem } from '../not-found.js';

export async function loadTfvars(opts: { manifest?: string; set: string[] }, io: Io): Promise<number> {
  const missing = manifestProblem(io.cwd, opts.manifest);
  if (missing) throw missing;
  const shown = opts.manifest ?? DEFAULT_MANIFEST;
  const file = isAbsolute(shown) ? shown : resolve(io.cwd, shown);
  const { result, manifest } = await loadManifest({ file, displayFile: shown, sets: opts.set });
  if (result.status !== 'valid' || !manifest) {
    io.stderr(formatText([result], { color: io.color }));
    return 1;
  }
  io.stdout(stableJson(toTfvars(manifest)));
  return 0;
}
