// planton reads a saved plan file itself instead of running `show -json` (src/plan/file/): on a real
// plan, what it reads must be what terraform shows, field by field, and so give the same guard
// verdict and summary. Used by the e2e suites after their plans; OpenTofu plans are always shown.
import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TerraformPlanJson, TfResourceChange } from '../../src/plan/plan-json.js';
import { readSavedPlan } from '../../src/plan/file/read-plan.js';
import { guardPlan } from '../../src/tofu/guard.js';
import { PLAN_FILE } from '../../src/workspace/plan-file.js';
import { tofuBinary } from './tofu-binary.js';

const fields = (rcs: TfResourceChange[] = []) =>
  rcs.map((rc) => ({
    address: rc.address,
    module_address: rc.module_address,
    mode: rc.mode,
    type: rc.type,
    name: rc.name,
    index: rc.index,
    action_reason: rc.action_reason,
    actions: rc.change.actions,
    before: rc.change.before,
    after: rc.change.after,
    after_unknown: rc.change.after_unknown,
    replace_paths: rc.change.replace_paths,
    importing: rc.change.importing,
  }));

type PriorResource = { address: string; mode: string; type: string; name: string; index?: unknown; values: unknown };
const prior = (plan: TerraformPlanJson) =>
  ((plan as { prior_state?: { values?: { root_module?: { resources?: PriorResource[] } } } }).prior_state?.values?.root_module?.resources ?? []).map((r) => ({
    address: r.address,
    mode: r.mode,
    type: r.type,
    name: r.name,
    index: r.index,
    values: r.values,
  }));

/** The one work directory under `dir` that holds a saved plan. */
export function planWorkDir(dir: string): string {
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith(`/${PLAN_FILE}`) && !p.includes('.terraform/'));
  if (found.length !== 1) throw new Error(`expected one ${PLAN_FILE} under ${dir}, found ${JSON.stringify(found)}`);
  return join(dir, found[0] as string, '..');
}

/** Asserts that planton's reading of the saved plan in `workDir` equals `terraform show -json` of it. */
export async function expectPlanFileReadAsShown(workDir: string): Promise<void> {
  if (!/^Terraform v/.test((await execa(tofuBinary as string, ['version'], { env: { CHECKPOINT_DISABLE: '1' } })).stdout)) return;
  const shown = await execa(tofuBinary as string, ['show', '-json', '-no-color', PLAN_FILE], { cwd: workDir, env: { CHECKPOINT_DISABLE: '1' } });
  const theirs = JSON.parse(shown.stdout) as TerraformPlanJson;
  const mine = readSavedPlan(join(workDir, PLAN_FILE), theirs.terraform_version as string);
  expect(fields(mine.resource_changes)).toEqual(fields(theirs.resource_changes));
  expect(fields(mine.resource_drift)).toEqual(fields(theirs.resource_drift));
  expect(mine.applyable).toBe(theirs.applyable);
  expect(prior(mine)).toEqual(prior(theirs));
  for (const path of ['spec.tableName', 'metadata.name'] as const) expect(guardPlan(mine, path)).toEqual(guardPlan(theirs, path));
}
