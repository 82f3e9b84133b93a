// Manifest → tfvars of the bundled module (docs/contract.md `tfvars`). Pure: no I/O, no clock, no environment.
// Every variable of tf-module/variables.tf gets an explicit value (null where it does not apply),
// and nothing else: test/unit/tfvars checks the keys against variables.tf.
import type { AwsDynamodb } from '../generated/manifest.js';
import { copiedVars } from './copy.js';
import { autoscaling, autoscalingIndexes, globalSecondaryIndexes, localSecondaryIndexes } from './indexes.js';
import { deriveAttributes } from './key-types.js';
import type { Tfvars } from './types.js';

export { ATTRIBUTE_TYPE, deriveAttributes, keyAttributes } from './key-types.js';
export type { AttributeDefinition, AttributeType } from './key-types.js';
export type { AutoscalingVars, GsiVars, LsiVars, OnDemandVars, Tfvars } from './types.js';
export { stableJson } from './stable-json.js';

// The manifest has been through the schema, whose defaults (ajv `useDefaults`) are filled in: a value
// with a schema default is never missing here (nor in indexes.ts), so it is read with `!` and not
// defaulted again.
//
// Most fields are the catalogue's `copy` fields (copy.ts). The code below is for the rest: variables that
// depend on another field (the billing mode, an `enabled` switch, labels merged into tags, keys that
// become attribute definitions).

/** A feature block is on when present and enabled (the schema fills `enabled: true`). */
function isOn(block: { enabled?: boolean } | undefined): boolean {
  return block?.enabled === true;
}

export function tableName(manifest: AwsDynamodb): string {
  return manifest.spec.tableName ?? manifest.metadata.name;
}

export function toTfvars(manifest: AwsDynamodb): Tfvars {
  const { spec } = manifest;
  const provisioned = spec.billingMode === 'PROVISIONED';
  const ttlOn = isOn(spec.ttl);
  const streamOn = isOn(spec.stream);
  const pitrOn = isOn(spec.pointInTimeRecovery);
  const sseOn = isOn(spec.serverSideEncryption);

  return {
    table_name: tableName(manifest),
    billing_mode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    hash_key: spec.partitionKey.name,
    range_key: spec.sortKey?.name ?? null,
    attributes: deriveAttributes(manifest),
    global_secondary_indexes: globalSecondaryIndexes(spec, provisioned),
    local_secondary_indexes: localSecondaryIndexes(spec),
    ttl_enabled: ttlOn,
    // Kept when TTL is off: the module then sends `enabled = false`, which is how AWS turns TTL off.
    ttl_attribute_name: spec.ttl?.attributeName ?? null,
    stream_enabled: streamOn,
    stream_view_type: streamOn ? (spec.stream?.viewType ?? null) : null,
    point_in_time_recovery_enabled: pitrOn,
    point_in_time_recovery_period_in_days: pitrOn ? (spec.pointInTimeRecovery?.recoveryPeriodInDays ?? null) : null,
    server_side_encryption_enabled: sseOn,
    server_side_encryption_kms_key_arn: sseOn ? (spec.serverSideEncryption?.kmsKeyArn ?? null) : null,
    autoscaling_read: provisioned ? autoscaling(spec.autoScaling?.read) : null,
    autoscaling_write: provisioned ? autoscaling(spec.autoScaling?.write) : null,
    autoscaling_indexes: autoscalingIndexes(spec, provisioned),
    // Only true is a way of restoring; false sends nothing, as if the field were absent.
    restore_to_latest_time: spec.restore?.useLatestRestorableTime === true ? true : null,
    // Labels first; a key in both has one value (rule 28 refuses two), so the order only sets key order.
    tags: { ...(manifest.metadata.labels ?? {}), ...(spec.tags ?? {}) },
    ...copiedVars(manifest),
  };
}
