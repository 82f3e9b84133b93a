import type { AwsDynamodb } from '../../../src/generated/manifest.js';
import { keyTypeChanges, liveTableRead, withKeyTypeChanges } from '../../../src/plan/key-types.js';
import { analysePlan } from '../../../src/plan/analyse.js';
import type { TerraformPlanJson } from '../../../src/plan/plan-json.js';
import { guardPlan, indexKeyTypeMessage } from '../../../src/tofu/guard.js';

const ADDRESS = 'module.dynamodb.aws_dynamodb_table.this';
type Types = { id: string; sk: string; lsk: string; gpk: string; gsk: string };
const S: Types = { id: 'S', sk: 'S', lsk: 'S', gpk: 'S', gsk: 'N' };

/** The live table as the root module's data source read it (prior_state), with these attribute types. */
const liveRead = (t: Types) => ({
  address: 'data.aws_dynamodb_table.planton_live[0]',
  mode: 'data',
  type: 'aws_dynamodb_table',
  name: 'planton_live',
  index: 0,
  values: {
    name: 't',
    hash_key: 'id',
    range_key: 'sk',
    attribute: Object.entries(t).map(([name, type]) => ({ name, type })),
    local_secondary_index: [{ name: 'ByL', range_key: 'lsk', projection_type: 'KEYS_ONLY' }],
    global_secondary_index: [{ name: 'ByG', hash_key: 'gpk', range_key: 'gsk', projection_type: 'KEYS_ONLY' }],
  },
});

/** A plan whose table is unchanged (the provider sees no key type change), with the live read in its prior state. */
const planWith = (t: Types | null, tableActions: string[] = ['no-op']) =>
  ({
    resource_changes: [{ address: ADDRESS, mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions: tableActions, before: { name: 't' }, after: { name: 't' } } }],
    prior_state: { values: { root_module: { resources: [{ address: 'data.aws_dynamodb_tables.planton_existing', mode: 'data', type: 'aws_dynamodb_tables', values: { names: ['t'] } }, ...(t ? [liveRead(t)] : [])] } } },
  }) as unknown as TerraformPlanJson;

type Kind = 'STRING' | 'NUMBER' | 'BINARY';
const manifest = (k: { id?: Kind; lsk?: Kind; gpk?: Kind; gsk?: Kind; gpkName?: string } = {}): AwsDynamodb =>
  ({
    apiVersion: 'aws.project-planton.org/v1',
    kind: 'AwsDynamodb',
    metadata: { name: 't' },
    spec: {
      partitionKey: { name: 'id', type: k.id ?? 'STRING' },
      sortKey: { name: 'sk', type: 'STRING' },
      localSecondaryIndexes: [{ name: 'ByL', sortKey: { name: 'lsk', type: k.lsk ?? 'STRING' }, projection: { type: 'KEYS_ONLY' } }],
      globalSecondaryIndexes: [
        { name: 'ByG', partitionKey: { name: k.gpkName ?? 'gpk', type: k.gpk ?? 'STRING' }, sortKey: { name: 'gsk', type: k.gsk ?? 'NUMBER' }, projection: { type: 'KEYS_ONLY' } },
      ],
    },
  }) as AwsDynamodb;

test('the live read comes from the plan\'s prior state; no table yet is no read and no change', () => {
  expect(liveTableRead(planWith(S))?.hash_key).toBe('id');
  expect(liveTableRead(planWith(null))).toBeUndefined();
  expect(keyTypeChanges(planWith(null), manifest({ id: 'NUMBER' }))).toEqual([]);
  expect(keyTypeChanges(planWith(S), manifest())).toEqual([]);
});

test('each key is compared with the live attribute of the same slot, named by its manifest path', () => {
  expect(keyTypeChanges(planWith(S), manifest({ id: 'NUMBER', lsk: 'BINARY', gpk: 'NUMBER', gsk: 'STRING' }))).toEqual([
    { manifestPath: 'spec.partitionKey.type', fromTo: 'STRING → NUMBER', replacesTable: true },
    { manifestPath: 'spec.localSecondaryIndexes[ByL].sortKey.type', fromTo: 'STRING → BINARY', replacesTable: true },
    { manifestPath: 'spec.globalSecondaryIndexes[ByG].partitionKey.type', fromTo: 'STRING → NUMBER', replacesTable: false, globalIndex: 'ByG' },
    { manifestPath: 'spec.globalSecondaryIndexes[ByG].sortKey.type', fromTo: 'NUMBER → STRING', replacesTable: false, globalIndex: 'ByG' },
  ]);
  // A renamed key is the provider's to plan (it replaces the table or the index itself): no type check.
  expect(keyTypeChanges(planWith(S), manifest({ gpkName: 'other', gpk: 'NUMBER' }))).toEqual([]);
});

test('a table or LSI key type change is a pending replacement; a GSI key riding along is named as such', () => {
  const plan = planWith(S);
  const analysis = withKeyTypeChanges(analysePlan(plan), plan, keyTypeChanges(plan, manifest({ id: 'NUMBER', lsk: 'NUMBER', gpk: 'NUMBER' })));
  expect(analysis.pending).toBe(true);
  expect(analysis.replacesTable).toBe(true);
  expect(analysis.changes.map((c) => `${c.action} ${c.manifestPath}: ${c.detail} [${c.effect}]`)).toEqual([
    'replace spec.partitionKey.type: key type STRING → NUMBER cannot change in place [replacement-deletes-items]',
    'replace spec.localSecondaryIndexes[ByL].sortKey.type: key type STRING → NUMBER cannot change in place [replacement-deletes-items]',
    'replace spec.globalSecondaryIndexes[ByG].partitionKey.type: key type STRING → NUMBER, built into the new table [replacement-deletes-items]',
  ]);
});

test('the guard stops a key type change as a table replacement, naming the manifest path', () => {
  const { losses, keyTypes } = guardPlan(planWith(S), 'metadata.name', manifest({ id: 'NUMBER' }));
  expect(losses).toEqual([{ address: ADDRESS, action: 'replace', causes: ['spec.partitionKey.type: STRING → NUMBER replaces the table'] }]);
  expect(keyTypes).toHaveLength(1);
  // Without the manifest the guard knows no key types (a caller that only has a plan).
  expect(guardPlan(planWith(S), 'metadata.name').losses).toEqual([]);
});

test("with the table replaced by -replace, the causes are the key types, and the plan's own entries are not doubled", () => {
  const { losses, analysis } = guardPlan(planWith(S, ['delete', 'create']), 'metadata.name', manifest({ id: 'NUMBER' }));
  expect(losses).toEqual([{ address: ADDRESS, action: 'replace', causes: ['spec.partitionKey.type: STRING → NUMBER replaces the table'] }]);
  // The generic "replaced for a reason outside the attributes" entry gives way to the key type.
  expect(analysis.changes.map((c) => c.manifestPath)).toEqual(['spec.partitionKey.type']);
});

test('a GSI key type change alone keeps the table: no loss, an update with the steps to take', () => {
  const { losses, analysis, keyTypes } = guardPlan(planWith(S), 'metadata.name', manifest({ gsk: 'STRING' }));
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

test('no key type change leaves the analysis as it was', () => {
  const plan = planWith(S);
  const before = analysePlan(plan);
  expect(withKeyTypeChanges(before, plan, [])).toBe(before);
});
