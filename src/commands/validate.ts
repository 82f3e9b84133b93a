// `planton validate`: the manifest pipeline and a report; nothing is run. Exit 0 valid, 1 invalid.
import { loadManifest } from '../manifest/index.js';
import { resolveManifestSource, type SourceOptions } from '../source/index.js';
import type { Io } from '../io.js';

export interface ValidateCommandOptions extends SourceOptions {
  format: 'text' | 'json';
  set: string[];
}

export async function validate(opts: ValidateCommandOptions, io: Io): Promise<number> {
  const source = await resolveManifestSource(opts, io);
  if (source.origin) io.stderr(source.origin + '\n');
  const { result } = await loadManifest({ file: source.file, displayFile: source.displayFile, sets: opts.set });
  if (opts.format === 'json') {
    const { formatJson } = await import('../report/json.js');
    io.stdout(formatJson([result]));
  } else {
    const { formatText } = await import('../report/text.js');
    io.stdout(formatText([result], { color: io.color }));
  }
  return result.status === 'valid' ? 0 : 1;
}
