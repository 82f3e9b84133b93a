// The variables of the fields the catalogue marks `copy`: the manifest value goes to the module as it is,
// so such a field needs no mapping code here (docs/fields.md).
import type { AwsDynamodb } from '../generated/manifest.js';
import { FIELDS, type Copy } from '../catalogue/fields.js';
import { joinPointer, valueAt } from '../document/pointer.js';
import type { Tfvars } from './types.js';

/** The variables toTfvars maps by code (index.ts); every other variable is a catalogue `copy` field's. */
export type MappedName =
  | 'table_name'
  | 'billing_mode'
  | 'hash_key'
  | 'range_key'
  | 'attributes'
  | 'global_secondary_indexes'
  | 'local_secondary_indexes'
  | 'ttl_enabled'
  | 'ttl_attribute_name'
  | 'stream_enabled'
  | 'stream_view_type'
  | 'point_in_time_recovery_enabled'
  | 'point_in_time_recovery_period_in_days'
  | 'server_side_encryption_enabled'
  | 'server_side_encryption_kms_key_arn'
  | 'autoscaling_read'
  | 'autoscaling_write'
  | 'autoscaling_indexes'
  | 'restore_to_latest_time'
  | 'tags';

export type CopiedVars = Omit<Tfvars, MappedName>;

/** The module's spelling of a manifest key: readCapacityUnits → read_capacity_units. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The value with every object key in snake_case, at every level. Only for fields whose objects are all
 *  declared by the schema: a free map (tags) would have its keys rewritten. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), snakeKeys(v)]));
  }
  return value;
}

const CONVERT: Record<Copy, (value: unknown) => unknown> = {
  value: (v) => v,
  'snake-keys': snakeKeys,
  json: (v) => JSON.stringify(v),
};

/** One entry per `copy` field: its module variable ← the converted manifest value, or null when absent
 *  (the module reads null as "not set": its default, or nothing). */
export function copiedVars(manifest: AwsDynamodb): CopiedVars {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!f.copy) continue;
    const value = valueAt(manifest, joinPointer(f.path.split('.')));
    out[f.tfvars[0]!] = value === undefined ? null : CONVERT[f.copy](value);
  }
  // The catalogue names these variables at run time, so the compiler cannot check them; the schema has
  // checked the values, and test/unit/tfvars holds the names to CopiedVars and to variables.tf.
  return out as CopiedVars;
}
