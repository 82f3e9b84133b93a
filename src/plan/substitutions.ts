// `--local` runs DynamoDB Local with some manifest values substituted (adjust.ts says so once, as a
// warning). Changes of the local table at those paths follow the substitution, not an edit of the
// manifest, so the summary in manifest terms leaves them out. Whether applying changes anything
// (`pending`) is unchanged: the local table still converges to the run's inputs.
import type { Change, PlanAnalysis } from './types.js';

/** `spec.globalSecondaryIndexes[*].provisionedThroughput` covers every index's throughput and what is under it. */
export function matchesPath(path: string, pattern: string): boolean {
  const re = new RegExp('^' + pattern.split('[*]').map(escape).join('\\[[^\\]]+\\]') + '(?:$|[.[])');
  return re.test(path);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function withoutSubstitutions(analysis: PlanAnalysis, patterns: string[]): PlanAnalysis {
  if (patterns.length === 0) return analysis;
  const keep = (c: Change): boolean => !patterns.some((p) => matchesPath(c.manifestPath, p));
  return { ...analysis, changes: analysis.changes.filter(keep), drift: analysis.drift.filter(keep) };
}
