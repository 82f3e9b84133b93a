// One manifest's drift verdict from the fleet read: the live table against the manifest as a run would
// apply it, as a ManifestResult (fleet/result.ts). A missing table is drift (the manifest says it
// exists); a table the read could not get is a failure.
import type { ManifestResult } from '../fleet/result.js';
import type { AwsSettings } from '../tofu/env.js';
import { compareLive } from './compare.js';
import type { ReadTarget } from './fleet-read.js';

export function where(aws: AwsSettings): string {
  return aws.endpoint ? `${aws.region} at ${aws.endpoint}` : aws.region;
}

export function driftResult(t: ReadTarget, seconds: number): ManifestResult {
  const base = { file: t.loaded.file, table: t.loaded.table, op: 'drift' as const, changes: [], driftPaths: [] as string[], diagnostics: [], seconds, log: '' };
  const { read } = t;
  if (read.status === 'missing') return { ...base, verdict: 'drift', reason: `table '${t.loaded.table}' does not exist in ${where(t.endpoint.aws)}`, exitCode: 2 };
  if (read.status === 'unreadable') return { ...base, verdict: 'failed', reason: `could not read table '${t.loaded.table}': ${read.reason}`, exitCode: 1, log: read.log };
  const cmp = compareLive(t.session.manifest, read, { autoscalingRead: t.endpoint.kind === 'aws', tags: t.endpoint.kind !== 'local' });
  const notRead = [...cmp.unseen.map((p) => `${p} (not read)`), ...read.notes];
  const also = notRead.length ? `; ${notRead.join('; ')}` : '';
  if (cmp.differs.length > 0) return { ...base, verdict: 'drift', driftPaths: cmp.differs, reason: `the live table differs from the manifest${also}`, exitCode: 2 };
  return { ...base, verdict: 'no-changes', reason: `the live table matches the manifest${also}`, exitCode: 0 };
}
