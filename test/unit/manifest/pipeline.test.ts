// The pipeline as other modules use it: defaults applied, all errors at once, a manifest inside a stack
// input (`at: '/target'`), the provider region, and the generic stack-input validation.
import { loadManifest, validateDocumentAgainst } from '../../../src/manifest/index.js';
import { nearest } from '../../../src/document/suggest.js';
import { locate } from '../../../src/document/locate.js';
import { parseYaml } from '../../../src/document/load.js';
import { AWS_SPELLINGS } from '../../../src/manifest/key-types.js';
import { PK, problems, render, withSpec } from './helpers.js';

describe('loadManifest', () => {
  test('a valid manifest comes back with the schema defaults applied', async () => {
    const { result, manifest } = await loadManifest({ file: 'm.yaml', text: withSpec(PK + '  ttl:\n    attributeName: expires_at\n') });
    expect(result).toEqual({ file: 'm.yaml', status: 'valid', diagnostics: [] });
    expect(manifest?.spec).toEqual({
      partitionKey: { name: 'id', type: 'STRING' },
      ttl: { enabled: true, attributeName: 'expires_at' },
      billingMode: 'PAY_PER_REQUEST',
      pointInTimeRecovery: { enabled: true },
      tableClass: 'STANDARD',
      deletionProtectionEnabled: false,
      contributorInsightsEnabled: false,
    });
  });

  test('an invalid manifest gives no manifest object', async () => {
    const { result, manifest } = await loadManifest({ file: 'm.yaml', text: withSpec('  billingMode: PROVISIONED\n' + PK) });
    expect(result.status).toBe('invalid');
    expect(manifest).toBeUndefined();
  });

  test('schema errors and rule violations are all reported at once, in file order', async () => {
    const text = withSpec(
      '  billingmode: PROVISIONED\n' + PK + '  sortKey:\n    name: id\n    type: N\n  stream:\n    enabled: true\n  provisionedThroughput:\n    readCapacityUnits: 5\n    writeCapacityUnits: 5\n',
      '  name: x\n',
    );
    expect(await problems(text)).toEqual([
      '4:9  metadata.name  metadata.name `x` is the table name (spec.tableName is not set), so it must be 3-255 characters of letters, digits, `_`, `.` or `-`; or set spec.tableName [table-name-invalid]',
      '6:3  spec.billingmode  unknown field `billingmode`; did you mean `billingMode`? [schema-unknown-field]',
      '11:11  spec.sortKey.name  the table sort key `id` is the same attribute as its partition key; a key schema names an attribute once [sort-key-same-as-partition-key]',
      '12:11  spec.sortKey.type  must be one of STRING, NUMBER or BINARY, not `N`; did you mean `NUMBER`? [schema-enum]',
      '13:3  spec.stream  an enabled stream needs viewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES [stream-needs-view-type]',
      '15:3  spec.provisionedThroughput  provisionedThroughput is only for billingMode PROVISIONED; remove it or set spec.billingMode: PROVISIONED [on-demand-forbids-throughput]',
    ]);
  });

  test('a missing required field points at its parent key and names the field', async () => {
    expect(await problems('apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: users\nspec:\n  billingMode: PAY_PER_REQUEST\n')).toEqual([
      '5:1  spec.partitionKey  missing required field `partitionKey` [schema-required]',
    ]);
    expect(await problems('kind: AwsDynamodb\nspec:\n' + PK)).toEqual([
      '1:1  apiVersion  missing required field `apiVersion` [schema-required]',
      '1:1  metadata  missing required field `metadata` [schema-required]',
    ]);
  });

  test('a manifest under a stack input target is located in that file, with target paths', async () => {
    const text = 'provider_config:\n  region: us-east-1\ntarget:\n' + withSpec(PK + '  billingmode: PROVISIONED\n  replicas:\n    - regionName: us-east-1\n').replace(/^/gm, '  ');
    const { result } = await loadManifest({ file: 'stack.yaml', text, at: '/target', region: 'us-east-1' });
    expect(result.diagnostics.map(render)).toEqual([
      '12:5  target.spec.billingmode  unknown field `billingmode`; did you mean `billingMode`? [schema-unknown-field]',
      '13:5  target.spec.replicas  replicas need spec.stream with enabled: true and viewType: NEW_AND_OLD_IMAGES [replicas-need-stream]',
      '14:21  target.spec.replicas[0].regionName  `us-east-1` is the table\'s own region (the provider region); a replica goes to another region [replica-region-is-provider-region]',
    ]);
    expect(result.diagnostics[0]!.pointer).toBe('/target/spec/billingmode');
  });

  test('the replica region check is skipped when the provider region is unknown', async () => {
    const text = withSpec(PK + '  stream:\n    viewType: NEW_AND_OLD_IMAGES\n  replicas:\n    - regionName: us-east-1\n');
    expect(await problems(text)).toEqual([]);
  });
});

describe('validateDocumentAgainst', () => {
  test('validates a stack input with its own schema, leaving the target to loadManifest', async () => {
    const text = 'provider_config:\n  regon: us-east-1\nbackend:\n  type: s3\ntarget:\n  kind: nope\n';
    const out = await validateDocumentAgainst('stack-input', { file: 'stack.yaml', text, exclude: ['/target'] });
    expect(out.result.diagnostics.map(render)).toEqual([
      '1:1  provider_config.region  missing required field `region` [schema-required]',
      '2:3  provider_config.regon  unknown field `regon`; did you mean `region`? [schema-unknown-field]',
      ...out.result.diagnostics.slice(2).map(render),
    ]);
    expect(out.result.diagnostics.some((d) => d.pointer.startsWith('/target'))).toBe(false);
    // `data` is the whole document; schema defaults were filled in where it was validated.
    expect(out.data).toEqual({ provider_config: { regon: 'us-east-1' }, backend: { type: 's3', encrypt: true, useLockfile: true }, target: { kind: 'nope' } });
  });

  test('a valid stack input returns its value', async () => {
    const out = await validateDocumentAgainst('stack-input', { file: 'stack.yaml', text: 'provider_config:\n  region: eu-west-1\n' });
    expect(out.result.status).toBe('valid');
    expect(out.value).toEqual({ provider_config: { region: 'eu-west-1' } });
  });
});

describe('suggestions and locations', () => {
  test('nearest finds case slips, small typos and key-type letters, and nothing for unrelated words', () => {
    expect(nearest('billingmode', ['billingMode', 'tableName'])).toBe('billingMode');
    expect(nearest('tabelName', ['billingMode', 'tableName'])).toBe('tableName');
    expect(nearest('B', ['STRING', 'NUMBER', 'BINARY'], AWS_SPELLINGS)).toBe('BINARY');
    expect(nearest('foo', ['tags', 'ttl'])).toBeUndefined();
  });

  test('a pointer that does not exist falls back to the nearest existing key', () => {
    const loaded = parseYaml('a:\n  b:\n    - x: 1\n    - y: 2\n', 'f.yaml');
    if (!loaded.ok) throw new Error('parse');
    const { doc, lineCounter } = loaded.yaml;
    expect(locate(doc, lineCounter, '/a/b/1/y')).toEqual({ line: 4, col: 10 });
    expect(locate(doc, lineCounter, '/a/b/1/y', 'key')).toEqual({ line: 4, col: 7 });
    expect(locate(doc, lineCounter, '/a/b/1/z')).toEqual({ line: 4, col: 7 });
    expect(locate(doc, lineCounter, '/a/b/7')).toEqual({ line: 2, col: 3 });
    expect(locate(doc, lineCounter, '/nothing')).toEqual({ line: 1, col: 1 });
  });
});

describe('secrets', () => {
  test('a schema error on a credential field never repeats its value', async () => {
    const text = 'provider_config:\n  region: us-east-1\n  secretAccessKey: [wJalrXUtnFEMI]\n  sessionToken: 12345\n';
    const out = await validateDocumentAgainst('stack-input', { file: 'stack.yaml', text });
    expect(out.result.diagnostics.map(render)).toEqual([
      '3:3  provider_config.accessKeyId  `secretAccessKey` needs `accessKeyId` as well [schema-dependent-required]',
      '3:20  provider_config.secretAccessKey  must be a string, not the given value [schema-type]',
      '4:3  provider_config.accessKeyId  `sessionToken` needs `accessKeyId` as well [schema-dependent-required]',
      '4:17  provider_config.sessionToken  must be a string, not the given value [schema-type]',
    ]);
  });
});

describe('odd shapes', () => {
  test.each([
    ['spec is a list', 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: users\nspec: [1, 2]\n'],
    ['everything is null', 'apiVersion:\nkind:\nmetadata:\nspec:\n'],
    [
      'every field has the wrong type',
      'apiVersion: 1\nkind: true\nmetadata: x\nspec:\n  partitionKey: id\n  sortKey: [a]\n  billingMode: 3\n  globalSecondaryIndexes: {a: 1}\n  localSecondaryIndexes: [1, null, {projection: 5}]\n  ttl: 1\n  stream: [x]\n  tags: [a]\n  replicas: {regionName: x}\n  restore: yes\n  resourcePolicy: [1]\n  importTable: {csv: 1, s3BucketSource: 2}\n  autoScaling: {read: 1}\n  timeouts: 5\n',
    ],
  ])('%s: reported, never thrown', async (_name, text) => {
    const { result } = await loadManifest({ file: 'm.yaml', text });
    expect(result.status).toBe('invalid');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) expect(d.line).toBeGreaterThan(0);
  });
});

test('a billing mode of the wrong type gets one message and silences the mode-dependent rules', async () => {
  expect(await problems(withSpec('  billingMode: 3\n' + PK + '  autoScaling:\n    read:\n      minCapacity: 1\n      maxCapacity: 2\n'))).toEqual([
    '6:16  spec.billingMode  must be one of PAY_PER_REQUEST or PROVISIONED, not `3` [schema-enum]',
  ]);
});
