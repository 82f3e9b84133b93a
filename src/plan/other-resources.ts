// The module's resources beside the table (autoscaling, alarms, resource policy, contributor
// insights) → manifest paths. Matched by resource type and the values they carry, not by the
// module's resource names, so renaming a resource in tf-module/ does not break the mapping.
import { FIELDS } from '../catalogue/fields.js';
import { gsiPath } from './table-diff.js';
import type { Change, ChangeAction } from './types.js';
import { isObj, type Obj, sameKnown, show } from './values.js';

const POLICY_FIELDS: Record<string, string> = {
  target_value: 'targetUtilization',
  scale_in_cooldown: 'scaleInCooldown',
  scale_out_cooldown: 'scaleOutCooldown',
};

/** `table/orders/index/ByStatus` + `dynamodb:index:ReadCapacityUnits` → `spec.globalSecondaryIndexes[ByStatus].autoScaling.read`. */
export function autoScalingPath(values: Obj): string {
  const resourceId = String(values.resource_id ?? '');
  const dimension = String(values.scalable_dimension ?? '');
  const side = /Write/.test(dimension) ? 'write' : 'read';
  const index = /\/index\/([^/]+)$/.exec(resourceId);
  return index ? `${gsiPath(index[1]!)}.autoScaling.${side}` : `spec.autoScaling.${side}`;
}

/** Autoscaling names its table or index and side; every other resource is its catalogue field. */
export function manifestPathOf(type: string, values: Obj): string | undefined {
  if (type === 'aws_appautoscaling_target' || type === 'aws_appautoscaling_policy') return autoScalingPath(values);
  return FIELDS.find((f) => f.resource === type)?.path;
}

function summary(type: string, v: Obj): string {
  switch (type) {
    case 'aws_appautoscaling_target':
      return `autoscaling between ${show(v.min_capacity)} and ${show(v.max_capacity)} capacity units`;
    case 'aws_appautoscaling_policy': {
      const cfg = policyConfig(v);
      return `target tracking at ${show(cfg.target_value)}% utilisation`;
    }
    case 'aws_cloudwatch_metric_alarm':
      return `alarm ${show(v.alarm_name)} on ${show(v.metric_name)}`;
    case 'aws_dynamodb_resource_policy':
      return 'resource policy';
    case 'aws_dynamodb_contributor_insights':
      return `contributor insights${v.index_name ? ` on index ${show(v.index_name)}` : ''}`;
    default:
      return type;
  }
}

function policyConfig(v: Obj): Obj {
  const cfg = v.target_tracking_scaling_policy_configuration;
  return Array.isArray(cfg) && isObj(cfg[0]) ? cfg[0] : {};
}

/** Field-level differences of an updated resource, in the manifest's words where they exist. */
function differences(type: string, before: Obj, after: Obj): string[] {
  const out: string[] = [];
  const pairs: [string, unknown, unknown][] = [];
  if (type === 'aws_appautoscaling_policy') {
    const b = policyConfig(before);
    const a = policyConfig(after);
    for (const k of Object.keys(POLICY_FIELDS)) pairs.push([POLICY_FIELDS[k]!, b[k], a[k]]);
  } else if (type === 'aws_appautoscaling_target') {
    pairs.push(['minCapacity', before.min_capacity, after.min_capacity], ['maxCapacity', before.max_capacity, after.max_capacity]);
  } else {
    for (const k of Object.keys(after).sort()) if (!['id', 'arn', 'tags_all', 'revision_id'].includes(k)) pairs.push([k, before[k], after[k]]);
  }
  for (const [name, b, a] of pairs) if (!sameKnown(b, a)) out.push(`${name}: ${show(b)} → ${show(a)}`);
  return out;
}

export function otherResourceChange(address: string, type: string, action: ChangeAction, before: Obj | null, after: Obj | null, prefix = ''): Change {
  const values = after ?? before ?? {};
  const manifestPath = manifestPathOf(type, values) ?? `(resource ${type})`;
  const what = summary(type, values);
  if (action === 'create') return { address, action, manifestPath, effect: 'create', detail: `${prefix}${what} is created`, after: after ?? undefined };
  if (action === 'delete') return { address, action, manifestPath, effect: 'delete', detail: `${prefix}${summary(type, before ?? {})} is deleted`, before: before ?? undefined };
  const diffs = differences(type, before ?? {}, after ?? {});
  const detail = action === 'replace' ? `${what} is recreated (the table and its items are not touched)` : `${what}: ${diffs.join('; ') || 'updated'}`;
  return { address, action, manifestPath, effect: 'in-place', detail: prefix + detail, before: before ?? undefined, after: after ?? undefined };
}
