// `planton tofu plan` and `apply`: plan into a file, explain it in manifest terms, guard the table
// (replacement, a live table the state does not know), then apply exactly that plan once approved.
import { join } from 'node:path';
import { colors } from '../terminal/color.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import type { PlanAnalysis } from '../plan/analyse.js';
import { formatSummary, summaryJson } from '../plan/explain.js';
import { resourceCounts } from '../plan/counts.js';
import { autoscaledPaths, withoutOwnedDrift, withoutSubstitutions } from '../plan/substitutions.js';
import { askApproval } from './approve.js';
import type { KeyTypeChange } from '../plan/key-types.js';
import { guardPlan, indexKeyTypeMessage, lossMessage, type TableLoss } from '../tofu/guard.js';
import { withoutOutputsBlock } from '../tofu/outputs.js';
import { runTofu, type RunResult } from '../tofu/run.js';
import { TABLE_ADDRESS } from '../workspace/adopt.js';
import { clearCreateIntent, recordCreateIntent } from '../workspace/create-intent.js';
import { backupHoldsTable, createsExistingTable, keyTypeDriftInState, unknownLiveTableMessage } from '../workspace/live-table.js';
import { appliedInputs, clearAppliedStamp, writeAppliedStamp } from '../workspace/applied.js';
import { renderWorkspace } from '../workspace/prepare.js';
import { discardPlan, PLAN_FILE, reusablePlan, savePlanMeta, type PlanMeta } from '../workspace/plan-file.js';
import type { OpRun } from './op-run.js';
import { inputsHash, NO_CHANGES, output, refuseUnsavedPlan } from './tofu-op.js';
import { savedPlanJson } from './plan-source.js';

/** plan -out (a destroy plan with `destroy`), then (only when something changes) the plan's JSON for the guard (plan-source.ts). */
async function planToFile(r: OpRun, destroy = false, replaceTable = false): Promise<{ result: RunResult; meta?: PlanMeta }> {
  const inputs = inputsHash(r);
  discardPlan(r.workDir);
  const replace = replaceTable ? [`-replace=${TABLE_ADDRESS}`] : [];
  const result = await runTofu(r.human, ['plan', ...(destroy ? ['-destroy'] : []), ...replace, '-input=false', `-out=${PLAN_FILE}`, '-detailed-exitcode', ...r.noColor]);
  // tofu writes the plan file of a failed plan too (holding every value it got to): none is left behind.
  if (result.interrupted || (result.exitCode !== 0 && result.exitCode !== 2)) return failed(r, result);
  let losses: TableLoss[] = [];
  let analysis: PlanAnalysis | undefined;
  let liveTableUnknown = false;
  let keyTypes: KeyTypeChange[] = [];
  // A key type difference the state's outputs already hold plans as "no changes" (exit 0): still read it.
  // A local state says whether it holds one; a remote state cannot be read here, so its plan is read
  // (from the plan file itself, at no cost, under terraform).
  const mayHoldKeyTypes = result.exitCode === 0 && !destroy && (r.s.backend.type !== 'local' || keyTypeDriftInState(r.workDir));
  let shown = false;
  if (result.exitCode === 2 || mayHoldKeyTypes) {
    const read = await savedPlanJson(r);
    if ('failed' in read) return failed(r, read.failed);
    const planJson = read.plan;
    const verdict = guardPlan(planJson, tableNamePath(r.s.manifest), r.s.manifest);
    shown = result.exitCode === 2 || verdict.keyTypes.length > 0;
    if (shown) {
      r.outcome.counts = resourceCounts(planJson);
      losses = verdict.losses;
      keyTypes = verdict.keyTypes;
      // --local: what the run substitutes for DynamoDB Local was said once as a warning; it is no manifest change.
      analysis = withoutSubstitutions(verdict.analysis, r.s.substitutedPaths ?? []);
      // Autoscaled capacities move all day: Application Auto Scaling's doing, not drift from the manifest.
      analysis = withoutOwnedDrift(analysis, autoscaledPaths(r.s.manifest.spec));
      liveTableUnknown = createsExistingTable(planJson, TABLE_ADDRESS, r.tableName);
      // After tofu's own plan output: the same changes in manifest terms (src/plan/explain.ts).
      r.human.stdout(formatSummary(analysis, { color: r.s.io.color && r.opts.color }));
    }
  }
  // An output-only difference (terraform's exit 2 with no resource change) is not drift: the exit code
  // follows the summary in manifest terms. Applying it still refreshes the outputs in the state.
  const changes = shown && (analysis?.pending ?? true);
  const outputsOnly = result.exitCode === 2 && !changes;
  const meta: PlanMeta = {
    inputs: inputs ?? '',
    losses,
    changes,
    outputsOnly,
    liveTableUnknown,
    analysis,
    ...(keyTypes.length > 0 ? { keyTypes } : {}),
    ...(replaceTable ? { replacing: true } : {}),
    ...(destroy ? { destroy } : {}),
  };
  if (inputs !== undefined) savePlanMeta(r.workDir, meta);
  r.outcome.pending = changes;
  r.outcome.analysis = analysis;
  return { result, meta };
}

/** A GSI key type change with the table kept: nothing planton or the provider can apply in one go. */
function indexKeyTypesOnly(meta: PlanMeta): boolean {
  const keyTypes = meta.keyTypes ?? [];
  return keyTypes.length > 0 && !keyTypes.some((k) => k.replacesTable);
}

function failed(r: OpRun, result: RunResult): { result: RunResult } {
  discardPlan(r.workDir);
  return { result };
}

function liveTableMessage(r: OpRun): string {
  const backup = r.s.backend.type === 'local' && backupHoldsTable(r.workDir, r.tableName);
  return unknownLiveTableMessage(r.tableName, r.workDir, backup);
}

function tableNamePath(m: AwsDynamodb): 'spec.tableName' | 'metadata.name' {
  return m.spec.tableName !== undefined ? 'spec.tableName' : 'metadata.name';
}

function paint(text: string, color: 'red' | 'yellow', enabled: boolean): string {
  return colors(enabled)[color](text);
}

export async function plan(r: OpRun): Promise<number> {
  const { out, io } = r.s;
  const { opts } = r;
  const { result, meta } = await planToFile(r, opts.destroy);
  if (!meta) return result.exitCode;
  if (opts.destroy) {
    // Deleting the table is what was asked for: say where the plan is instead of warning about it.
    if (meta.changes && meta.inputs !== '') out.stderr(`planton: destroy plan saved in ${join(r.workDir, PLAN_FILE)}; \`planton destroy\` with the same inputs applies exactly this plan\n`);
    else if (meta.changes) out.stderr('planton: the state is remote, where it can change unseen: `planton destroy` will plan again rather than apply this plan\n');
  } else if (meta.losses.length > 0) out.stderr(paint(lossMessage(meta.losses, r.tableName).replace('apply stopped: ', 'warning: '), 'yellow', io.color));
  else if (indexKeyTypesOnly(meta)) out.stderr(paint(indexKeyTypeMessage(meta.keyTypes!, r.tableName).replace('apply stopped: ', 'warning: '), 'yellow', io.color));
  if (meta.liveTableUnknown) out.stderr(paint(liveTableMessage(r), 'yellow', io.color));
  if (opts.json) out.stdout(JSON.stringify(summaryJson(meta.analysis ?? NO_CHANGES), null, 2) + '\n');
  if (opts.detailedExitcode) return meta.changes ? 2 : 0;
  return 0;
}

/** After a successful apply: what it was made from, for the fleet's fast "no changes" (live/preflight.ts). */
function stampApplied(r: OpRun): void {
  const rendered = renderWorkspace({ ...r.s, workdir: r.opts.workdir, cwd: r.s.io.cwd });
  writeAppliedStamp(r.workDir, appliedInputs(rendered, r.s.aws, r.binary, r.opts.local));
}

export async function apply(r: OpRun): Promise<number> {
  const { out, io } = r.s;
  const { opts } = r;
  const inputs = inputsHash(r);
  let meta = inputs !== undefined ? reusablePlan(r.workDir, inputs) : undefined;
  if (meta) {
    out.stderr(`planton: applying the saved plan ${join(r.workDir, PLAN_FILE)} (made by \`planton tofu plan\` from the same inputs)\n`);
    // What the plan showed, again: the person approving (or a CI log) sees what this apply changes.
    if (meta.analysis) r.human.stdout(formatSummary(meta.analysis, { color: r.s.io.color && r.opts.color }));
  } else {
    if (r.savedPlanOnly) return refuseUnsavedPlan(r);
    const planned = await planToFile(r);
    if (!planned.meta) return planned.result.exitCode;
    meta = planned.meta;
  }
  // The provider plans nothing for a key type change: with --allow-replace, plan the replacement itself.
  if (opts.allowReplace && !meta.replacing && (meta.keyTypes ?? []).some((k) => k.replacesTable)) {
    out.stderr('planton: planning again with the table replaced (-replace): the provider cannot change a key attribute\'s type\n');
    const planned = await planToFile(r, false, true);
    if (!planned.meta) return planned.result.exitCode;
    meta = planned.meta;
  }
  const summary = summaryJson(meta.analysis ?? NO_CHANGES);
  r.outcome.analysis = meta.analysis;
  if (!meta.changes) {
    // Only outputs differ: apply them silently, so `output` and the state are current.
    if (meta.outputsOnly) {
      const refreshed = await runTofu(r.ctx, ['apply', '-input=false', '-no-color', PLAN_FILE], { capture: true });
      if (refreshed.exitCode !== 0) return refreshed.exitCode;
    }
    discardPlan(r.workDir);
    clearCreateIntent(r.workDir);
    stampApplied(r);
    out.stderr('planton: no changes; nothing to apply\n');
    return output(r, summary);
  }
  if (meta.liveTableUnknown) {
    discardPlan(r.workDir);
    r.outcome.refused = liveTableMessage(r).replace('planton: ', 'planton: apply stopped: ');
    out.stderr(paint(r.outcome.refused, 'red', io.color));
    return 1;
  }
  if (indexKeyTypesOnly(meta)) {
    out.stderr(paint(indexKeyTypeMessage(meta.keyTypes!, r.tableName), 'red', io.color));
    return 1;
  }
  if (meta.losses.length > 0) {
    if (!opts.allowReplace) {
      r.outcome.refused = lossMessage(meta.losses, r.tableName);
      out.stderr(paint(r.outcome.refused, 'red', io.color));
      return 1;
    }
    out.stderr(paint(lossMessage(meta.losses, r.tableName).replace('apply stopped', 'warning (--allow-replace)'), 'yellow', io.color));
  }
  if (!opts.autoApprove && !(await askApproval(`Apply these changes to table '${r.tableName}'?`, out, 'apply', opts.invocation))) {
    out.stderr('planton: apply cancelled\n');
    return 1;
  }
  // Interrupted after AWS accepted CreateTable, the table exists outside the state: the marker lets
  // the next run take it into state by itself.
  if ((meta.analysis?.changes ?? []).some((c) => c.address === TABLE_ADDRESS && c.action === 'create')) recordCreateIntent(r.workDir, r.tableName);
  clearAppliedStamp(r.workDir);
  // tofu's own `Outputs:` block is dropped: planton prints the outputs once, below.
  const applied = await runTofu({ ...r.human, stdout: withoutOutputsBlock(r.human.stdout) }, ['apply', '-input=false', ...r.noColor, PLAN_FILE]);
  discardPlan(r.workDir);
  if (applied.exitCode !== 0) return applied.exitCode;
  r.outcome.done = true;
  clearCreateIntent(r.workDir);
  stampApplied(r);
  return output(r, summary);
}
