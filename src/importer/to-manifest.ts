// A live table, as the AWS provider reads it (aws_dynamodb_table state values), → an AwsDynamodb
// manifest that validates and plans to no change. Pure. Only what differs from the schema defaults is
// written, so the manifest stays as short as one a person would write.
import type { AutoScaling, AutoScalingTarget, AwsDynamodb, AwsDynamodbSpec, GlobalSecondaryIndex, KeyAttribute, LocalSecondaryIndex, Projection } from '../generated/manifest.js';
import { SPEC_ORDER } from '../catalogue/fields.js';
import { SCHEMA_BOUNDS } from '../generated/bounds.js';
import { scalarTypeOf } from '../manifest/key-types.js';
import { NAME_PATTERN, NAME_RE } from '../manifest/table-name.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const first = (v: unknown): Obj | undefined => list(v)[0];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One autoscaled dimension as read from aws_appautoscaling_target (+ its target-tracking policy, when found). */
export interface LiveAutoScaling {
  /** `table/orders` or `table/orders/index/ByStatus` */
  resourceId: string;
  /** `dynamodb:table:ReadCapacityUnits`, `dynamodb:index:WriteCapacityUnits`, ... */
  scalableDimension: string;
  minCapacity: number;
  maxCapacity: number;
  targetValue?: number;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
}

export interface ImportedManifest {
  manifest: AwsDynamodb;
  /** Things the reader should know: what was not read, or read differently. */
  notes: string[];
}


export function toManifest(table: Obj, autoscaling: LiveAutoScaling[] = []): ImportedManifest {
  const notes: string[] = [];
  const name = String(table.name ?? '');
  const types = new Map(list(table.attribute).map((a) => [String(a.name), scalarTypeOf(String(a.type)) ?? 'STRING'] as const));
  const key = (attr: string): KeyAttribute => ({ name: attr, type: types.get(attr) ?? 'STRING' });
  const provisioned = table.billing_mode === 'PROVISIONED';

  const spec: AwsDynamodbSpec = { partitionKey: key(String(table.hash_key)) };
  spec.billingMode = provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST';
  const range = str(table.range_key);
  if (range) spec.sortKey = key(range);
  if (provisioned) spec.provisionedThroughput = { readCapacityUnits: num(table.read_capacity) ?? 1, writeCapacityUnits: num(table.write_capacity) ?? 1 };
  const onDemand = onDemandOf(table.on_demand_throughput);
  if (!provisioned && onDemand) spec.onDemandThroughput = onDemand;
  const tableScaling = scalingFor(autoscaling, `table/${name}`);
  if (provisioned && tableScaling) spec.autoScaling = tableScaling;

  const gsis = list(table.global_secondary_index)
    .map((g): GlobalSecondaryIndex => {
      const index: GlobalSecondaryIndex = { name: String(g.name), partitionKey: key(String(g.hash_key)) };
      const r = str(g.range_key);
      if (r) index.sortKey = key(r);
      index.projection = projectionOf(g);
      if (provisioned) index.provisionedThroughput = { readCapacityUnits: num(g.read_capacity) ?? 1, writeCapacityUnits: num(g.write_capacity) ?? 1 };
      const od = onDemandOf(g.on_demand_throughput);
      if (!provisioned && od) index.onDemandThroughput = od;
      const scaling = scalingFor(autoscaling, `table/${name}/index/${index.name}`);
      if (provisioned && scaling) index.autoScaling = scaling;
      return index;
    })
    .sort(byName);
  if (gsis.length) spec.globalSecondaryIndexes = gsis;

  const lsis = list(table.local_secondary_index)
    .map((l): LocalSecondaryIndex => ({ name: String(l.name), sortKey: key(String(l.range_key)), projection: projectionOf(l) }))
    .sort(byName);
  if (lsis.length) spec.localSecondaryIndexes = lsis;

  const ttl = first(table.ttl);
  if (ttl?.enabled === true && str(ttl.attribute_name)) spec.ttl = { enabled: true, attributeName: String(ttl.attribute_name) };
  if (table.stream_enabled === true) {
    spec.stream = { enabled: true };
    const view = str(table.stream_view_type);
    if (view) spec.stream.viewType = view as NonNullable<AwsDynamodbSpec['stream']>['viewType'];
  }
  const pitr = first(table.point_in_time_recovery);
  if (pitr?.enabled === true) {
    spec.pointInTimeRecovery = { enabled: true };
    const days = num(pitr.recovery_period_in_days);
    const { minimum, maximum } = SCHEMA_BOUNDS.pointInTimeRecovery.recoveryPeriodInDays;
    if (days !== undefined && days >= minimum && days <= maximum) spec.pointInTimeRecovery.recoveryPeriodInDays = days;
  } else {
    // PITR is on by default in a manifest, so a table without it must say so or adopting would change it.
    spec.pointInTimeRecovery = { enabled: false };
  }
  const sse = first(table.server_side_encryption);
  if (sse?.enabled === true) {
    spec.serverSideEncryption = { enabled: true };
    const kms = str(sse.kms_key_arn);
    if (kms) spec.serverSideEncryption.kmsKeyArn = kms;
  }
  if (table.table_class === 'STANDARD_INFREQUENT_ACCESS') spec.tableClass = 'STANDARD_INFREQUENT_ACCESS';
  if (table.deletion_protection_enabled === true) spec.deletionProtectionEnabled = true;

  const replicas = list(table.replica).map((r) => {
    const out: NonNullable<AwsDynamodbSpec['replicas']>[number] = { regionName: String(r.region_name) };
    const kms = str(r.kms_key_arn);
    if (kms) out.kmsKeyArn = kms;
    if (r.point_in_time_recovery === true) out.pointInTimeRecovery = true;
    if (r.propagate_tags === true) out.propagateTags = true;
    return out;
  });
  if (replicas.length) spec.replicas = replicas;

  const tags = Object.fromEntries(
    Object.entries(isObj(table.tags) ? table.tags : {})
      .filter(([k, v]) => typeof v === 'string' && !k.startsWith('aws:'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as Record<string, string>;
  if (Object.keys(tags).length) spec.tags = tags;

  const manifest: AwsDynamodb = {
    apiVersion: 'aws.project-planton.org/v1',
    kind: 'AwsDynamodb',
    metadata: { name },
    spec: inSchemaOrder(spec),
  };
  if (!NAME_RE.test(name)) notes.push(`table name '${name}' does not match ${NAME_PATTERN}`);
  if (gsis.some((g) => g.name === '')) {
    notes.push('a global secondary index came back without a name (hashicorp/aws 5.x drops it when the endpoint, e.g. DynamoDB Local, omits an on-demand index\'s ProvisionedThroughput): fill in its name');
  }
  if (!provisioned && autoscaling.length > 0) notes.push('autoscaling targets exist but the table is on demand; they were left out');
  return { manifest, notes };
}

// The schema's order of spec fields, so an imported manifest reads like a hand-written one.
function inSchemaOrder(spec: AwsDynamodbSpec): AwsDynamodbSpec {
  const out: Record<string, unknown> = {};
  for (const k of SPEC_ORDER as readonly (keyof AwsDynamodbSpec)[]) if (spec[k] !== undefined) out[k] = spec[k];
  return out as unknown as AwsDynamodbSpec;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function projectionOf(ix: Obj): Projection {
  const type = (str(ix.projection_type) ?? 'ALL') as NonNullable<Projection['type']>;
  const nonKey = Array.isArray(ix.non_key_attributes) ? ix.non_key_attributes.filter((a): a is string => typeof a === 'string').sort() : [];
  return type === 'INCLUDE' ? { type, nonKeyAttributes: nonKey } : { type };
}

/** AWS reports an unset maximum as -1 or leaves it out; only real limits (≥ 1) go to the manifest. */
function onDemandOf(v: unknown): AwsDynamodbSpec['onDemandThroughput'] | undefined {
  const od = first(v);
  if (!od) return undefined;
  const out: NonNullable<AwsDynamodbSpec['onDemandThroughput']> = {};
  const r = num(od.max_read_request_units);
  const w = num(od.max_write_request_units);
  if (r !== undefined && r >= 1) out.maxReadRequestUnits = r;
  if (w !== undefined && w >= 1) out.maxWriteRequestUnits = w;
  return Object.keys(out).length ? out : undefined;
}

function scalingFor(all: LiveAutoScaling[], resourceId: string): AutoScaling | undefined {
  const out: AutoScaling = {};
  for (const t of all) {
    if (t.resourceId !== resourceId) continue;
    const side = /WriteCapacityUnits$/.test(t.scalableDimension) ? 'write' : 'read';
    const target: AutoScalingTarget = { minCapacity: t.minCapacity, maxCapacity: t.maxCapacity };
    if (t.targetValue !== undefined) target.targetUtilization = t.targetValue;
    if (t.scaleInCooldown !== undefined) target.scaleInCooldown = t.scaleInCooldown;
    if (t.scaleOutCooldown !== undefined) target.scaleOutCooldown = t.scaleOutCooldown;
    out[side] = target;
  }
  return out.read || out.write ? out : undefined;
}
