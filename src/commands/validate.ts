// `planton validate`: the manifest pipeline and a report; nothing is run. Exit 0 valid, 1 invalid.
import { isAbsolute, resolve } from 'node:path';
import { loadManifest } from '../manifest/index.js';
import type { Io } from '../io.js';

export interface ValidateCommandOptions {
  manifest: string;
  format: 'text' | 'json';
  set: string[];
}

export async function validate(opts: ValidateCommandOptions, io: Io): Promise<number> {
  const file = isAbsolute(opts.manifest) ? opts.manifest : resolve(io.cwd, opts.manifest);
  const { result } = await loadManifest({ file, displayFile: opts.manifest, sets: opts.set });
  if (opts.format === 'json') {
    const { formatJson } = await import('../report/json.js');
    io.stdout(formatJson([result]));
  } else {
    const { formatText } = await import('../report/text.js');
    io.stdout(formatText([result], { color: io.color }));
  }
  return result.status === 'valid' ? 0 : 1;
}
