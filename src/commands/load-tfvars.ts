// `planton tofu load-tfvars`: print the tfvars JSON the bundled module would get for a manifest.
import type { SourceOptions } from '../source/index.js';
import { stableJson, toTfvars } from '../tfvars/index.js';
import type { Io } from '../io.js';
import { loadEffectiveManifest } from './load-manifest.js';

export async function loadTfvars(opts: SourceOptions & { set: string[] }, io: Io): Promise<number> {
  const manifest = await loadEffectiveManifest(opts, io);
  if (!manifest) return 1;
  io.stdout(stableJson(toTfvars(manifest)));
  return 0;
}
