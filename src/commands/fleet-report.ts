// The report at the end of a run, in the format asked for, on stdout (progress and tofu's text go to stderr).
import type { TofuOptions } from './options.js';
import type { FleetRun } from '../fleet/report/verdict.js';
import type { Io } from '../io.js';

export async function printReport(run: FleetRun, opts: Pick<TofuOptions, 'format' | 'log' | 'json'>, io: Io): Promise<void> {
  const logs = opts.log;
  const format = opts.json && opts.format === 'text' ? 'json' : opts.format;
  if (format === 'json') {
    const { formatFleetJson } = await import('../fleet/report/json.js');
    io.stdout(formatFleetJson(run, { logs }));
  } else if (format === 'markdown') {
    const { formatFleetMarkdown } = await import('../fleet/report/markdown.js');
    io.stdout(formatFleetMarkdown(run, { logs }));
  } else {
    const { formatFleetText } = await import('../fleet/report/text.js');
    io.stdout(formatFleetText(run, { color: io.color, logs }));
  }
}
