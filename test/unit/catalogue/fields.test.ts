// The field catalogue against the schema and the module it describes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS, SPEC_ORDER, field, fieldOfAttribute } from '../../../src/catalogue/fields.js';
import { repoRoot } from '../../helpers/repo.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'aws-dynamodb.schema.json'), 'utf8')) as { $defs: { spec: { properties: Record<string, unknown> } } };
const variables = [...readFileSync(join(repoRoot, 'tf-module', 'variables.tf'), 'utf8').matchAll(/^variable "([a-z0-9_]+)"/gm)].map((m) => m[1]!);

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

test('a copied field has one module variable, and toTfvars sends it the manifest value as it is', async () => {
  const { toTfvars } = await import('../../../src/tfvars/index.js');
  const copied = FIELDS.filter((f) => f.copied);
  expect(copied.map((f) => f.tfvars)).toEqual([['deletion_protection_enabled']]);
  const spec = { partitionKey: { name: 'pk', type: 'STRING' as const }, deletionProtectionEnabled: true };
  expect(toTfvars({ apiVersion: 'aws.project-planton.org/v1', kind: 'AwsDynamodb', metadata: { name: 'orders' }, spec }).deletion_protection_enabled).toBe(true);
});
