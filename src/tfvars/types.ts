// The shape of the tfvars: one field per variable of tf-module/variables.tf.
import type { AttributeDefinition } from './key-types.js';

/** A GSI's on-demand limits: the keys the manifest sets. */
export interface OnDemandVars {
  max_read_request_units?: number;
  max_write_request_units?: number;
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

/** The variables of tf-module/, exactly: those toTfvars maps by code, typed here, and those of the
 *  catalogue's `copy` fields (src/tfvars/copy.ts). */
export interface Tfvars {
  table_name: string;
  billing_mode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  hash_key: string;
  range_key: string | null;
  attributes: AttributeDefinition[];
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
  autoscaling_read: AutoscalingVars | null;
  autoscaling_write: AutoscalingVars | null;
  autoscaling_indexes: Record<string, { read: AutoscalingVars | null; write: AutoscalingVars | null }>;
  restore_to_latest_time: boolean | null;
  tags: Record<string, string>;
  /** The variables of the catalogue's `copy` fields (src/catalogue/fields.ts), e.g. table_class. */
  [copied: string]: unknown;
}
