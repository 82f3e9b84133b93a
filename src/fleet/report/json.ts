// `--format json` of a fleet run: one document, fixed key order, every key always present (null when
// it does not apply), so CI scripts can rely on it. The schema is documented in docs/fleets.md; bump
// formatVersion only when a field changes meaning or disappears.
import { orderedChange } from '../../plan/explain.js';
import type { ManifestResult, Verdict } from '../result.js';
import type { FleetRun } from './verdict.js';

const VERDICTS: Verdict[] = ['no-changes', 'changes', 'drift', 'applied', 'destroyed', 'refreshed', 'refused', 'invalid', 'failed', 'skipped'];

const tenths = (s: number) => Math.round(s * 10) / 10;

export function formatFleetJson(run: FleetRun, opts: { logs: boolean }): string {
  const summary: Record<string, number> = { manifests: run.results.length };
  for (const v of VERDICTS) summary[v] = run.results.filter((r) => r.verdict === v).length;
  const doc = {
    formatVersion: 1,
    op: run.op,
    exitCode: run.exitCode,
    seconds: tenths(run.seconds),
    summary,
    manifests: run.results.map((r) => manifestJson(r, opts.logs)),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function manifestJson(r: ManifestResult, logs: boolean) {
  const logWanted = logs || r.verdict === 'failed' || r.verdict === 'refused';
  return {
    file: r.file,
    table: r.table ?? null,
    op: r.op,
    verdict: r.verdict,
    counts: r.counts ?? null,
    changes: r.changes.map(orderedChange),
    driftPaths: r.driftPaths,
    reason: r.reason ?? null,
    diagnostics: r.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code, path: d.path, message: d.message })),
    exitCode: r.exitCode,
    seconds: tenths(r.seconds),
    log: logWanted ? r.log : null,
  };
}
