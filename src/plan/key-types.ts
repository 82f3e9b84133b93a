// Key attributes whose type in the manifest differs from the live table's. The AWS provider never
// compares key attribute types (its plan shows no change and the table keeps the old type). The root
// module reads the live table at plan time (data.aws_dynamodb_table.planton_live), and the plan's prior
// state holds what it read, both in `show -json` and in the saved plan file planton reads itself; this
// file compares it with the manifest. The module's `key_type_drift` output (tf-module/live.tf) makes
// the same comparison, so that terraform's plan changes (exit 2) whenever it finds one. Pure: no I/O.
import type { AwsDynamodb, KeyAttribute } from '../generated/manifest.js';
import { ATTRIBUTE_TYPE, scalarTypeOf } from '../manifest/key-types.js';
import type { TerraformPlanJson } from './plan-json.js';
import type { Change, PlanAnalysis } from './types.js';
import { isObj, type Obj } from './values.js';

export const KEY_TYPE_DRIFT_OUTPUT = 'key_type_drift';

/** A key type change in manifest terms. */
export interface KeyTypeChange {
  manifestPath: string;
  /** `STRING → NUMBER` (the manifest's spelling of the live and the wanted type). */
  fromTo: string;
  /** A table or LSI key: only a new table has the new type. A GSI key alone: the index is rebuilt. */
  replacesTable: boolean;
  /** The GSI's name when only that index is rebuilt. */
  globalIndex?: string;
}

const TABLE = 'aws_dynamodb_table';
const FALLBACK_TABLE_ADDRESS = 'module.dynamodb.aws_dynamodb_table.this';

interface PriorResource {
  mode?: string;
  type?: string;
  values?: Obj;
}

/** The live table as the plan read it (the root module's aws_dynamodb_table data source), or undefined. */
export function liveTableRead(plan: TerraformPlanJson): Obj | undefined {
  const resources = (plan as { prior_state?: { values?: { root_module?: { resources?: PriorResource[] } } } }).prior_state?.values?.root_module?.resources ?? [];
  return resources.find((r) => r.mode === 'data' && r.type === TABLE && isObj(r.values))?.values;
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const spelled = (t: string): string => scalarTypeOf(t) ?? t;

/** Every key of the manifest whose attribute keeps its name on the live table but not its type. */
export function keyTypeChanges(plan: TerraformPlanJson, manifest: AwsDynamodb): KeyTypeChange[] {
  const live = liveTableRead(plan);
  if (!live) return [];
  const liveTypes = new Map(list(live.attribute).map((a) => [String(a.name), String(a.type)]));
  const byName = (v: unknown) => new Map(list(v).map((i) => [String(i.name), i]));
  const liveGlobal = byName(live.global_secondary_index);
  const liveLocal = byName(live.local_secondary_index);
  const { spec } = manifest;
  const out: KeyTypeChange[] = [];
  // `liveName` is the attribute the live table keys this slot by: a renamed key is the provider's to plan.
  const check = (key: KeyAttribute | undefined, liveName: unknown, manifestPath: string, replacesTable: boolean, globalIndex?: string) => {
    if (!key || key.name !== liveName) return;
    const liveType = liveTypes.get(key.name);
    if (liveType === undefined || liveType === ATTRIBUTE_TYPE[key.type]) return;
    out.push({ manifestPath, fromTo: `${spelled(liveType)} → ${key.type}`, replacesTable, ...(globalIndex !== undefined ? { globalIndex } : {}) });
  };
  check(spec.partitionKey, live.hash_key, 'spec.partitionKey.type', true);
  check(spec.sortKey, live.range_key, 'spec.sortKey.type', true);
  for (const l of spec.localSecondaryIndexes ?? []) check(l.sortKey, liveLocal.get(l.name)?.range_key, `spec.localSecondaryIndexes[${l.name}].sortKey.type`, true);
  for (const g of spec.globalSecondaryIndexes ?? []) {
    const index = liveGlobal.get(g.name);
    check(g.partitionKey, index?.hash_key, `spec.globalSecondaryIndexes[${g.name}].partitionKey.type`, false, g.name);
    check(g.sortKey, index?.range_key, `spec.globalSecondaryIndexes[${g.name}].sortKey.type`, false, g.name);
  }
  return out;
}

/** The analysis with the key type changes in it: they are changes (pending), and a table or LSI key replaces the table. */
export function withKeyTypeChanges(analysis: PlanAnalysis, plan: TerraformPlanJson, changes: KeyTypeChange[]): PlanAnalysis {
  if (changes.length === 0) return analysis;
  const address = (plan.resource_changes ?? []).find((r) => r.mode === 'managed' && r.type === TABLE)?.address ?? FALLBACK_TABLE_ADDRESS;
  const replaces = changes.some((c) => c.replacesTable);
  // A plan with the table replaced (`-replace`) shows the attribute types itself: those entries stay.
  const named = new Set(analysis.changes.filter((c) => c.address === address).map((c) => c.manifestPath));
  const entries: Change[] = changes.filter((c) => !named.has(c.manifestPath)).map((c) => {
    if (replaces) {
      const detail = c.replacesTable ? `key type ${c.fromTo} cannot change in place` : `key type ${c.fromTo}, built into the new table`;
      return { address, action: 'replace', manifestPath: c.manifestPath, effect: 'replacement-deletes-items', detail };
    }
    const detail = `key type ${c.fromTo}: index ${c.globalIndex} must be deleted and built again (the table stays), which the AWS provider cannot do in one apply`;
    return { address, action: 'update', manifestPath: c.manifestPath, effect: 'online-backfill', detail };
  });
  // A replacement planton asked for (`-replace`) has no cause of its own in the plan: the key types are it.
  const others = replaces ? analysis.changes.filter((c) => !(c.address === address && c.manifestPath === 'spec' && c.effect === 'replacement-deletes-items')) : analysis.changes;
  return { ...analysis, changes: [...entries, ...others], replacesTable: analysis.replacesTable || replaces, pending: true };
}
