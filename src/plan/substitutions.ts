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

/** Capacities with autoScaling belong to Application Auto Scaling: the module keeps their live value,
 *  so their refresh differences are no drift of the manifest (table and index, read and write). */
export function autoscaledPaths(spec: {
  autoScaling?: { read?: unknown; write?: unknown };
  globalSecondaryIndexes?: { name: string; autoScaling?: { read?: unknown; write?: unknown } }[];
}): string[] {
  const out: string[] = [];
  const add = (prefix: string, a?: { read?: unknown; write?: unknown }) => {
    if (a?.read !== undefined) out.push(`${prefix}.provisionedThroughput.readCapacityUnits`);
    if (a?.write !== undefined) out.push(`${prefix}.provisionedThroughput.writeCapacityUnits`);
  };
  add('spec', spec.autoScaling);
  for (const g of spec.globalSecondaryIndexes ?? []) add(`spec.globalSecondaryIndexes[${g.name}]`, g.autoScaling);
  return out;
}

/** Drops drift at paths someone else owns; a plan left with nothing else is not pending. */
export function withoutOwnedDrift(analysis: PlanAnalysis, paths: string[]): PlanAnalysis {
  if (paths.length === 0) return analysis;
  const drift = analysis.drift.filter((c) => !paths.includes(c.manifestPath));
  const pending = analysis.changes.length > 0 || analysis.imports.length > 0 || (analysis.pending && drift.length > 0);
  return { ...analysis, drift, pending };
}
