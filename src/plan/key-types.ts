// Key attributes whose type in the manifest differs from the live table's. The AWS provider never
// compares key attribute types (its plan shows no change and the table keeps the old type), so the
// module reads the live table and reports the differences in its `key_type_drift` output
// (tf-module/live.tf); this file turns that output into changes in manifest terms. Pure: no I/O.
import { scalarTypeOf } from '../manifest/key-types.js';
import type { TerraformPlanJson } from './plan-json.js';
import type { Change, PlanAnalysis } from './types.js';
import { isObj } from './values.js';

export const KEY_TYPE_DRIFT_OUTPUT = 'key_type_drift';

/** One entry of the module's `key_type_drift` output (module terms). */
export interface KeyTypeDrift {
  key: 'hash_key' | 'range_key';
  /** null for the table's own key, `local:NAME` or `global:NAME` for an index. */
  index: string | null;
  attribute: string;
  live_type: string;
  type: string;
  /** A table or LSI key: only a new table has the new type. A GSI key: the index is recreated. */
  replaces_table: boolean;
}

/** A key type change in manifest terms. */
export interface KeyTypeChange {
  manifestPath: string;
  /** `STRING → NUMBER` (the manifest's spelling of the live and the wanted type). */
  fromTo: string;
  replacesTable: boolean;
  /** The GSI's name when only that index is recreated. */
  globalIndex?: string;
}

const TABLE = 'aws_dynamodb_table';
const FALLBACK_TABLE_ADDRESS = 'module.dynamodb.aws_dynamodb_table.this';

/** The planned value of the output: what the live read found at plan time ([] when none, or not planned). */
export function keyTypeDrift(plan: TerraformPlanJson): KeyTypeDrift[] {
  const outputs = (plan as { planned_values?: { outputs?: Record<string, { value?: unknown }> } }).planned_values?.outputs;
  const value = outputs?.[KEY_TYPE_DRIFT_OUTPUT]?.value;
  return Array.isArray(value) ? value.filter(isDriftEntry) : [];
}

function isDriftEntry(v: unknown): v is KeyTypeDrift {
  return isObj(v) && (v.key === 'hash_key' || v.key === 'range_key') && typeof v.attribute === 'string' && typeof v.type === 'string' && typeof v.live_type === 'string';
}

/** `spec.partitionKey.type`, `spec.localSecondaryIndexes[ByScore].sortKey.type`, `spec.globalSecondaryIndexes[ByEmail].partitionKey.type`. */
export function keyTypePath(d: Pick<KeyTypeDrift, 'key' | 'index'>): string {
  const key = d.key === 'hash_key' ? 'partitionKey' : 'sortKey';
  if (d.index === null || d.index === undefined) return `spec.${key}.type`;
  const [kind, ...rest] = d.index.split(':');
  const list = kind === 'local' ? 'localSecondaryIndexes' : 'globalSecondaryIndexes';
  return `spec.${list}[${rest.join(':')}].${key}.type`;
}

const spelled = (t: string): string => scalarTypeOf(t) ?? t;

export function keyTypeChanges(drift: KeyTypeDrift[]): KeyTypeChange[] {
  return drift.map((d) => {
    const global = !d.replaces_table && d.index?.startsWith('global:') ? d.index.slice('global:'.length) : undefined;
    return {
      manifestPath: keyTypePath(d),
      fromTo: `${spelled(d.live_type)} → ${spelled(d.type)}`,
      replacesTable: d.replaces_table,
      ...(global !== undefined ? { globalIndex: global } : {}),
    };
  });
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
