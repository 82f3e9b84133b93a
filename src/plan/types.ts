// The analysis of one plan in manifest terms. Shared by the replacement guard, the text summary
// and `--json` (explain.ts documents the JSON field names).

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op';

/** What AWS does to the live table for this change. */
export type ChangeEffect = 'in-place' | 'online-backfill' | 'replacement-deletes-items' | 'delete' | 'create';

export interface Change {
  /** Terraform resource address, e.g. `module.dynamodb.aws_dynamodb_table.this`. */
  address: string;
  action: ChangeAction;
  /** Where the manifest sets this: `spec.sortKey`, `spec.globalSecondaryIndexes[ByCustomer]`. */
  manifestPath: string;
  effect: ChangeEffect;
  /** One sentence for people: what changes, from what to what, and what AWS does. */
  detail: string;
  before?: unknown;
  after?: unknown;
}

export interface PlanAnalysis {
  /** What applying the plan does, in manifest terms (no-op resources left out). */
  changes: Change[];
  /** What refresh found changed outside planton (terraform's `resource_drift`). */
  drift: Change[];
  /** Existing objects the plan takes into state (`import {}` blocks, `apply --adopt`). */
  imports: { address: string; id: string }[];
  /** The table is deleted and created again: every item is lost. */
  replacesTable: boolean;
  /** The table is deleted (destroy, or removed from the configuration). */
  deletesTable: boolean;
  /** Applying the plan would change something (terraform's `applyable`): `--detailed-exitcode` exits 2. */
  pending: boolean;
}
