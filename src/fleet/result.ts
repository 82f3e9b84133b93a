// One manifest's run as a value. Every life-cycle command over one or many manifests ends in a list
// of these; the reporters (text, json, markdown) and the single exit code read nothing else.
import type { Diagnostic } from '../document/diagnostics.js';
import type { Change } from '../plan/types.js';

export type FleetOp = 'plan' | 'apply' | 'destroy' | 'refresh' | 'drift';

/**
 * - `no-changes`: the live table is what the manifest says (`reason` says how that was known, e.g. the
 *   one fleet read instead of a terraform plan).
 * - `changes`: a plan would add, change or destroy (`counts`, `changes` in manifest terms).
 * - `drift`: the live table differs from the manifest outside planton (`driftPaths`).
 * - `applied` / `destroyed` / `refreshed`: the operation ran and succeeded.
 * - `refused`: the replacement guard (or another guard) stopped the apply; `reason` names the cause.
 * - `invalid`: the manifest (or its stack input) did not validate; `diagnostics` say where.
 * - `failed`: planton or tofu could not finish; `reason` is the real cause in one sentence.
 * - `skipped`: never started (`--fail-fast` after another failure, or Ctrl-C).
 */
export type Verdict = 'no-changes' | 'changes' | 'drift' | 'applied' | 'destroyed' | 'refreshed' | 'refused' | 'invalid' | 'failed' | 'skipped';

export interface ManifestResult {
  /** The manifest as the user named it (relative to the working directory). */
  file: string;
  /** The table name, once the manifest loaded. */
  table?: string;
  op: FleetOp;
  verdict: Verdict;
  /** Resource counts of the plan, as terraform counts them. */
  counts?: { add: number; change: number; destroy: number };
  /** What applying changes (or changed), in manifest terms. */
  changes: Change[];
  /** Manifest paths that differ in the live table (drift). */
  driftPaths: string[];
  /** Why: the fast path's evidence, the guard's cause, or the failure's real cause. */
  reason?: string;
  diagnostics: Diagnostic[];
  /** The exit code a single-manifest run would give for this result. */
  exitCode: number;
  seconds: number;
  /** tofu's own output for this manifest, masked; shown for failures and on request. */
  log: string;
}
