// `terraform show -json <planfile>` → what the plan does, in manifest terms. Pure: no I/O.
// Used by the replacement guard before apply, the summary after plan/apply, and drift checks.
import { otherResourceChange } from './other-resources.js';
import type { TerraformPlanJson, TfAction, TfResourceChange } from './plan-json.js';
import { tableChanges, tableName } from './table-diff.js';
import type { Change, ChangeAction, PlanAnalysis } from './types.js';
import { isObj, type Obj } from './values.js';

export type { Change, ChangeAction, ChangeEffect, PlanAnalysis } from './types.js';
export type { TerraformPlanJson } from './plan-json.js';

export interface AnalyseOptions {
  /** Where the manifest names the table: `spec.tableName` when it sets one, else `metadata.name`. */
  tableNamePath?: 'spec.tableName' | 'metadata.name';
}

const TABLE = 'aws_dynamodb_table';

export function analysePlan(plan: TerraformPlanJson, options: AnalyseOptions = {}): PlanAnalysis {
  const tableNamePath = options.tableNamePath ?? 'spec.tableName';
  const changes: Change[] = [];
  const imports: PlanAnalysis['imports'] = [];
  let replacesTable = false;
  let deletesTable = false;

  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const importing = rc.change.importing;
    if (importing) imports.push({ address: rc.address, id: String(importing.id ?? '') });
    const action = actionOf(rc.change.actions);
    if (action === 'no-op' || action === 'read') continue;
    if (rc.type === TABLE) {
      if (action === 'replace') replacesTable = true;
      if (action === 'delete') deletesTable = true;
    }
    changes.push(...resourceChanges(rc, action, tableNamePath, ''));
  }

  const drift: Change[] = [];
  for (const rc of plan.resource_drift ?? []) {
    if (rc.mode !== 'managed') continue;
    const action = actionOf(rc.change.actions);
    if (action === 'no-op' || action === 'read') continue;
    drift.push(...resourceChanges(rc, action, tableNamePath, 'changed outside planton: '));
  }

  // Resources, not outputs: terraform's `applyable` is also true when only outputs differ, which is no
  // drift. A refresh-only plan changes no resource but is pending when it found drift.
  const pending = changes.length > 0 || imports.length > 0 || (plan.applyable === true && drift.length > 0);
  return { changes, drift, imports, replacesTable, deletesTable, pending };
}

/** Terraform's action list → one action (`["delete","create"]` and `["create","delete"]` are replacements). */
export function actionOf(actions: TfAction[]): ChangeAction {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete') || actions.includes('forget')) return 'delete';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}

function resourceChanges(rc: TfResourceChange, action: ChangeAction, tableNamePath: string, prefix: string): Change[] {
  const before = isObj(rc.change.before) ? rc.change.before : null;
  const after = isObj(rc.change.after) ? rc.change.after : null;
  if (rc.type !== TABLE) return [otherResourceChange(rc.address, rc.type, action, before, after, prefix)];
  if (action === 'create') {
    return [{ address: rc.address, action, manifestPath: 'spec', effect: 'create', detail: `${prefix}table ${tableName(after)} is created`, ...(after ? { after } : {}) }];
  }
  if (action === 'delete') {
    const detail = prefix
      ? `${prefix}table ${tableName(before)} no longer exists`
      : `table ${tableName(before)} is deleted: every item in the table will be deleted`;
    return [{ address: rc.address, action, manifestPath: 'spec', effect: 'delete', detail, ...(before ? { before } : {}) }];
  }
  const causes = new Set((rc.change.replace_paths ?? []).map((p) => String(p[0])));
  const found = tableChanges({ address: rc.address, action, before: before ?? {}, after: knownAfter(after ?? {}, rc.change.after_unknown), causes, tableNamePath, prefix });
  if (found.length === 0 && action === 'replace') {
    // Replaced for a reason outside the attributes (taint, -replace=): still say what it costs.
    return [{ address: rc.address, action, manifestPath: 'spec', effect: 'replacement-deletes-items', detail: `table ${tableName(before)} is replaced: every item in the table will be deleted` }];
  }
  return found;
}

/** Drops attributes terraform only knows after apply, so they do not read as "changed to null". */
function knownAfter(after: Obj, unknown: unknown): Obj {
  if (!isObj(unknown)) return after;
  const out: Obj = { ...after };
  for (const [k, v] of Object.entries(unknown)) if (v === true) delete out[k];
  return out;
}
