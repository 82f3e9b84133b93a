// What every tofu operation's flow works with once the session is open and the work directory is
// initialised, and the two steps several flows end with or share.
import type { PlanAnalysis } from '../plan/analyse.js';
import { formatOutputs, NO_OUTPUTS, OUTPUTS_HEADER, outputValues } from '../tofu/outputs.js';
import { runTofu } from '../tofu/run.js';
import { planInputsHash } from '../workspace/plan-file.js';
import type { OpRun } from './op-run.js';
import { outputsJson } from './plan-source.js';

/** A fleet's approved plan no longer fits this manifest's inputs: refuse rather than plan again unseen. */
export function refuseUnsavedPlan(r: OpRun): number {
  r.outcome.refused = `planton: ${r.op} stopped: the plan approved for table '${r.tableName}' is not saved for its current inputs (they changed since the review); nothing was done. Plan again.`;
  r.s.out.stderr(r.outcome.refused + '\n');
  return 1;
}

export const NO_CHANGES: PlanAnalysis = { changes: [], drift: [], imports: [], replacesTable: false, deletesTable: false, pending: false };

/** Saved plans are reused only with local state: a remote state can change without planton seeing it. */
export function inputsHash(r: OpRun): string | undefined {
  if (r.s.backend.type !== 'local') return undefined;
  const identity = JSON.stringify([r.s.aws.region, r.s.aws.endpoint ?? '', r.s.aws.accessKeyId ?? '', r.s.aws.profile ?? '']);
  return planInputsHash(r.workDir, { binary: `${r.binary.path}@${r.binary.version}`, identity });
}

/** Prints the outputs; after apply with --json they join the plan summary in one document. */
export async function output(r: OpRun, applied?: object): Promise<number> {
  const shown = await outputsJson(r);
  if ('failed' in shown) return shown.failed.exitCode;
  const values = outputValues(shown.json);
  const { out } = r.s;
  if (r.opts.json) out.stdout(JSON.stringify(applied ? { ...applied, outputs: values } : values, null, 2) + '\n');
  else if (Object.keys(values).length === 0) out.stderr(NO_OUTPUTS);
  else {
    out.stderr(OUTPUTS_HEADER);
    // Under --format json|markdown stdout carries the report alone.
    (r.opts.format === 'text' ? out.stdout : out.stderr)(formatOutputs(values));
  }
  return 0;
}
