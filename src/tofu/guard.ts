// The replacement guard: a plan that deletes or replaces the DynamoDB table deletes every item, so apply
// stops unless --allow-replace. Kept in one function over the plan analysis of src/plan/.
import { fieldOfAttribute } from '../catalogue/fields.js';
import { analysePlan, type PlanAnalysis } from '../plan/analyse.js';
import type { TerraformPlanJson, TfResourceChange } from '../plan/plan-json.js';

export interface TableLoss {
  address: string;
  action: 'replace' | 'delete';
  /** Manifest-terms causes, e.g. `spec.partitionKey.name: "id" → "user_id"`. */
  causes: string[];
}

/** replace_paths attribute of aws_dynamodb_table → how the cause names the manifest field behind it. */
function manifestField(attr: string): string {
  const f = fieldOfAttribute(attr);
  return f ? (f.guardName ?? f.path) : `${attr} (provider attribute)`;
}

/** replace_paths attribute → manifest paths the plan analysis uses for it. */
function causePrefixes(attr: string): string[] {
  const f = fieldOfAttribute(attr);
  return f ? (f.planPaths ?? [f.path]) : [];
}

function describeCause(change: TfResourceChange['change'], path: (string | number)[]): string {
  const attr = String(path[0]);
  const field = manifestField(attr);
  if (path.length === 1) {
    const before = change.before?.[attr];
    const after = change.after?.[attr];
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (scalar(before) && scalar(after) && before !== after) return `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  }
  return `${field} changed`;
}

export function tableLosses(plan: TerraformPlanJson): TableLoss[] {
  const losses: TableLoss[] = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || rc.type !== 'aws_dynamodb_table') continue;
    const actions = rc.change.actions;
    if (!actions.includes('delete')) continue;
    const action = actions.includes('create') ? 'replace' : 'delete';
    const seen = new Set<string>();
    const causes = (rc.change.replace_paths ?? [])
      .map((p) => describeCause(rc.change, p))
      .filter((c) => (seen.has(c) ? false : (seen.add(c), true)));
    if (action === 'delete' && causes.length === 0) causes.push('the table is no longer in the configuration');
    losses.push({ address: rc.address, action, causes });
  }
  return losses;
}

/** The red message apply prints before it stops (without colour codes; the caller colours it). */
export function lossMessage(losses: TableLoss[], tableName: string): string {
  const lines: string[] = [];
  for (const loss of losses) {
    const verb = loss.action === 'replace' ? 'replaces' : 'deletes';
    lines.push(`planton: apply stopped: the plan ${verb} table '${tableName}' (${loss.address}), which deletes every item in it.`);
    for (const cause of loss.causes) lines.push(`  cause: ${cause}`);
  }
  lines.push('  Revert the change, or pass --allow-replace to replace the table anyway (use `planton tofu destroy` to delete it).');
  return lines.join('\n') + '\n';
}

/**
 * The verdict apply acts on: the plan analysis (src/plan/) says whether the table is replaced or deleted and,
 * in manifest terms, why; the replace_paths reading above is the fallback for causes it leaves out.
 */
export function guardPlan(plan: TerraformPlanJson, tableNamePath: 'spec.tableName' | 'metadata.name'): { losses: TableLoss[]; analysis: PlanAnalysis } {
  const analysis = analysePlan(plan, { tableNamePath });
  const losses = tableLosses(plan);
  for (const loss of losses) {
    const rc = (plan.resource_changes ?? []).find((r) => r.address === loss.address);
    // Only the changes that force the replacement are causes; others ride along (a tag change on a
    // replaced table is not why it is replaced).
    const prefixes = (rc?.change.replace_paths ?? []).flatMap((p) => causePrefixes(String(p[0])));
    const mine = analysis.changes
      .filter((c) => c.address === loss.address && prefixes.some((pre) => c.manifestPath === pre || c.manifestPath.startsWith(pre + '.') || c.manifestPath.startsWith(pre + '[')))
      .map((c) => `${c.manifestPath}: ${c.detail}`);
    if (mine.length > 0) loss.causes = [...new Set(mine)];
  }
  return { losses, analysis };
}
