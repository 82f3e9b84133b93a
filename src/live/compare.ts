// A live table against its manifest, in manifest terms: both go through one canonical form of the
// fields the catalogue (catalogue/fields.ts) lists and the read can see, with the schema's defaults
// filled in, and the leaves that differ are named by manifest path (`spec.ttl.enabled`,
// `spec.globalSecondaryIndexes[ByStatus].projection.type`, as plan summaries name them). Pure.
import { FIELDS } from '../catalogue/fields.js';
import type { AwsDynamodb, AwsDynamodbSpec, KeyAttribute, Projection } from '../generated/manifest.js';
import { toManifest, type LiveAutoScaling } from '../importer/to-manifest.js';

export interface LiveTableValues {
  /** aws_dynamodb_table attributes as the provider read them. */
  table: Record<string, unknown>;
  autoscaling: LiveAutoScaling[];
}

export interface CompareOptions {
  /** Autoscaling was read (AWS without a custom endpoint): compare it, else it is unseen. */
  autoscalingRead: boolean;
  /** Tags are managed and were read (false under --local, where the module sends none). */
  tags: boolean;
}

export interface Comparison {
  /** Manifest paths whose live value differs from the manifest, sorted. */
  differs: string[];
  /** Catalogue paths the manifest gives a value that this read cannot see (other resources, or
   *  autoscaling where it is not read): no verdict can say "unchanged" for those. */
  unseen: string[];
}

/** Catalogue fields compared here; the others are said (or not) by `unseenPaths`. Creation-time and
 *  config-only fields (importTable, restore, timeouts) are no state of a live table, and the table
 *  name is how the table was found. */
export const COMPARED_PATHS: readonly string[] = FIELDS.map((f) => f.path).filter(
  (p) => !/^spec\.(tableName|importTable|restore\.|timeouts|alarms|resourcePolicy|contributorInsightsEnabled)/.test(p),
);

/** `manifest` is what the run would apply: the effective manifest (defaults applied; adjusted under --local). */
export function compareLive(manifest: AwsDynamodb, live: LiveTableValues, opts: CompareOptions): Comparison {
  const liveSpec = toManifest(live.table, live.autoscaling).manifest.spec;
  const spec = manifest.spec;
  const want = canonical(spec, spec, manifest.metadata.labels, opts);
  const have = canonical(liveSpec, spec, undefined, opts);
  const differs: string[] = [];
  diff(want, have, 'spec', differs);
  // A switch that differs says it all: `spec.ttl.enabled`, not also the attribute name it hides.
  const switched = differs.filter((p) => p.endsWith('.enabled')).map((p) => p.slice(0, -'enabled'.length));
  const said = differs.filter((p) => p.endsWith('.enabled') || !switched.some((s) => p.startsWith(s)));
  return { differs: said.sort(), unseen: unseenPaths(spec, opts) };
}

export function unseenPaths(spec: AwsDynamodbSpec, opts: CompareOptions): string[] {
  const out: string[] = [];
  if (spec.contributorInsightsEnabled === true) out.push('spec.contributorInsightsEnabled');
  if (spec.alarms?.throttle !== undefined && spec.alarms.throttle.enabled !== false) out.push('spec.alarms');
  if (spec.resourcePolicy !== undefined) out.push('spec.resourcePolicy');
  const scaled = spec.autoScaling !== undefined || (spec.globalSecondaryIndexes ?? []).some((g) => g.autoScaling !== undefined);
  if (scaled && !opts.autoscalingRead) out.push('spec.autoScaling');
  return out;
}

type Canon = null | string | number | boolean | Canon[] | { [k: string]: Canon };

const key = (k: KeyAttribute | undefined): Canon => (k ? { name: k.name, type: k.type ?? 'STRING' } : null);
const projection = (p: Projection | undefined): Canon => {
  const type = p?.type ?? 'ALL';
  return { type, nonKeyAttributes: type === 'INCLUDE' ? [...(p?.nonKeyAttributes ?? [])].sort() : null };
};
const onDemand = (o: { maxReadRequestUnits?: number; maxWriteRequestUnits?: number } | undefined): Canon => ({
  // AWS reports "no limit" as -1 or not at all.
  maxReadRequestUnits: o?.maxReadRequestUnits !== undefined && o.maxReadRequestUnits >= 1 ? o.maxReadRequestUnits : null,
  maxWriteRequestUnits: o?.maxWriteRequestUnits !== undefined && o.maxWriteRequestUnits >= 1 ? o.maxWriteRequestUnits : null,
});
const byName = <T>(items: T[] | undefined, name: (t: T) => string, value: (t: T) => Canon): Canon => Object.fromEntries((items ?? []).map((t) => [`[${name(t)}]`, value(t)]));

/**
 * The compared fields of `s` in one form. `owner` is the manifest's spec: which capacities autoscaling
 * owns and which fields --local dropped (absent there: not managed by this run) follow the manifest
 * on both sides.
 */
function canonical(s: AwsDynamodbSpec, owner: AwsDynamodbSpec, labels: Record<string, string> | undefined, opts: CompareOptions): { [k: string]: Canon } {
  const provisioned = (s.billingMode ?? 'PAY_PER_REQUEST') === 'PROVISIONED';
  const capacity = (pt: { readCapacityUnits?: number; writeCapacityUnits?: number } | undefined, scaling: { read?: unknown; write?: unknown } | undefined): Canon => {
    if (!provisioned) return null;
    const out: { [k: string]: Canon } = {};
    // Application Auto Scaling moves these all day: not the manifest's to compare.
    if (scaling?.read === undefined) out.readCapacityUnits = pt?.readCapacityUnits ?? null;
    if (scaling?.write === undefined) out.writeCapacityUnits = pt?.writeCapacityUnits ?? null;
    return out;
  };
  const ownerGsi = new Map((owner.globalSecondaryIndexes ?? []).map((g) => [g.name, g]));
  const out: { [k: string]: Canon } = {
    billingMode: s.billingMode ?? 'PAY_PER_REQUEST',
    partitionKey: key(s.partitionKey),
    sortKey: key(s.sortKey),
    provisionedThroughput: capacity(s.provisionedThroughput, owner.autoScaling),
    onDemandThroughput: provisioned ? null : onDemand(s.onDemandThroughput),
    globalSecondaryIndexes: byName(
      s.globalSecondaryIndexes,
      (g) => g.name,
      (g) => ({
        partitionKey: key(g.partitionKey),
        sortKey: key(g.sortKey),
        projection: projection(g.projection),
        provisionedThroughput: capacity(g.provisionedThroughput, ownerGsi.get(g.name)?.autoScaling),
        onDemandThroughput: provisioned ? null : onDemand(g.onDemandThroughput),
        ...(opts.autoscalingRead ? { autoScaling: scaling(g.autoScaling) } : {}),
      }),
    ),
    localSecondaryIndexes: byName(
      s.localSecondaryIndexes,
      (l) => l.name,
      (l) => ({ sortKey: key(l.sortKey), projection: projection(l.projection) }),
    ),
    ttl: { enabled: s.ttl?.enabled === true, attributeName: s.ttl?.enabled === true ? s.ttl.attributeName ?? null : null },
    stream: { enabled: s.stream?.enabled === true, viewType: s.stream?.enabled === true ? s.stream.viewType ?? null : null },
    tableClass: s.tableClass ?? 'STANDARD',
    deletionProtectionEnabled: s.deletionProtectionEnabled === true,
    replicas: byName(
      s.replicas,
      (r) => r.regionName,
      (r) => ({ kmsKeyArn: r.kmsKeyArn ?? null, pointInTimeRecovery: r.pointInTimeRecovery === true, propagateTags: r.propagateTags === true }),
    ),
  };
  if (owner.pointInTimeRecovery !== undefined) {
    const on = s.pointInTimeRecovery?.enabled !== false;
    // AWS keeps 35 days unless told otherwise.
    out.pointInTimeRecovery = { enabled: on, recoveryPeriodInDays: on ? s.pointInTimeRecovery?.recoveryPeriodInDays ?? 35 : null };
  }
  if (owner.serverSideEncryption !== undefined) {
    const on = s.serverSideEncryption?.enabled === true;
    out.serverSideEncryption = { enabled: on, kmsKeyArn: on ? s.serverSideEncryption?.kmsKeyArn ?? null : null };
  }
  if (opts.autoscalingRead) out.autoScaling = scaling(s.autoScaling);
  // Labels first, spec.tags win on the same key (as the tfvars merge them).
  if (opts.tags) out.tags = { ...(labels ?? {}), ...(s.tags ?? {}) };
  return out;
}

/** Bounds and target of each autoscaled side (70 %: the schema's default target). */
function scaling(a: AwsDynamodbSpec['autoScaling']): Canon {
  const side = (t: { minCapacity: number; maxCapacity: number; targetUtilization?: number } | undefined): Canon =>
    t ? { minCapacity: t.minCapacity, maxCapacity: t.maxCapacity, targetUtilization: t.targetUtilization ?? 70 } : null;
  return { read: side(a?.read), write: side(a?.write) };
}

/** Pushes the path of every leaf where `a` and `b` differ; a key on one side only is one path. */
function diff(a: Canon, b: Canon, path: string, out: string[]): void {
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diff(a[k] ?? null, b[k] ?? null, k.startsWith('[') ? `${path}${k}` : `${path}.${k}`, out);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

function isObj(v: Canon): v is { [k: string]: Canon } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
