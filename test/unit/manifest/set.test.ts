// `--set path=value`: typed by the schema, applied to the YAML document, bad flags reported against `--set`.
import { loadManifest } from '../../../src/manifest/index.js';
import { parseSetPath } from '../../../src/document/set.js';
import { PK, problems, withSpec } from './helpers.js';

const base = withSpec(PK);

describe('--set', () => {
  test('paths accept dots, list indexes and quoted keys', () => {
    expect(parseSetPath('spec.globalSecondaryIndexes[0].name')).toEqual(['spec', 'globalSecondaryIndexes', '0', 'name']);
    expect(parseSetPath('spec.tags["team.name"]')).toEqual(['spec', 'tags', 'team.name']);
    expect(parseSetPath('spec..x')).toBeUndefined();
    expect(parseSetPath('')).toBeUndefined();
  });

  test('numbers, enums and new intermediate objects make a valid provisioned table', async () => {
    const { result, manifest } = await loadManifest({
      file: 'm.yaml',
      text: base,
      sets: ['spec.billingMode=PROVISIONED', 'spec.provisionedThroughput.readCapacityUnits=5', 'spec.provisionedThroughput.writeCapacityUnits=7'],
    });
    expect(result.diagnostics).toEqual([]);
    expect(manifest?.spec.billingMode).toBe('PROVISIONED');
    expect(manifest?.spec.provisionedThroughput).toEqual({ readCapacityUnits: 5, writeCapacityUnits: 7 });
  });

  test('booleans, JSON maps and list items are typed by the schema', async () => {
    const { result, manifest } = await loadManifest({
      file: 'm.yaml',
      text: base,
      sets: ['spec.deletionProtectionEnabled=true', 'spec.tags={"team":"devops"}', 'spec.globalSecondaryIndexes[0]={"name":"ByCat","partitionKey":{"name":"cat","type":"STRING"}}', 'spec.globalSecondaryIndexes[0].projection.type=KEYS_ONLY'],
    });
    expect(result.diagnostics).toEqual([]);
    expect(manifest?.spec.deletionProtectionEnabled).toBe(true);
    expect(manifest?.spec.tags).toEqual({ team: 'devops' });
    expect(manifest?.spec.globalSecondaryIndexes).toEqual([{ name: 'ByCat', partitionKey: { name: 'cat', type: 'STRING' }, projection: { type: 'KEYS_ONLY' } }]);
  });

  test('a value the schema rejects is reported against --set, and file errors keep their positions', async () => {
    expect(await problems(base.replace('type: STRING', 'type: S'), { sets: ['spec.billingMode=PROVISIONED'] })).toEqual([
      '0:0  spec.billingMode  billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1) [provisioned-needs-throughput]',
      '8:11  spec.partitionKey.type  must be one of STRING, NUMBER or BINARY, not `S`; did you mean `STRING`? [schema-enum]',
    ]);
  });

  test('bad flags are one error each, naming the flag', async () => {
    const { result } = await loadManifest({
      file: 'm.yaml',
      text: base,
      sets: ['spec.billingmode=PROVISIONED', 'spec.provisionedThroughput.readCapacityUnits=many', 'spec.deletionProtectionEnabled=yes', 'spec.tags=team', 'spec.tableName', 'spec.globalSecondaryIndexes[3].name=x', 'spec.partitionKey.name.first=x'],
    });
    expect(result.status).toBe('invalid');
    expect(result.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      '--set bad-set --set spec.billingmode=PROVISIONED: unknown field `billingmode`; did you mean `billingMode`?',
      '--set bad-set --set spec.provisionedThroughput.readCapacityUnits=many: `many` is not a number',
      '--set bad-set --set spec.deletionProtectionEnabled=yes: `yes` is not a boolean: use true or false',
      `--set bad-set --set spec.tags=team: \`team\` is not valid JSON (lists and maps are given as JSON, e.g. '["a","b"]' or '{"k":"v"}')`,
      '--set bad-set --set spec.tableName: expected path=value, e.g. --set spec.billingMode=PROVISIONED',
      '--set bad-set --set spec.globalSecondaryIndexes[3].name=x: index 3 is out of range: spec.globalSecondaryIndexes has no items yet',
      '--set bad-set --set spec.partitionKey.name.first=x: unknown field `first`',
    ]);
  });

  test('__proto__ and constructor name no field: the error names that segment, not the one after it', async () => {
    const { result } = await loadManifest({ file: 'm.yaml', text: base, sets: ['__proto__.x=1', 'spec.constructor.name=x', 'spec.partitionKey.__proto__=STRING'] });
    expect(result.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      '--set bad-set --set __proto__.x=1: unknown field `__proto__`',
      '--set bad-set --set spec.constructor.name=x: unknown field `constructor`',
      '--set bad-set --set spec.partitionKey.__proto__=STRING: unknown field `__proto__`',
    ]);
  });

  test('problems of a list item, list or mapping a flag created are located at the flag, not in the file', async () => {
    const gsi = '  globalSecondaryIndexes:\n    - name: ByCat\n      partitionKey:\n        name: cat\n        type: STRING\n';
    expect(
      await problems(withSpec(PK + gsi), {
        sets: ['spec.globalSecondaryIndexes[1].name=ByOwner', 'spec.localSecondaryIndexes[0].name=ByDate', 'spec.globalSecondaryIndexes[0].projection.nonKeyAttributes[0]=title'],
      }),
    ).toEqual([
      '0:0  spec.globalSecondaryIndexes[0].projection.nonKeyAttributes  nonKeyAttributes is only for projection type INCLUDE (this one is ALL); remove it or set type: INCLUDE [non-key-attributes-need-include]',
      '0:0  spec.globalSecondaryIndexes[1].partitionKey  missing required field `partitionKey` [schema-required]',
      '0:0  spec.localSecondaryIndexes  local secondary indexes need a table sort key: add spec.sortKey [lsi-needs-table-sort-key]',
      '0:0  spec.localSecondaryIndexes[0].sortKey  missing required field `sortKey` [schema-required]',
    ]);
    const { result } = await loadManifest({ file: 'm.yaml', text: withSpec(PK + gsi), sets: ['spec.globalSecondaryIndexes[1].name=ByOwner'] });
    expect(result.diagnostics.map((d) => d.file)).toEqual(['--set']);
  });

  test('a problem of a list item the file already has stays in the file when a flag sets a sibling field', async () => {
    const gsi = '  globalSecondaryIndexes:\n    - name: ByCat\n      partitionKey:\n        name: cat\n        type: STRIN\n';
    expect(await problems(withSpec(PK + gsi), { sets: ['spec.globalSecondaryIndexes[0].name=ByOwner'] })).toEqual([
      '13:15  spec.globalSecondaryIndexes[0].partitionKey.type  must be one of STRING, NUMBER or BINARY, not `STRIN`; did you mean `STRING`? [schema-enum]',
    ]);
  });

  test('paths are relative to the manifest when it sits under a stack input target', async () => {
    const text = 'provider_config:\n  region: us-east-1\ntarget:\n' + base.replace(/^/gm, '  ');
    const { result, manifest } = await loadManifest({ file: 's.yaml', text, at: '/target', sets: ['spec.tableName=renamed'] });
    expect(result.diagnostics).toEqual([]);
    expect(manifest?.spec.tableName).toBe('renamed');
  });
});
