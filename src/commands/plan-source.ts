// What the guard and the summary in manifest terms read after a plan, and the outputs after an apply,
// without starting terraform again where planton can read them itself: the saved plan file
// (src/plan/file/) instead of `show -json` (which starts the provider, ~2 s), the local state's
// outputs instead of `output -json`. When planton is unsure (OpenTofu, a plan file it does not read
// exactly, a remote or unreadable state) it asks terraform, as it does always with PLANTON_ASK_TOFU=1.
import { join } from 'node:path';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { ownPlanReading, readSavedPlan } from '../plan/file/read-plan.js';
import { runTofu, type RunResult } from '../tofu/run.js';
import { localStateOutputs } from '../tofu/state-file.js';
import { PLAN_FILE } from '../workspace/plan-file.js';
import type { OpRun } from './op-run.js';

const askTofu = (r: OpRun): boolean => r.s.io.env.PLANTON_ASK_TOFU === '1';

/** The saved plan as `show -json` gives it (the parts planton reads), or the failed `show`. */
export async function savedPlanJson(r: OpRun): Promise<{ plan: TerraformPlanJson } | { failed: RunResult }> {
  const version = ownPlanReading(r.binary, r.s.io.env);
  if (version !== undefined) {
    try {
      return { plan: readSavedPlan(join(r.workDir, PLAN_FILE), version) };
    } catch {
      // not a plan planton reads exactly: terraform reads it
    }
  }
  const shown = await runTofu(r.ctx, ['show', '-json', '-no-color', PLAN_FILE], { capture: true });
  if (shown.interrupted || shown.exitCode !== 0) return { failed: shown };
  return { plan: JSON.parse(shown.stdout) as TerraformPlanJson };
}

/** The outputs as `output -json` prints them, from the local state when planton can read it. */
export async function outputsJson(r: OpRun): Promise<{ json: string } | { failed: RunResult }> {
  // No state yet, or one planton cannot read: terraform answers.
  const outputs = r.s.backend.type === 'local' && !askTofu(r) ? localStateOutputs(r.workDir) : undefined;
  if (outputs !== undefined) return { json: JSON.stringify(outputs) };
  const shown = await runTofu(r.ctx, ['output', '-json', '-no-color'], { capture: true });
  return shown.exitCode === 0 ? { json: shown.stdout } : { failed: shown };
}
