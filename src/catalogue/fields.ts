// The one list of manifest fields: where each lives in the manifest, which module variables carry it,
// which aws_dynamodb_table attribute it becomes, how plan summaries name it, and what AWS does when it
// changes. The plan explanation, the replacement guard, the importer and the README's field table read
// it; docs/fields.md says what a new field needs.

/** What AWS does to a live table when the field changes (the sentences are in aws-facts.ts beside this file). */
export type OnChange = 'in-place' | 'online-backfill' | 'replaces-table';

/** How a `copy` field's value reaches its module variable: as it is; as the same object (or list of
 *  objects) with every key in snake_case; or as JSON text. */
export type Copy = 'value' | 'snake-keys' | 'json';

export interface Field {
  /** Manifest path, as plan summaries print it. */
  path: string;
  /** Variables of tf-module/ that carry it. */
  tfvars: string[];
  /** The one module variable takes the manifest value without code of its own in toTfvars (null when
   *  absent). Fields without it have mapping code, because their variables depend on another field. */
  copy?: Copy;
  /** Top-level attribute of aws_dynamodb_table; absent when another resource holds it. */
  attribute?: string;
  /** Another resource of the module that holds it, when `attribute` is absent. */
  resource?: string;
  /** How plan summaries name it ("read capacity"); the restore settings are named by their provider attribute. */
  label: string;
  onChange: OnChange;
  /** Manifest paths under which the plan analysis reports changes of `attribute`, when wider than `path`. */
  planPaths?: string[];
  /** How the replacement guard names it when the plan analysis has no change to show. */
  guardName?: string;
}

/** In the schema's order of spec fields. */
export const FIELDS: readonly Field[] = [
  { path: 'spec.tableName', tfvars: ['table_name'], attribute: 'name', label: 'table name', onChange: 'replaces-table', planPaths: ['spec.tableName', 'metadata.name'], guardName: 'table name (spec.tableName or metadata.name)' },
  { path: 'spec.billingMode', tfvars: ['billing_mode'], attribute: 'billing_mode', label: 'billing mode', onChange: 'in-place' },
  { path: 'spec.partitionKey.name', tfvars: ['hash_key', 'attributes'], attribute: 'hash_key', label: 'partition key', onChange: 'replaces-table', planPaths: ['spec.partitionKey'] },
  { path: 'spec.sortKey.name', tfvars: ['range_key', 'attributes'], attribute: 'range_key', label: 'sort key', onChange: 'replaces-table', planPaths: ['spec.sortKey'] },
  {
    path: 'spec.partitionKey.type',
    tfvars: ['attributes'],
    attribute: 'attribute',
    label: 'key attribute types',
    onChange: 'replaces-table',
    planPaths: ['spec.partitionKey', 'spec.sortKey', 'spec.globalSecondaryIndexes', 'spec.localSecondaryIndexes'],
    guardName: 'key attribute types (spec.partitionKey/sortKey/index keys .type)',
  },
  { path: 'spec.provisionedThroughput.readCapacityUnits', tfvars: ['read_capacity'], copy: 'value', attribute: 'read_capacity', label: 'read capacity', onChange: 'in-place' },
  { path: 'spec.provisionedThroughput.writeCapacityUnits', tfvars: ['write_capacity'], copy: 'value', attribute: 'write_capacity', label: 'write capacity', onChange: 'in-place' },
  { path: 'spec.onDemandThroughput', tfvars: ['on_demand_throughput'], copy: 'snake-keys', attribute: 'on_demand_throughput', label: 'on-demand maximum throughput', onChange: 'in-place' },
  { path: 'spec.autoScaling', tfvars: ['autoscaling_read', 'autoscaling_write'], resource: 'aws_appautoscaling_target', label: 'autoscaling', onChange: 'in-place' },
  { path: 'spec.globalSecondaryIndexes', tfvars: ['global_secondary_indexes', 'autoscaling_indexes'], attribute: 'global_secondary_index', label: 'global secondary indexes', onChange: 'online-backfill' },
  { path: 'spec.localSecondaryIndexes', tfvars: ['local_secondary_indexes'], attribute: 'local_secondary_index', label: 'local secondary indexes', onChange: 'replaces-table' },
  { path: 'spec.ttl', tfvars: ['ttl_enabled', 'ttl_attribute_name'], attribute: 'ttl', label: 'time to live', onChange: 'in-place' },
  { path: 'spec.stream.enabled', tfvars: ['stream_enabled'], attribute: 'stream_enabled', label: 'stream', onChange: 'in-place' },
  { path: 'spec.stream.viewType', tfvars: ['stream_view_type'], attribute: 'stream_view_type', label: 'stream view type', onChange: 'in-place' },
  { path: 'spec.pointInTimeRecovery', tfvars: ['point_in_time_recovery_enabled', 'point_in_time_recovery_period_in_days'], attribute: 'point_in_time_recovery', label: 'point-in-time recovery', onChange: 'in-place' },
  { path: 'spec.serverSideEncryption', tfvars: ['server_side_encryption_enabled', 'server_side_encryption_kms_key_arn'], attribute: 'server_side_encryption', label: 'server-side encryption', onChange: 'in-place' },
  { path: 'spec.tableClass', tfvars: ['table_class'], copy: 'value', attribute: 'table_class', label: 'table class', onChange: 'in-place' },
  { path: 'spec.deletionProtectionEnabled', tfvars: ['deletion_protection_enabled'], copy: 'value', attribute: 'deletion_protection_enabled', label: 'deletion protection', onChange: 'in-place' },
  { path: 'spec.contributorInsightsEnabled', tfvars: ['contributor_insights_enabled'], copy: 'value', resource: 'aws_dynamodb_contributor_insights', label: 'contributor insights', onChange: 'in-place' },
  { path: 'spec.replicas', tfvars: ['replicas'], copy: 'snake-keys', attribute: 'replica', label: 'replicas', onChange: 'in-place' },
  { path: 'spec.importTable', tfvars: ['import_table'], copy: 'snake-keys', attribute: 'import_table', label: 'import from S3', onChange: 'replaces-table' },
  { path: 'spec.alarms', tfvars: ['alarms'], copy: 'snake-keys', resource: 'aws_cloudwatch_metric_alarm', label: 'alarms', onChange: 'in-place' },
  { path: 'spec.restore.sourceTableName', tfvars: ['restore_source_name'], copy: 'value', attribute: 'restore_source_name', label: 'restore_source_name', onChange: 'replaces-table', planPaths: ['spec.restore'] },
  { path: 'spec.restore.sourceTableArn', tfvars: ['restore_source_table_arn'], copy: 'value', attribute: 'restore_source_table_arn', label: 'restore_source_table_arn', onChange: 'replaces-table', planPaths: ['spec.restore'] },
  { path: 'spec.restore.restoreDateTime', tfvars: ['restore_date_time'], copy: 'value', attribute: 'restore_date_time', label: 'restore_date_time', onChange: 'replaces-table', planPaths: ['spec.restore'] },
  { path: 'spec.restore.useLatestRestorableTime', tfvars: ['restore_to_latest_time'], attribute: 'restore_to_latest_time', label: 'restore_to_latest_time', onChange: 'replaces-table', planPaths: ['spec.restore'] },
  { path: 'spec.resourcePolicy', tfvars: ['resource_policy'], copy: 'json', resource: 'aws_dynamodb_resource_policy', label: 'resource policy', onChange: 'in-place' },
  { path: 'spec.timeouts', tfvars: ['timeouts'], copy: 'snake-keys', attribute: 'timeouts', label: 'timeouts', onChange: 'in-place' },
  { path: 'spec.tags', tfvars: ['tags'], attribute: 'tags', label: 'tags', onChange: 'in-place' },
];

/** aws_dynamodb_table attributes that follow from others or are read-only: never a change of their own. */
export const DERIVED_ATTRIBUTES: ReadonlySet<string> = new Set(['arn', 'id', 'stream_arn', 'stream_label', 'tags_all', 'attribute', 'region']);

const BY_ATTRIBUTE = new Map(FIELDS.filter((f) => f.attribute !== undefined).map((f) => [f.attribute!, f]));
const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]));

/** The field behind an aws_dynamodb_table attribute. */
export function fieldOfAttribute(attribute: string): Field | undefined {
  return BY_ATTRIBUTE.get(attribute);
}

/** The field at a manifest path; throws for a path the catalogue does not list (a programming error). */
export function field(path: string): Field {
  const found = BY_PATH.get(path);
  if (!found) throw new Error(`no field ${path} in the catalogue`);
  return found;
}

/** Top-level spec properties, in the schema's order. */
export const SPEC_ORDER: readonly string[] = [...new Set(FIELDS.map((f) => f.path.split('.')[1]!))];
