// Throughput, autoscaling and the secondary indexes: the parts that depend on the billing mode.
import type { AutoScalingTarget, AwsDynamodb, Projection } from '../generated/manifest.js';
import { snakeKeys } from './copy.js';
import type { AutoscalingVars, GsiVars, LsiVars, Tfvars } from './types.js';

// Cooldown defaults of terraform-aws-modules/dynamodb-table v4's `autoscaling_defaults` (the schema has none).
const AUTOSCALING_DEFAULTS = { scale_in_cooldown: 0, scale_out_cooldown: 0 } as const;

export function autoscaling(target: AutoScalingTarget | undefined): AutoscalingVars | null {
  if (!target) return null;
  return {
    min_capacity: target.minCapacity,
    max_capacity: target.maxCapacity,
    target_value: target.targetUtilization!,
    scale_in_cooldown: target.scaleInCooldown ?? AUTOSCALING_DEFAULTS.scale_in_cooldown,
    scale_out_cooldown: target.scaleOutCooldown ?? AUTOSCALING_DEFAULTS.scale_out_cooldown,
  };
}

function projection(p: Projection | undefined): { projection_type: string; non_key_attributes: string[] | null } {
  const type = p?.type ?? 'ALL';
  return { projection_type: type, non_key_attributes: type === 'INCLUDE' ? [...(p?.nonKeyAttributes ?? [])] : null };
}

export function globalSecondaryIndexes(spec: AwsDynamodb['spec'], provisioned: boolean): GsiVars[] {
  return (spec.globalSecondaryIndexes ?? []).map((gsi) => ({
    name: gsi.name,
    hash_key: gsi.partitionKey.name,
    range_key: gsi.sortKey?.name ?? null,
    ...projection(gsi.projection),
    read_capacity: provisioned ? (gsi.provisionedThroughput?.readCapacityUnits ?? null) : null,
    write_capacity: provisioned ? (gsi.provisionedThroughput?.writeCapacityUnits ?? null) : null,
    // Like the table's on_demand_throughput (a `copy` field): the keys set, in snake_case.
    on_demand_throughput: provisioned || !gsi.onDemandThroughput ? null : (snakeKeys(gsi.onDemandThroughput) as GsiVars['on_demand_throughput']),
  }));
}

export function localSecondaryIndexes(spec: AwsDynamodb['spec']): LsiVars[] {
  return (spec.localSecondaryIndexes ?? []).map((lsi) => ({
    name: lsi.name,
    range_key: lsi.sortKey.name,
    ...projection(lsi.projection),
  }));
}

/** Per-GSI autoscaling, keyed by index name; only indexes with a read or write target appear. */
export function autoscalingIndexes(spec: AwsDynamodb['spec'], provisioned: boolean): Tfvars['autoscaling_indexes'] {
  const out: Tfvars['autoscaling_indexes'] = {};
  if (provisioned) {
    for (const gsi of spec.globalSecondaryIndexes ?? []) {
      const read = autoscaling(gsi.autoScaling?.read);
      const write = autoscaling(gsi.autoScaling?.write);
      if (read || write) out[gsi.name] = { read, write };
    }
  }
  return out;
}
