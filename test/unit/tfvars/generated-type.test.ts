// The Tfvars type is generated from tf-module/variables.tf and kept current; the catalogue's `copy` fields
// and the variables toTfvars maps by code split the type between them, each variable on one side.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { readVariables } from '../../../scripts/gen-tfvars-type.mjs';
import { FIELDS } from '../../../src/catalogue/fields.js';
import type { AwsDynamodb } from '../../../src/generated/manifest.js';
import { copiedVars, type MappedName } from '../../../src/tfvars/copy.js';
import { toTfvars } from '../../../src/tfvars/index.js';
import { repoRoot } from '../../helpers/repo.js';

type Variable = { name: string; nullable: boolean };
const read = readVariables as (text: string) => Variable[];

/** Every name of MappedName once: the compiler fails this file if one is missing or unknown. */
const MAPPED = [
  'table_name',
  'billing_mode',
  'hash_key',
  'range_key',
  'attributes',
  'global_secondary_indexes',
  'local_secondary_indexes',
  'ttl_enabled',
  'ttl_attribute_name',
  'stream_enabled',
  'stream_view_type',
  'point_in_time_recovery_enabled',
  'point_in_time_recovery_period_in_days',
  'server_side_encryption_enabled',
  'server_side_encryption_kms_key_arn',
  'autoscaling_read',
  'autoscaling_write',
  'autoscaling_indexes',
  'restore_to_latest_time',
  'tags',
] as const satisfies readonly MappedName[];
const allNamed: Exclude<MappedName, (typeof MAPPED)[number]> extends never ? true : false = true;

const manifest: AwsDynamodb = {
  apiVersion: 'aws.project-planton.org/v1',
  kind: 'AwsDynamodb',
  metadata: { name: 'orders' },
  spec: { partitionKey: { name: 'pk', type: 'STRING' }, tableClass: 'STANDARD_INFREQUENT_ACCESS' },
};

describe('the generated Tfvars type', () => {
  it('is current: regenerating it from tf-module/variables.tf gives the committed file byte for byte', () => {
    const out = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-tfvars-type.mjs'), '--print'], { cwd: repoRoot, encoding: 'utf8' });
    const generated = JSON.parse(out) as Record<string, string>;
    expect(Object.keys(generated)).toEqual(['src/generated/tfvars.ts']);
    // On failure: run `npm run generate` and commit the result.
    expect(readFileSync(join(repoRoot, 'src/generated/tfvars.ts'), 'utf8')).toBe(generated['src/generated/tfvars.ts']);
  });

  it('takes null where terraform does: everywhere but a nullable = false variable without a default', () => {
    const vars = read(
      [
        'variable "a" {\n  type = string\n}',
        'variable "b" {\n  type     = bool\n  default  = false\n  nullable = false\n}',
        'variable "c" {\n  type     = list(object({\n    n = optional(number, 1)\n  }))\n  nullable = false\n}',
        '',
      ].join('\n'),
    );
    expect(vars.map((v) => [v.name, v.nullable])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });

  it('is split between the copy fields and the mapped variables, every variable on exactly one side', () => {
    expect(allNamed).toBe(true);
    const copied = Object.keys(copiedVars(manifest)).sort();
    expect(copied).toEqual(FIELDS.filter((f) => f.copy).map((f) => f.tfvars[0]).sort());
    expect(copied.filter((name) => (MAPPED as readonly string[]).includes(name))).toEqual([]);
    expect(Object.keys(toTfvars(manifest)).sort()).toEqual([...copied, ...MAPPED].sort());
    expect(toTfvars(manifest).table_class).toBe('STANDARD_INFREQUENT_ACCESS');
  });
});
