// The fleet report for people: one line per manifest (file, table, verdict, time) in the order given,
// then what needs reading, most urgent first: refused and failed runs with their cause (and tofu's
// output), invalid manifests with their problems, changes and drift in manifest terms.
import { formatDiagnostic } from '../../report/text.js';
import type { ManifestResult } from '../result.js';
import { changeLine } from './changes.js';
import { attentionFirst, manifestsText, secondsText, tallyText, verdictText, type FleetRun } from './verdict.js';

export interface TextOptions {
  color: boolean;
  /** Print every manifest's tofu output, not only that of failed and refused runs (`--log`). */
  logs: boolean;
}

export function formatFleetText(run: FleetRun, opts: TextOptions): string {
  const { results } = run;
  const head = `planton ${run.op}: ${manifestsText(results.length)} in ${secondsText(run.seconds)}: ${tallyText(results) || 'nothing to do'}`;
  const rows = [['MANIFEST', 'TABLE', 'VERDICT', 'TIME'], ...results.map((r) => [r.file, r.table ?? '-', verdictText(r), secondsText(r.seconds)])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const table = rows.map((row) => '  ' + row.map((cell, i) => (i === row.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  const details = attentionFirst(results).flatMap((r) => detail(r, opts));
  return [head, '', ...table, ...(details.length > 0 ? ['', ...details] : [])].join('\n') + '\n';
}

function detail(r: ManifestResult, opts: TextOptions): string[] {
  const name = r.table ? `${r.file} (${r.table})` : r.file;
  const lines: string[] = [];
  const logWanted = opts.logs || r.verdict === 'failed' || r.verdict === 'refused';
  switch (r.verdict) {
    case 'invalid':
      lines.push(`${name}: invalid`, ...r.diagnostics.map((d) => `  ${formatDiagnostic(d, opts.color)}`));
      if (r.diagnostics.length === 0 && r.reason) lines.push(`  ${r.reason}`);
      break;
    case 'failed':
    case 'refused':
    case 'skipped':
      lines.push(`${name}: ${verdictText(r)}${r.reason ? `: ${r.reason}` : ''}`);
      break;
    case 'no-changes':
      if (r.reason) lines.push(`${name}: no changes: ${r.reason}`);
      break;
    default:
      if (r.changes.length > 0) lines.push(`${name}: ${verdictText(r)}`, ...r.changes.map((c) => `  ${changeLine(c)}`));
  }
  if (logWanted && r.log.trim() !== '') {
    if (lines.length === 0) lines.push(`${name}: ${verdictText(r)}`);
    lines.push(`  ${r.op} output:`, ...r.log.trimEnd().split('\n').map((l) => `  | ${l}`));
  }
  return lines;
}
