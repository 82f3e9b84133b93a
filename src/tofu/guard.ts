// The replacement guard: a plan that deletes or replaces the DynamoDB table deletes every item, so apply
// stops unless --allow-replace. Kept in one function over the plan analysis of src/plan/.
import { fieldOfAttribute } from '../catalogue/fields.js';
import { analysePlan, type PlanAnalysis } from '../plan/analyse.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import { keyTypeChanges, withKeyTypeChanges, type KeyTypeChange } from '../plan/key-types.js';
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

/** Why apply stops on a GSI key type change (the table stays): the provider plans nothing for it. */
export function indexKeyTypeMessage(changes: KeyTypeChange[], tableName: string): string {
  const indexes = [...new Set(changes.flatMap((c) => (c.globalIndex !== undefined ? [c.globalIndex] : [])))];
  const lines = [
    `planton: apply stopped: the key type of global secondary index ${indexes.join(', ')} of table '${tableName}' changes, which needs the index deleted and built again (the table and its items stay); the AWS provider cannot do that in one apply.`,
    ...changes.filter((c) => c.globalIndex !== undefined).map((c) => `  cause: ${c.manifestPath}: ${c.fromTo}`),
    '  Do it in two steps: remove the index from spec.globalSecondaryIndexes and apply (the index is deleted), then add it back with the new key type and apply (the index is built again while the table serves traffic).',
  ];
  return lines.join('\n') + '\n';
}

export interface GuardVerdict {
  losses: TableLoss[];
  analysis: PlanAnalysis;
  /** Key types of `manifest` that differ from the live table the plan read, in manifest terms. */
  keyTypes: KeyTypeChange[];
}

/**
 * The verdict apply acts on: the plan analysis (src/plan/) says whether the table is replaced or deleted and,
 * in manifest terms, why; the replace_paths reading above is the fallback for causes it leaves out. A key
 * type change is a loss too: the provider plans nothing for it, so planton replaces the table itself
 * (`-replace`) once --allow-replace says so.
 */
export function guardPlan(plan: TerraformPlanJson, tableNamePath: 'spec.tableName' | 'metadata.name', manifest?: AwsDynamodb): GuardVerdict {
  const keyTypes = manifest ? keyTypeChanges(plan, manifest) : [];
  const analysis = withKeyTypeChanges(analysePlan(plan, { tableNamePath }), plan, keyTypes);
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
  const keyCauses = keyTypes.filter((k) => k.replacesTable).map((k) => `${k.manifestPath}: ${k.fromTo} replaces the table`);
  if (keyCauses.length > 0) {
    const address = analysis.changes.find((c) => c.manifestPath === keyTypes.find((k) => k.replacesTable)!.manifestPath)!.address;
    const loss = losses.find((l) => l.address === address);
    if (loss) loss.causes = [...keyCauses, ...loss.causes];
    else losses.push({ address, action: 'replace', causes: keyCauses });
  }
  return { losses, analysis, keyTypes };
}
