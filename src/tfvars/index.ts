// Manifest → tfvars of the bundled module (docs/contract.md `tfvars`). Pure: no I/O, no clock, no environment.
// Every variable of tf-module/variables.tf gets an explicit value (null where it does not apply),
// and nothing else: test/unit/tfvars checks the keys against variables.tf.
import type { AwsDynamodb } from '../generated/manifest.js';
import { copiedVars, importTable, isOn, replicas, throttleAlarm } from './features.js';
import { autoscaling, autoscalingIndexes, globalSecondaryIndexes, localSecondaryIndexes, onDemand } from './indexes.js';
import { deriveAttributes } from './key-types.js';
import type { Tfvars } from './types.js';

export { ATTRIBUTE_TYPE, deriveAttributes, keyAttributes } from './key-types.js';
export type { AttributeDefinition, AttributeType } from './key-types.js';
export type { AutoscalingVars, GsiVars, ImportTableVars, LsiVars, OnDemandVars, ReplicaVars, ThrottleAlarmVars, Tfvars } from './types.js';
export { stableJson } from './stable-json.js';

// The manifest has been through the schema, whose defaults (ajv `useDefaults`) are filled in: a value
// with a schema default is never missing here (nor in features.ts, indexes.ts), so it is read with `!`
// and not defaulted again. Only `--local` deletes whole fields (src/local/adjust.ts), which is why some
// fields keep a fallback.

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
  const restore = spec.restore;

  return {
    table_name: tableName(manifest),
    billing_mode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    hash_key: spec.partitionKey.name,
    range_key: spec.sortKey?.name ?? null,
    attributes: deriveAttributes(manifest),
    read_capacity: provisioned ? (spec.provisionedThroughput?.readCapacityUnits ?? null) : null,
    write_capacity: provisioned ? (spec.provisionedThroughput?.writeCapacityUnits ?? null) : null,
    on_demand_throughput: provisioned ? null : onDemand(spec.onDemandThroughput),
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
    // --local deletes tableClass and contributorInsightsEnabled when DynamoDB Local cannot hold them.
    table_class: spec.tableClass ?? 'STANDARD',
    contributor_insights_enabled: spec.contributorInsightsEnabled ?? false,
    autoscaling_read: provisioned ? autoscaling(spec.autoScaling?.read) : null,
    autoscaling_write: provisioned ? autoscaling(spec.autoScaling?.write) : null,
    autoscaling_indexes: autoscalingIndexes(spec, provisioned),
    replicas: replicas(spec),
    import_table: importTable(spec),
    restore_source_name: restore?.sourceTableName ?? null,
    restore_source_table_arn: restore?.sourceTableArn ?? null,
    restore_date_time: restore?.restoreDateTime ?? null,
    restore_to_latest_time: restore?.useLatestRestorableTime === true ? true : null,
    resource_policy: spec.resourcePolicy ? JSON.stringify(spec.resourcePolicy) : null,
    timeouts: spec.timeouts
      ? { create: spec.timeouts.create ?? null, update: spec.timeouts.update ?? null, delete: spec.timeouts.delete ?? null }
      : null,
    alarms: { throttle: throttleAlarm(spec) },
    // Labels first: spec.tags win on the same key.
    tags: { ...(manifest.metadata.labels ?? {}), ...(spec.tags ?? {}) },
    ...copiedVars(manifest),
  };
}
