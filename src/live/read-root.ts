// The scratch root module that reads live tables (live/read.ts): one `import {}` block per table into a
// placeholder resource with `ignore_changes = all`, so `plan` reads each table and plans nothing. A
// table that does not exist would fail the whole plan, so each import is conditional on the one
// ListTables read at plan time (`for_each` over it), and a missing table is told from that list.
// The table's other resources (autoscaling targets and policies) get a second root of the same kind.

/** `ignore_changes = all`: the placeholders are never compared, so the plan only reads. */
const READ_ONLY = { lifecycle: [{ ignore_changes: 'all' }] };

export const EXISTING = 'data.aws_dynamodb_tables.planton_existing';
const NAMES = `(${EXISTING}.names == null ? [] : ${EXISTING}.names)`;

/** The resource key of the i-th table: table names may hold dots, which addresses cannot. */
export function tableKey(i: number): string {
  return `t${i}`;
}

export function tableAddress(i: number): string {
  return `aws_dynamodb_table.${tableKey(i)}[0]`;
}

export function readTablesRoot(tables: readonly string[]): object {
  const resource: Record<string, object> = {};
  const imports: object[] = [];
  tables.forEach((name, i) => {
    // Table names are [a-zA-Z0-9_.-]: a JSON string is a valid HCL string for them.
    const exists = `contains(${NAMES}, ${JSON.stringify(name)})`;
    resource[tableKey(i)] = {
      count: `\${${exists} ? 1 : 0}`,
      name,
      hash_key: 'planton_placeholder',
      attribute: [{ name: 'planton_placeholder', type: 'S' }],
      ...READ_ONLY,
    };
    imports.push({ for_each: `\${${exists} ? toset([${JSON.stringify(name)}]) : toset([])}`, to: tableAddress(i), id: '${each.value}' });
  });
  return { data: { aws_dynamodb_tables: { planton_existing: {} } }, import: imports, resource: { aws_dynamodb_table: resource } };
}

/** One autoscaled dimension to look for: the target and the target-tracking policy tf-module/autoscaling.tf names. */
export interface ScalingCandidate {
  key: string;
  table: string;
  resourceId: string;
  dimension: string;
  policyName: string;
}

/** Read and write of the table and of each GSI (`keyBase` keeps the keys of many tables apart). */
export function scalingCandidates(table: string, gsiNames: readonly string[], keyBase: string): ScalingCandidate[] {
  const out: ScalingCandidate[] = [];
  const add = (resourceId: string, level: 'table' | 'index', base: string) => {
    for (const side of ['Read', 'Write'] as const) {
      out.push({
        key: `${base}_${side.toLowerCase()}`.replace(/[^a-zA-Z0-9_]/g, '_'),
        table,
        resourceId,
        dimension: `dynamodb:${level}:${side}CapacityUnits`,
        policyName: `DynamoDB${side}CapacityUtilization:${resourceId}`,
      });
    }
  };
  add(`table/${table}`, 'table', `${keyBase}_t`);
  gsiNames.forEach((g, i) => add(`table/${table}/index/${g}`, 'index', `${keyBase}_i${i}`));
  return out;
}

export function readScalingRoot(targets: readonly ScalingCandidate[], policies: readonly ScalingCandidate[]): object {
  const target: Record<string, object> = {};
  const policy: Record<string, object> = {};
  const imports: { to: string; id: string }[] = [];
  for (const c of targets) {
    target[c.key] = { service_namespace: 'dynamodb', resource_id: c.resourceId, scalable_dimension: c.dimension, min_capacity: 1, max_capacity: 1, ...READ_ONLY };
    imports.push({ to: `aws_appautoscaling_target.${c.key}`, id: `dynamodb/${c.resourceId}/${c.dimension}` });
  }
  for (const c of policies) {
    policy[c.key] = { name: c.policyName, service_namespace: 'dynamodb', resource_id: c.resourceId, scalable_dimension: c.dimension, ...READ_ONLY };
    imports.push({ to: `aws_appautoscaling_policy.${c.key}`, id: `dynamodb/${c.resourceId}/${c.dimension}/${c.policyName}` });
  }
  const resource: Record<string, object> = { aws_appautoscaling_target: target };
  if (policies.length) resource.aws_appautoscaling_policy = policy;
  return { import: imports, resource };
}
