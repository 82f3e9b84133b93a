// The field catalogue against the schema and the module it describes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS, SPEC_ORDER, field, fieldOfAttribute } from '../../../src/catalogue/fields.js';
import { snakeCase } from '../../../src/tfvars/copy.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { blocks } from '../../../scripts/gen-module-docs.mjs';
import { repoRoot } from '../../helpers/repo.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'aws-dynamodb.schema.json'), 'utf8')) as { $defs: Record<string, unknown> & { spec: { properties: Record<string, unknown> } } };
const variablesTf = readFileSync(join(repoRoot, 'tf-module', 'variables.tf'), 'utf8');
const variables = [...variablesTf.matchAll(/^variable "([a-z0-9_]+)"/gm)].map((m) => m[1]!);

test('lists every spec property of the schema, in the schema order', () => {
  expect(SPEC_ORDER).toEqual(Object.keys(schema.$defs.spec.properties));
});

test('every module variable is carried by a field, and every variable a field names exists', () => {
  const named = new Set(FIELDS.flatMap((f) => f.tfvars));
  expect([...named].filter((v) => !variables.includes(v))).toEqual([]);
  expect(variables.filter((v) => !named.has(v))).toEqual([]);
});

test('a field is held by the table or by another resource, and one attribute names one field', () => {
  for (const f of FIELDS) expect([f.path, f.attribute === undefined]).toEqual([f.path, f.resource !== undefined]);
  const attributes = FIELDS.flatMap((f) => (f.attribute ? [f.attribute] : []));
  expect(new Set(attributes).size).toBe(attributes.length);
});

test('looks fields up by provider attribute and by manifest path', () => {
  expect(fieldOfAttribute('read_capacity')).toMatchObject({ path: 'spec.provisionedThroughput.readCapacityUnits', label: 'read capacity', onChange: 'in-place' });
  expect(fieldOfAttribute('local_secondary_index')?.onChange).toBe('replaces-table');
  expect(fieldOfAttribute('arn')).toBeUndefined();
  expect(field('spec.globalSecondaryIndexes').onChange).toBe('online-backfill');
  expect(() => field('spec.nope')).toThrow('no field spec.nope in the catalogue');
});

test('a copy field has one module variable; toTfvars sends it the manifest value, converted as the catalogue says', async () => {
  const { toTfvars } = await import('../../../src/tfvars/index.js');
  const copies = FIELDS.filter((f) => f.copy);
  expect(copies.filter((f) => f.tfvars.length !== 1)).toEqual([]);
  const spec = {
    partitionKey: { name: 'pk', type: 'STRING' as const },
    deletionProtectionEnabled: true,
    timeouts: { create: '45m' },
    importTable: { inputFormat: 'CSV' as const, s3BucketSource: { bucket: 'b', keyPrefix: 'in/' }, csv: { headerList: ['pk'] } },
    resourcePolicy: { Version: '2012-10-17' as const, Statement: [{ Effect: 'Deny' }] },
  };
  const v = toTfvars({ apiVersion: 'aws.project-planton.org/v1', kind: 'AwsDynamodb', metadata: { name: 'orders' }, spec });
  expect([v.deletion_protection_enabled, v.timeouts, v.import_table, v.resource_policy, v.table_class]).toEqual([
    true,
    { create: '45m' },
    { input_format: 'CSV', s3_bucket_source: { bucket: 'b', key_prefix: 'in/' }, csv: { header_list: ['pk'] } },
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny"}]}',
    null,
  ]);
});

// A key the module's object type does not declare would be dropped by terraform without a word, so
// the keys of every snake-keys field (at any depth) must be exactly the module type's attributes.
test('a snake-keys field has, at every depth, exactly the keys of its module variable\'s type', () => {
  const types = new Map((blocks(variablesTf, 'variable') as { name: string; attrs: { type: string } }[]).map((b) => [b.name, b.attrs.type]));
  for (const f of FIELDS.filter((x) => x.copy === 'snake-keys')) {
    const moduleKeys = [...types.get(f.tfvars[0]!)!.matchAll(/(\w+)\s*=/g)].map((m) => m[1]!).sort();
    const schemaKeys = [...propertyNames(schema.$defs.spec.properties[f.path.split('.')[1]!])].map(snakeCase).sort();
    expect([f.path, schemaKeys]).toEqual([f.path, moduleKeys]);
  }
});

/** Property names of a subschema at every depth, through $ref and array items. */
function propertyNames(node: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    const o = n as { $ref?: string; items?: unknown; properties?: Record<string, unknown> };
    if (o.$ref) walk(schema.$defs[o.$ref.replace('#/$defs/', '')]);
    if (o.items) walk(o.items);
    for (const [k, v] of Object.entries(o.properties ?? {})) {
      out.add(k);
      walk(v);
    }
  };
  walk(node);
  return out;
}
