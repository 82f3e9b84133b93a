// Manifest → tfvars of the bundled module (docs/contract.md `tfvars`). Pure: no I/O, no clock, no environment.
// Every variable of tf-module/variables.tf gets an explicit value (null where it does not apply),
// and nothing else: test/unit/tfvars checks the keys against variables.tf.
import type {
  AutoScalingTarget,
  AwsDynamodb,
  OnDemandThroughput,
  Projection,
} from '../generated/manifest.js';
import { FIELDS } from '../catalogue/fields.js';
import { deriveAttributes, type AttributeDefinition } from './key-types.js';

export { ATTRIBUTE_TYPE, deriveAttributes, keyAttributes } from './key-types.js';
export type { AttributeDefinition, AttributeType } from './key-types.js';

export interface OnDemandVars {
  max_read_request_units: number | null;
  max_write_request_units: number | null;
}

export interface AutoscalingVars {
  min_capacity: number;
  max_capacity: number;
  target_value: number;
  scale_in_cooldown: number;
  scale_out_cooldown: number;
}

export interface GsiVars {
  name: string;
  hash_key: string;
  range_key: string | null;
  projection_type: string;
  non_key_attributes: string[] | null;
  read_capacity: number | null;
  write_capacity: number | null;
  on_demand_throughput: OnDemandVars | null;
}

export interface LsiVars {
  name: string;
  range_key: string;
  projection_type: string;
  non_key_attributes: string[] | null;
}

export interface ReplicaVars {
  region_name: string;
  kms_key_arn: string | null;
  point_in_time_recovery: boolean;
  propagate_tags: boolean;
}

export interface ImportTableVars {
  input_format: string;
  input_compression_type: string;
  s3_bucket_source: { bucket: string; bucket_owner: string | null; key_prefix: string | null };
  csv: { delimiter: string | null; header_list: string[] | null } | null;
}

export interface ThrottleAlarmVars {
  enabled: boolean;
  threshold: number;
  period_seconds: number;
  evaluation_periods: number;
  alarm_actions: string[];
}

/** The variables of tf-module/, exactly. */
export interface Tfvars {
  table_name: string;
  billing_mode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  hash_key: string;
  range_key: string | null;
  attributes: AttributeDefinition[];
  read_capacity: number | null;
  write_capacity: number | null;
  on_demand_throughput: OnDemandVars | null;
  global_secondary_indexes: GsiVars[];
  local_secondary_indexes: LsiVars[];
  ttl_enabled: boolean;
  ttl_attribute_name: string | null;
  stream_enabled: boolean;
  stream_view_type: string | null;
  point_in_time_recovery_enabled: boolean;
  point_in_time_recovery_period_in_days: number | null;
  server_side_encryption_enabled: boolean;
  server_side_encryption_kms_key_arn: string | null;
  table_class: string;
  contributor_insights_enabled: boolean;
  autoscaling_read: AutoscalingVars | null;
  autoscaling_write: AutoscalingVars | null;
  autoscaling_indexes: Record<string, { read: AutoscalingVars | null; write: AutoscalingVars | null }>;
  replicas: ReplicaVars[];
  import_table: ImportTableVars | null;
  restore_source_name: string | null;
  restore_source_table_arn: string | null;
  restore_date_time: string | null;
  restore_to_latest_time: boolean | null;
  resource_policy: string | null;
  timeouts: { create: string | null; update: string | null; delete: string | null } | null;
  alarms: { throttle: ThrottleAlarmVars | null };
  tags: Record<string, string>;
  /** The variables of fields the catalogue marks `copied` (src/catalogue/fields.ts), e.g. deletion_protection_enabled. */
  [copied: string]: unknown;
}

// The manifest has been through the schema, whose defaults (ajv `useDefaults`) are filled in: a value
// with a schema default is never missing here, so it is read with `!` and not defaulted again. Only
// `--local` deletes whole fields (src/local/adjust.ts), which is why some fields keep a fallback.

// Cooldown defaults of terraform-aws-modules/dynamodb-table v4's `autoscaling_defaults` (the schema has none).
const AUTOSCALING_DEFAULTS = { scale_in_cooldown: 0, scale_out_cooldown: 0 } as const;

/** A feature block is on when present (`--local` may delete it) and enabled (the schema fills `enabled: true`). */
function isOn(block: { enabled?: boolean } | undefined): boolean {
  return block?.enabled === true;
}

function onDemand(value: OnDemandThroughput | undefined): OnDemandVars | null {
  if (!value) return null;
  return {
    max_read_request_units: value.maxReadRequestUnits ?? null,
    max_write_request_units: value.maxWriteRequestUnits ?? null,
  };
}

function autoscaling(target: AutoScalingTarget | undefined): AutoscalingVars | null {
  if (!target) return null;
  return {
    min_capacity: target.minCapacity,
    max_capacity: target.maxCapacity,
    target_value: target.targetUtilization!,
    scale_in_cooldown: target.scaleInCooldown ?? AUTOSCALING_DEFAULTS.scale_in_cooldown,
    scale_out_cooldown: target.scaleOutCooldown ?? AUTOSCALING_DEFAULTS.scale_out_cooldown,
  };
}

function projection(p: Projection | undefined): { projection_type: string; non_key_attributes: string[] | null } {
  const type = p?.type ?? 'ALL';
  return { projection_type: type, non_key_attributes: type === 'INCLUDE' ? [...(p?.nonKeyAttributes ?? [])] : null };
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
  const throttle = spec.alarms?.throttle;
  const restore = spec.restore;
  const imp = spec.importTable;

  const autoscalingIndexes: Tfvars['autoscaling_indexes'] = {};
  if (provisioned) {
    for (const gsi of spec.globalSecondaryIndexes ?? []) {
      const read = autoscaling(gsi.autoScaling?.read);
      const write = autoscaling(gsi.autoScaling?.write);
      if (read || write) autoscalingIndexes[gsi.name] = { read, write };
    }
  }

  return {
    table_name: tableName(manifest),
    billing_mode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    hash_key: spec.partitionKey.name,
    range_key: spec.sortKey?.name ?? null,
    attributes: deriveAttributes(manifest),
    read_capacity: provisioned ? (spec.provisionedThroughput?.readCapacityUnits ?? null) : null,
    write_capacity: provisioned ? (spec.provisionedThroughput?.writeCapacityUnits ?? null) : null,
    on_demand_throughput: provisioned ? null : onDemand(spec.onDemandThroughput),
    global_secondary_indexes: (spec.globalSecondaryIndexes ?? []).map((gsi) => ({
      name: gsi.name,
      hash_key: gsi.partitionKey.name,
      range_key: gsi.sortKey?.name ?? null,
      ...projection(gsi.projection),
      read_capacity: provisioned ? (gsi.provisionedThroughput?.readCapacityUnits ?? null) : null,
      write_capacity: provisioned ? (gsi.provisionedThroughput?.writeCapacityUnits ?? null) : null,
      on_demand_throughput: provisioned ? null : onDemand(gsi.onDemandThroughput),
    })),
    local_secondary_indexes: (spec.localSecondaryIndexes ?? []).map((lsi) => ({
      name: lsi.name,
      range_key: lsi.sortKey.name,
      ...projection(lsi.projection),
    })),
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
    autoscaling_indexes: autoscalingIndexes,
    replicas: (spec.replicas ?? []).map((r) => ({
      region_name: r.regionName,
      kms_key_arn: r.kmsKeyArn ?? null,
      point_in_time_recovery: r.pointInTimeRecovery!,
      propagate_tags: r.propagateTags!,
    })),
    import_table: imp
      ? {
          input_format: imp.inputFormat,
          input_compression_type: imp.inputCompressionType!,
          s3_bucket_source: {
            bucket: imp.s3BucketSource.bucket,
            bucket_owner: imp.s3BucketSource.bucketOwner ?? null,
            key_prefix: imp.s3BucketSource.keyPrefix ?? null,
          },
          csv:
            imp.inputFormat === 'CSV' && imp.csv
              ? { delimiter: imp.csv.delimiter!, header_list: imp.csv.headerList ? [...imp.csv.headerList] : null }
              : null,
        }
      : null,
    restore_source_name: restore?.sourceTableName ?? null,
    restore_source_table_arn: restore?.sourceTableArn ?? null,
    restore_date_time: restore?.restoreDateTime ?? null,
    restore_to_latest_time: restore?.useLatestRestorableTime === true ? true : null,
    resource_policy: spec.resourcePolicy ? JSON.stringify(spec.resourcePolicy) : null,
    timeouts: spec.timeouts
      ? { create: spec.timeouts.create ?? null, update: spec.timeouts.update ?? null, delete: spec.timeouts.delete ?? null }
      : null,
    alarms: {
      throttle: isOn(throttle)
        ? {
            enabled: true,
            threshold: throttle!.threshold!,
            period_seconds: throttle!.periodSeconds!,
            evaluation_periods: throttle!.evaluationPeriods!,
            alarm_actions: [...(throttle!.alarmActions ?? [])],
          }
        : null,
    },
    // Labels first: spec.tags win on the same key.
    tags: { ...(manifest.metadata.labels ?? {}), ...(spec.tags ?? {}) },
    ...copiedVars(manifest),
  };
}

/** The variables of `copied` fields: the manifest value as it is, null when absent. */
function copiedVars(manifest: AwsDynamodb): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!f.copied) continue;
    let value: unknown = manifest;
    for (const key of f.path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    out[f.tfvars[0]!] = value ?? null;
  }
  return out;
}

/** JSON with object keys sorted at every level, 2-space indent and a trailing newline (stable diffs). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a tag key `__proto__` is data, and assigning it would set the prototype.
    for (const key of Object.keys(value).sort()) {
      Object.defineProperty(out, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
