// The parts of `terraform show -json <planfile>` that planton reads (JSON output format 1.x).
// Reference: https://developer.hashicorp.com/terraform/internals/json-format ("Plan Representation").

export type TfAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

export interface TfChange {
  actions: TfAction[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Mirrors `after`; `true` where the value is only known after apply. */
  after_unknown?: Record<string, unknown> | boolean;
  /** Attribute paths that force the replacement, e.g. [["range_key"]]. */
  replace_paths?: (string | number)[][];
  /** Present when the resource is being imported by an `import {}` block. */
  importing?: { id?: string; identity?: unknown };
}

export interface TfResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  change: TfChange;
  action_reason?: string;
}

export interface TerraformPlanJson {
  format_version?: string;
  terraform_version?: string;
  resource_changes?: TfResourceChange[];
  /** Differences between the prior state and what refresh read: changes made outside terraform. */
  resource_drift?: TfResourceChange[];
  /** False when applying the plan would do nothing (terraform 1.6+). */
  applyable?: boolean;
  errored?: boolean;
}
