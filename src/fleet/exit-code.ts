// The one exit code of a run over many manifests. terragrunt's summed `-detailed-exitcode` kept breaking
// because it added codes up; here it is a rule over verdicts, tested as a table (test/unit/fleet/).
import type { ManifestResult, Verdict } from './result.js';

/** Verdicts that make the run a failure: the user's input is wrong, a guard stopped, or a run did not finish. */
const FAILING: ReadonlySet<Verdict> = new Set(['invalid', 'failed', 'refused', 'skipped']);
/** Verdicts that `--detailed-exitcode` reports as 2: applying would change something. */
const PENDING: ReadonlySet<Verdict> = new Set(['changes', 'drift']);

/**
 * 1 if any manifest is invalid, failed, was refused or never ran (so nothing can be said about it);
 * else, with `detailed`, 2 if any has changes or drift; else 0. An empty run is 0.
 */
export function fleetExitCode(results: readonly Pick<ManifestResult, 'verdict'>[], detailed: boolean): number {
  if (results.some((r) => FAILING.has(r.verdict))) return 1;
  if (detailed && results.some((r) => PENDING.has(r.verdict))) return 2;
  return 0;
}

export function isFailing(verdict: Verdict): boolean {
  return FAILING.has(verdict);
}

export function isPending(verdict: Verdict): boolean {
  return PENDING.has(verdict);
}
