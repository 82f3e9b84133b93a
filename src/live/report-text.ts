// A plain text report of drift results, one line per manifest and a count. The fleet's reporters
// (text, json, markdown) will take this over; this one only needs ManifestResult.
import type { ManifestResult } from '../fleet/result.js';
import { colors } from '../terminal/color.js';

function verdictText(r: ManifestResult): string {
  switch (r.verdict) {
    case 'no-changes':
      return 'no drift';
    case 'drift':
      return r.driftPaths.length > 0 ? `drift at ${r.driftPaths.join(', ')}` : `table missing: ${r.reason}`;
    case 'invalid':
      return 'invalid manifest (diagnostics above)';
    default:
      return `${r.verdict}: ${r.reason ?? ''}`;
  }
}

export function formatDriftText(results: ManifestResult[], color: boolean): string {
  const c = colors(color);
  const paint = (r: ManifestResult, t: string) => (r.exitCode === 1 ? c.red(t) : r.exitCode === 2 ? c.yellow(t) : t);
  const width = Math.max(0, ...results.map((r) => r.file.length));
  const lines = results.map((r) => paint(r, `${r.file.padEnd(width)}  ${r.table ?? '-'}  ${verdictText(r)}`));
  const count = (pred: (r: ManifestResult) => boolean) => results.filter(pred).length;
  const missing = count((r) => r.verdict === 'drift' && r.driftPaths.length === 0);
  const drifted = count((r) => r.verdict === 'drift') - missing;
  const summary = [
    `${count((r) => r.verdict === 'no-changes')} without drift`,
    `${drifted} drifted`,
    `${missing} missing`,
    `${count((r) => r.verdict === 'invalid')} invalid`,
    `${count((r) => r.verdict === 'failed')} failed`,
  ];
  return [...lines, `${results.length} manifest${results.length === 1 ? '' : 's'}: ${summary.join(', ')}`].join('\n') + '\n';
}
