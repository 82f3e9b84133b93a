// The shape of the tfvars: one field per variable of tf-module/variables.tf.
import type { AttributeDefinition } from './key-types.js';

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
