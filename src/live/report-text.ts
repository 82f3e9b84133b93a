// `planton drift`'s text report: one line per manifest naming the manifest paths that drifted (or the
// table missing), then a count. `--format json|markdown` go through the fleet's reporters
// (src/fleet/report/); their text form is laid out for plans and applies (verdict, time, changes in
// manifest terms), where drift's reader wants the drifted paths on the manifest's own line.
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
