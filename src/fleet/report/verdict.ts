// The words every fleet report uses for a result, so text, markdown and progress lines agree.
import type { FleetOp, ManifestResult, Verdict } from '../result.js';

/** What a finished run over many manifests is, for the reporters: results only, plus the run's frame. */
export interface FleetRun {
  op: FleetOp;
  results: ManifestResult[];
  /** Wall time of the whole run. */
  seconds: number;
  exitCode: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function countsText(counts: NonNullable<ManifestResult['counts']>): string {
  return `${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy`;
}

/** One short phrase: `no changes`, `1 to add, 0 to change, 0 to destroy`, `drift at spec.ttl`, `invalid: 2 problems`. */
export function verdictText(r: ManifestResult): string {
  switch (r.verdict) {
    case 'no-changes':
      return 'no changes';
    case 'changes':
      return r.counts ? countsText(r.counts) : `${plural(r.changes.length, 'change')} in manifest terms`;
    case 'drift':
      // No path: the whole table is missing (the reason says where it was looked for).
      return r.driftPaths.length > 0 ? `drift at ${r.driftPaths.join(', ')}` : 'drift: table missing';
    case 'applied':
      return r.changes.length > 0 ? `applied ${plural(r.changes.length, 'change')}` : 'applied';
    case 'destroyed':
      return 'destroyed';
    case 'refreshed':
      return 'refreshed';
    case 'refused':
      return 'replacement refused';
    case 'invalid':
      return r.diagnostics.length > 0 ? `invalid: ${plural(r.diagnostics.filter((d) => d.severity === 'error').length, 'problem')}` : 'invalid';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
  }
}

/** The order verdicts are tallied in: what needs a person first. */
const TALLY: [Verdict, string][] = [
  ['refused', 'refused'],
  ['failed', 'failed'],
  ['invalid', 'invalid'],
  ['skipped', 'skipped'],
  ['drift', 'drifted'],
  ['changes', 'with changes'],
  ['applied', 'applied'],
  ['destroyed', 'destroyed'],
  ['refreshed', 'refreshed'],
  ['no-changes', 'unchanged'],
];

/** `1 failed, 2 with changes, 9 unchanged`: verdicts that occur, most urgent first. */
export function tallyText(results: readonly ManifestResult[]): string {
  const parts: string[] = [];
  for (const [verdict, word] of TALLY) {
    const n = results.filter((r) => r.verdict === verdict).length;
    if (n > 0) parts.push(`${n} ${word}`);
  }
  return parts.join(', ');
}

/** Needs a person: refused, failed, invalid, skipped (in that order), then file order. */
export function attentionFirst(results: readonly ManifestResult[]): ManifestResult[] {
  const rank = (v: Verdict) => TALLY.findIndex(([t]) => t === v);
  return [...results].sort((a, b) => rank(a.verdict) - rank(b.verdict));
}

export function secondsText(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

export function manifestsText(n: number): string {
  return plural(n, 'manifest');
}
