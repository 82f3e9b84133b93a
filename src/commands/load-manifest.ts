// `planton load-manifest`: the manifest as planton sees it after the overlay, --set and the schema's
// defaults, printed as YAML (or JSON). Invalid input gets the validate report on stderr and exit 1.
import { stringify } from 'yaml';
import type { AwsDynamodb } from '../generated/manifest.js';
import { loadManifest } from '../manifest/index.js';
import { formatText } from '../report/text.js';
import { resolveManifestSource, type SourceOptions } from '../source/index.js';
import type { Io } from '../io.js';

export interface LoadManifestOptions extends SourceOptions {
  set: string[];
  json: boolean;
}

/** The valid manifest from any source, or undefined once its problems are on stderr. */
export async function loadEffectiveManifest(opts: SourceOptions & { set: string[] }, io: Io): Promise<AwsDynamodb | undefined> {
  const source = await resolveManifestSource(opts, io);
  if (source.origin) io.stderr(source.origin + '\n');
  const { result, manifest } = await loadManifest({ file: source.file, displayFile: source.displayFile, sets: opts.set });
  if (result.status === 'valid' && manifest) return manifest;
  io.stderr(formatText([result], { color: io.color }));
  return undefined;
}

export async function loadManifestCommand(opts: LoadManifestOptions, io: Io): Promise<number> {
  const manifest = await loadEffectiveManifest(opts, io);
  if (!manifest) return 1;
  if (opts.json) {
    io.stdout(JSON.stringify(manifest, null, 2) + '\n');
  } else {
    io.stdout(stringify(manifest, { lineWidth: 0 }));
  }
  return 0;
}
