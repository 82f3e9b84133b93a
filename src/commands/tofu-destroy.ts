// `planton tofu destroy`: applies a saved destroy plan from the same inputs, else plans one, shows it,
// asks, and applies exactly that (or, with --auto-approve, lets tofu destroy in one go).
import { join } from 'node:path';
import { clearAppliedStamp } from '../workspace/applied.js';
import { askApproval } from './approve.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import { discardPlan, PLAN_FILE, reusablePlan } from '../workspace/plan-file.js';
import type { OpRun } from './op-run.js';
import { inputsHash, refuseUnsavedPlan } from './tofu-op.js';

export async function destroy(r: OpRun): Promise<number> {
  const { out } = r.s;
  // The table is about to go: the last apply's stamp no longer describes it.
  clearAppliedStamp(r.workDir);
  const inputs = inputsHash(r);
  const saved = inputs !== undefined ? reusablePlan(r.workDir, inputs, { destroy: true }) : undefined;
  if (saved) {
    out.stderr(`planton: applying the saved destroy plan ${join(r.workDir, PLAN_FILE)} (made by \`planton plan --destroy\` from the same inputs)\n`);
    return approveAndApplyDestroy(r);
  }
  if (r.savedPlanOnly) return refuseUnsavedPlan(r);
  discardPlan(r.workDir);
  // Whether tofu found anything to destroy, read from its own summary line.
  const watched = watchDestroySummary(r.human);
  if (r.opts.autoApprove) return reportDestroy(r, (await runTofu(watched.ctx, ['destroy', '-input=false', '-auto-approve', ...r.noColor])).exitCode, watched.nothing());
  // Show what goes, ask, then apply exactly that destroy plan.
  const planned = await runTofu(r.human, ['plan', '-destroy', '-input=false', `-out=${PLAN_FILE}`, ...r.noColor]);
  if (planned.exitCode !== 0) {
    discardPlan(r.workDir); // a failed plan leaves no plan file behind
    return planned.exitCode;
  }
  return approveAndApplyDestroy(r);
}

/** Asks (unless --auto-approve), then applies the destroy plan in PLAN_FILE once. */
async function approveAndApplyDestroy(r: OpRun): Promise<number> {
  const { out } = r.s;
  const { opts } = r;
  if (!opts.autoApprove && !(await askApproval(`Destroy table '${r.tableName}' and every item in it?`, out, 'destroy', opts.invocation))) {
    discardPlan(r.workDir);
    out.stderr('planton: destroy cancelled\n');
    return 1;
  }
  const watched = watchDestroySummary(r.human);
  const code = (await runTofu(watched.ctx, ['apply', '-input=false', ...r.noColor, PLAN_FILE])).exitCode;
  discardPlan(r.workDir);
  return reportDestroy(r, code, watched.nothing());
}

/** A run context that notices tofu's "0 destroyed" summary, so planton can say there was nothing. */
function watchDestroySummary(human: RunContext): { ctx: RunContext; nothing: () => boolean } {
  let nothing = false;
  const ctx: RunContext = {
    ...human,
    stdout: (t) => {
      if (/Resources: (0 added, 0 changed, )?0 destroyed\./.test(t.replace(/\x1b\[[0-9;]*m/g, ''))) nothing = true;
      human.stdout(t);
    },
  };
  return { ctx, nothing: () => nothing };
}

/** tofu ends a saved destroy plan with "Apply complete!": say in planton's words what happened. */
function reportDestroy(r: OpRun, code: number, nothing: boolean): number {
  r.outcome.done = code === 0 && !nothing;
  if (code === 0 && nothing) r.s.out.stderr(`planton: nothing to destroy: the state in ${r.workDir} holds no table\n`);
  else if (code === 0) r.s.out.stderr(`planton: table '${r.tableName}' destroyed (its state file stays in ${r.workDir})\n`);
  return code;
}
