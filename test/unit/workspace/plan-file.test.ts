import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardPlan, PLAN_FILE, planInputsHash, reusablePlan, savePlanMeta, stateStamp } from '../../../src/workspace/plan-file.js';

let dir: string;
const extra = { binary: '/usr/local/bin/terraform@1.11.4', identity: '["us-east-1"]' };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-plan-'));
  writeFileSync(join(dir, 'main.tf.json'), '{}');
  writeFileSync(join(dir, 'terraform.tfvars.json'), '{"table_name":"t"}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the inputs hash follows the tfvars, the root module, the state serial and the credentials identity', () => {
  const a = planInputsHash(dir, extra);
  expect(planInputsHash(dir, extra)).toBe(a);
  writeFileSync(join(dir, 'terraform.tfstate'), '{"lineage":"L","serial":1}');
  expect(stateStamp(dir)).toBe('L:1');
  const b = planInputsHash(dir, extra);
  expect(b).not.toBe(a);
  writeFileSync(join(dir, 'terraform.tfstate'), '{"lineage":"L","serial":2}');
  expect(planInputsHash(dir, extra)).not.toBe(b);
  expect(planInputsHash(dir, { ...extra, identity: '["eu-west-1"]' })).not.toBe(planInputsHash(dir, extra));
  writeFileSync(join(dir, 'terraform.tfvars.json'), '{"table_name":"u"}');
  expect(planInputsHash(dir, extra)).not.toBe(b);
});

test('a saved plan is reused only with its plan file and the same inputs, and is discarded after use', () => {
  const inputs = planInputsHash(dir, extra);
  savePlanMeta(dir, { inputs, losses: [], changes: true });
  expect(reusablePlan(dir, inputs)).toBeUndefined(); // no plan file yet
  writeFileSync(join(dir, PLAN_FILE), 'binary plan');
  expect(reusablePlan(dir, inputs)).toEqual({ inputs, losses: [], changes: true });
  expect(reusablePlan(dir, 'other')).toBeUndefined();
  discardPlan(dir);
  expect(reusablePlan(dir, inputs)).toBeUndefined();
});

test('a destroy plan (plan --destroy) is reusable by destroy only, an apply plan by apply only', () => {
  const inputs = planInputsHash(dir, extra);
  writeFileSync(join(dir, PLAN_FILE), 'binary plan');
  savePlanMeta(dir, { inputs, losses: [], changes: true, destroy: true });
  expect(reusablePlan(dir, inputs)).toBeUndefined();
  expect(reusablePlan(dir, inputs, { destroy: true })).toEqual({ inputs, losses: [], changes: true, destroy: true });
  savePlanMeta(dir, { inputs, losses: [], changes: true });
  expect(reusablePlan(dir, inputs, { destroy: true })).toBeUndefined();
  expect(reusablePlan(dir, inputs)).toEqual({ inputs, losses: [], changes: true });
});

test('a saved plan that changes nothing is not reused: apply plans again and sees drift made since', () => {
  const inputs = planInputsHash(dir, extra);
  savePlanMeta(dir, { inputs, losses: [], changes: false });
  writeFileSync(join(dir, PLAN_FILE), 'binary plan');
  expect(reusablePlan(dir, inputs)).toBeUndefined();
  discardPlan(dir);
});
