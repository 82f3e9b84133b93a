// ManifestResult values for the fleet's unit tests: a result of each verdict, with exact fields.
import type { ManifestResult } from '../../../src/fleet/result.js';

export function result(over: Partial<ManifestResult> & Pick<ManifestResult, 'verdict'>): ManifestResult {
  return { file: 'tables/x.yaml', op: 'plan', changes: [], driftPaths: [], diagnostics: [], exitCode: 0, seconds: 1, log: '', ...over };
}
