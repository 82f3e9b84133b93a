import { keyTypeChanges, keyTypeDrift, keyTypePath, withKeyTypeChanges, type KeyTypeDrift } from '../../../src/plan/key-types.js';
import { analysePlan } from '../../../src/plan/analyse.js';
import type { TerraformPlanJson } from '../../../src/plan/plan-json.js';
import { guardPlan, indexKeyTypeMessage } from '../../../src/tofu/guard.js';

const ADDRESS = 'module.dynamodb.aws_dynamodb_table.this';
const drift = (key: KeyTypeDrift['key'], index: string | null, attribute: string, live_type: string, type: string, replaces_table: boolean): KeyTypeDrift => ({
  key,
  index,
  attribute,
  live_type,
  type,
  replaces_table,
});

/** A plan whose table is unchanged (the provider sees no key type change) with the module's output planned. */
const planWith = (entries: unknown[], tableActions: string[] = ['no-op']) =>
  ({
    resource_changes: [{ address: ADDRESS, mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions: tableActions, before: { name: 't' }, after: { name: 't' } } }],
    planned_values: { outputs: { key_type_drift: { sensitive: false, value: entries } } },
  }) as unknown as TerraformPlanJson;

test('keyTypePath names the manifest field of each key: table, LSI and GSI keys by index name', () => {
  expect(keyTypePath({ key: 'hash_key', index: null })).toBe('spec.partitionKey.type');
  expect(keyTypePath({ key: 'range_key', index: null })).toBe('spec.sortKey.type');
  expect(keyTypePath({ key: 'range_key', index: 'local:ByScore' })).toBe('spec.localSecondaryIndexes[ByScore].sortKey.type');
  expect(keyTypePath({ key: 'hash_key', index: 'global:ByEmail' })).toBe('spec.globalSecondaryIndexes[ByEmail].partitionKey.type');
  expect(keyTypePath({ key: 'range_key', index: 'global:ByEmail' })).toBe('spec.globalSecondaryIndexes[ByEmail].sortKey.type');
});

test('keyTypeDrift reads the planned output and ignores anything that is not an entry; no output is no drift', () => {
  const one = drift('hash_key', null, 'id', 'S', 'N', true);
  expect(keyTypeDrift(planWith([one, { key: 'other' }, 'x']))).toEqual([one]);
  expect(keyTypeDrift({ resource_changes: [] })).toEqual([]);
  expect(keyTypeChanges([one, drift('hash_key', 'global:ByG', 'g', 'N', 'B', false)])).toEqual([
    { manifestPath: 'spec.partitionKey.type', fromTo: 'STRING → NUMBER', replacesTable: true },
    { manifestPath: 'spec.globalSecondaryIndexes[ByG].partitionKey.type', fromTo: 'NUMBER → BINARY', replacesTable: false, globalIndex: 'ByG' },
  ]);
});

test('a table or LSI key type change is a pending replacement; a GSI key riding along is named as such', () => {
  const plan = planWith([drift('hash_key', null, 'id', 'S', 'N', true), drift('range_key', 'local:ByL', 'l', 'S', 'N', true), drift('hash_key', 'global:ByG', 'g', 'S', 'N', false)]);
  const analysis = withKeyTypeChanges(analysePlan(plan), plan, keyTypeChanges(keyTypeDrift(plan)));
  expect(analysis.pending).toBe(true);
  expect(analysis.replacesTable).toBe(true);
  expect(analysis.changes.map((c) => `${c.action} ${c.manifestPath}: ${c.detail} [${c.effect}]`)).toEqual([
    'replace spec.partitionKey.type: key type STRING → NUMBER cannot change in place [replacement-deletes-items]',
    'replace spec.localSecondaryIndexes[ByL].sortKey.type: key type STRING → NUMBER cannot change in place [replacement-deletes-items]',
    'replace spec.globalSecondaryIndexes[ByG].partitionKey.type: key type STRING → NUMBER, built into the new table [replacement-deletes-items]',
  ]);
});

test('the guard stops a key type change as a table replacement, naming the manifest path', () => {
  const { losses, keyTypes } = guardPlan(planWith([drift('hash_key', null, 'id', 'S', 'N', true)]), 'metadata.name');
  expect(losses).toEqual([{ address: ADDRESS, action: 'replace', causes: ['spec.partitionKey.type: STRING → NUMBER replaces the table'] }]);
  expect(keyTypes).toHaveLength(1);
});

test('with the table replaced by -replace, the causes are the key types, and the plan\'s own entries are not doubled', () => {
  const plan = planWith([drift('hash_key', null, 'id', 'S', 'N', true)], ['delete', 'create']);
  const { losses, analysis } = guardPlan(plan, 'metadata.name');
  expect(losses).toEqual([{ address: ADDRESS, action: 'replace', causes: ['spec.partitionKey.type: STRING → NUMBER replaces the table'] }]);
  // The generic "replaced for a reason outside the attributes" entry gives way to the key type.
  expect(analysis.changes.map((c) => c.manifestPath)).toEqual(['spec.partitionKey.type']);
});

test('a GSI key type change alone keeps the table: no loss, an update with the steps to take', () => {
  const { losses, analysis, keyTypes } = guardPlan(planWith([drift('range_key', 'global:ByG', 'g', 'N', 'S', false)]), 'metadata.name');
  expect(losses).toEqual([]);
  expect({ pending: analysis.pending, replacesTable: analysis.replacesTable }).toEqual({ pending: true, replacesTable: false });
  expect(analysis.changes.map((c) => `${c.action} ${c.manifestPath}: ${c.detail}`)).toEqual([
    'update spec.globalSecondaryIndexes[ByG].sortKey.type: key type NUMBER → STRING: index ByG must be deleted and built again (the table stays), which the AWS provider cannot do in one apply',
  ]);
  expect(indexKeyTypeMessage(keyTypes, 't')).toBe(
    "planton: apply stopped: the key type of global secondary index ByG of table 't' changes, which needs the index deleted and built again (the table and its items stay); the AWS provider cannot do that in one apply.\n" +
      '  cause: spec.globalSecondaryIndexes[ByG].sortKey.type: NUMBER → STRING\n' +
      '  Do it in two steps: remove the index from spec.globalSecondaryIndexes and apply (the index is deleted), then add it back with the new key type and apply (the index is built again while the table serves traffic).\n',
  );
});

test('no drift leaves the analysis as it was', () => {
  const plan = planWith([]);
  const before = analysePlan(plan);
  expect(withKeyTypeChanges(before, plan, [])).toBe(before);
});
