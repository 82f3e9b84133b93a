// analysePlan on real `terraform show -json` plans (test/fixtures/plans, made with terraform 1.11.4,
// hashicorp/aws 5.100.0 and DynamoDB Local; see test/fixtures/plans/README.md) and on small
// hand-written plans for the cases DynamoDB Local cannot produce.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysePlan, type Change, type PlanAnalysis, type TerraformPlanJson } from '../../../src/plan/analyse.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'plans');
const fixture = (name: string): TerraformPlanJson => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as TerraformPlanJson;
const TABLE = 'module.dynamodb.aws_dynamodb_table.this';

/** The analysis without provider values, which the tests below check separately where they matter. */
function brief(a: PlanAnalysis): Omit<PlanAnalysis, 'changes' | 'drift'> & { changes: Omit<Change, 'before' | 'after'>[]; drift: Omit<Change, 'before' | 'after'>[] } {
  const strip = ({ before: _b, after: _a, ...rest }: Change) => rest;
  return { ...a, changes: a.changes.map(strip), drift: a.drift.map(strip) };
}

const BACKFILL = 'index is built online: DynamoDB backfills it from the existing items while the table stays available; queries on the index wait until it is ACTIVE';
const LOSS = 'DynamoDB cannot change this on a live table: the table is deleted and created again, and every item in the table will be deleted';
const ONE_PER_CALL = 'AWS creates or deletes one global secondary index per UpdateTable call, so these index changes run one after another';

describe('analysePlan on real plans', () => {
  it('reports a new table as one create of spec', () => {
    expect(brief(analysePlan(fixture('create-table')))).toEqual({
      changes: [{ address: TABLE, action: 'create', manifestPath: 'spec', effect: 'create', detail: 'table orders is created' }],
      drift: [],
      imports: [],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    });
  });

  it('reports nothing for a plan without changes, and ignores tags read back as {} instead of null', () => {
    const a = analysePlan(fixture('no-changes'));
    expect(a).toEqual({ changes: [], drift: [], imports: [], replacesTable: false, deletesTable: false, pending: false });
    expect(analysePlan(fixture('provisioned-gsi-no-changes')).pending).toBe(false);
  });

  it('names an added GSI by name, as an online backfill that keeps the table', () => {
    const a = analysePlan(fixture('add-gsi'));
    expect(brief(a)).toEqual({
      changes: [
        {
          address: TABLE,
          action: 'update',
          manifestPath: 'spec.globalSecondaryIndexes[ByCustomer]',
          effect: 'online-backfill',
          detail: `index ByCustomer (customer_id, created_at; KEYS_ONLY) is added: ${BACKFILL}`,
        },
      ],
      drift: [],
      imports: [],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    });
    expect(a.changes[0]!.after).toEqual({
      hash_key: 'customer_id',
      name: 'ByCustomer',
      non_key_attributes: [],
      on_demand_throughput: [],
      projection_type: 'KEYS_ONLY',
      range_key: 'created_at',
      read_capacity: 1,
      write_capacity: 1,
    });
  });

  it('flags a sort key change as a replacement that deletes every item', () => {
    expect(brief(analysePlan(fixture('change-sort-key')))).toEqual({
      changes: [
        { address: TABLE, action: 'replace', manifestPath: 'spec.sortKey.name', effect: 'replacement-deletes-items', detail: `sort key: sk → order_date; ${LOSS}` },
      ],
      drift: [],
      imports: [],
      replacesTable: true,
      deletesTable: false,
      pending: true,
    });
  });

  it('explains a switch to on-demand with the AWS switching limit', () => {
    const a = analysePlan(fixture('billing-to-on-demand'));
    expect(brief(a).changes).toEqual([
      {
        address: TABLE,
        action: 'update',
        manifestPath: 'spec.billingMode',
        effect: 'in-place',
        detail: 'billing mode: PROVISIONED → PAY_PER_REQUEST; AWS allows at most four switches from PROVISIONED to PAY_PER_REQUEST per table in a rolling 24 hours',
      },
    ]);
    expect(a.changes[0]).toMatchObject({ before: 'PROVISIONED', after: 'PAY_PER_REQUEST' });
  });

  it('names capacity drift by manifest path, and the update that puts the manifest value back', () => {
    const a = analysePlan(fixture('capacity-drift'));
    expect(a).toEqual({
      changes: [
        { address: TABLE, action: 'update', manifestPath: 'spec.provisionedThroughput.readCapacityUnits', effect: 'in-place', detail: 'read capacity: 10 → 5', before: 10, after: 5 },
      ],
      drift: [
        {
          address: TABLE,
          action: 'update',
          manifestPath: 'spec.provisionedThroughput.readCapacityUnits',
          effect: 'in-place',
          detail: 'changed outside planton: read capacity: 5 → 10',
          before: 5,
          after: 10,
        },
      ],
      imports: [],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    });
  });

  it('reads a refresh-only plan: drift only, still pending (terraform exits 2 for it)', () => {
    const a = analysePlan(fixture('refresh-only-drift'));
    expect(a.changes).toEqual([]);
    expect(a.drift.map((d) => [d.manifestPath, d.detail])).toEqual([['spec.provisionedThroughput.readCapacityUnits', 'changed outside planton: read capacity: 5 → 10']]);
    expect(a.pending).toBe(true);
  });

  it('maps autoscaling targets and policies to spec.autoScaling.read', () => {
    expect(brief(analysePlan(fixture('autoscaling-create'))).changes).toEqual([
      { address: 'module.dynamodb.aws_appautoscaling_policy.table_read[0]', action: 'create', manifestPath: 'spec.autoScaling.read', effect: 'create', detail: 'target tracking at 70% utilisation is created' },
      { address: 'module.dynamodb.aws_appautoscaling_target.table_read[0]', action: 'create', manifestPath: 'spec.autoScaling.read', effect: 'create', detail: 'autoscaling between 5 and 100 capacity units is created' },
    ]);
  });

  it('flags destroy as deleting the table and its items', () => {
    const a = analysePlan(fixture('destroy'));
    expect(brief(a)).toEqual({
      changes: [{ address: TABLE, action: 'delete', manifestPath: 'spec', effect: 'delete', detail: 'table orders is deleted: every item in the table will be deleted' }],
      drift: [],
      imports: [],
      replacesTable: false,
      deletesTable: true,
      pending: true,
    });
  });

  it('reads an adoption plan (import block): the import, plus the update that applies the manifest', () => {
    expect(brief(analysePlan(fixture('adopt-import')))).toEqual({
      changes: [{ address: TABLE, action: 'update', manifestPath: 'spec.provisionedThroughput.readCapacityUnits', effect: 'in-place', detail: 'read capacity: 10 → 5' }],
      drift: [],
      imports: [{ address: TABLE, id: 'metrics' }],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    });
  });

  it('lists several in-place changes of one update, keys first then alphabetically', () => {
    expect(brief(analysePlan(fixture('remove-gsi-ttl-tags-capacity'))).changes).toEqual([
      { address: TABLE, action: 'update', manifestPath: 'spec.globalSecondaryIndexes[ByStatus]', effect: 'in-place', detail: 'index ByStatus (status; ALL) is deleted; the table keeps its items, queries on this index stop working' },
      { address: TABLE, action: 'update', manifestPath: 'spec.provisionedThroughput.readCapacityUnits', effect: 'in-place', detail: 'read capacity: 5 → 10' },
      { address: TABLE, action: 'update', manifestPath: 'spec.tags', effect: 'in-place', detail: 'tags: (none) → {team: devops}' },
    ]);
  });
});

/** A one-resource plan around a table change, for what DynamoDB Local cannot produce. */
function tablePlan(actions: string[], before: object, after: object, extra: object = {}): TerraformPlanJson {
  return {
    format_version: '1.2',
    resource_changes: [
      { address: TABLE, mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions, before, after, after_unknown: {}, ...extra } },
    ],
  } as TerraformPlanJson;
}

const gsi = (name: string, hash: string, projection = 'ALL', extra: object = {}) => ({ name, hash_key: hash, range_key: '', projection_type: projection, non_key_attributes: [], read_capacity: 0, write_capacity: 0, ...extra });

describe('analysePlan on hand-written plans', () => {
  it('says that two new GSIs are created one UpdateTable call after the other', () => {
    const a = analysePlan(tablePlan(['update'], { name: 't1', global_secondary_index: [] }, { name: 't1', global_secondary_index: [gsi('ByA', 'a'), gsi('ByB', 'b')] }));
    expect(a.changes.map((c) => [c.manifestPath, c.effect, c.detail])).toEqual([
      ['spec.globalSecondaryIndexes[ByA]', 'online-backfill', `index ByA (a; ALL) is added: ${BACKFILL}; ${ONE_PER_CALL}`],
      ['spec.globalSecondaryIndexes[ByB]', 'online-backfill', `index ByB (b; ALL) is added: ${BACKFILL}; ${ONE_PER_CALL}`],
    ]);
  });

  it('says that a GSI whose projection changes is rebuilt, and a capacity change is in place', () => {
    const a = analysePlan(
      tablePlan(
        ['update'],
        { name: 't1', global_secondary_index: [gsi('ByA', 'a'), gsi('ByB', 'b', 'ALL', { read_capacity: 1 })] },
        { name: 't1', global_secondary_index: [gsi('ByA', 'a', 'KEYS_ONLY'), gsi('ByB', 'b', 'ALL', { read_capacity: 3 })] },
      ),
    );
    expect(a.changes.map((c) => [c.manifestPath, c.effect, c.detail])).toEqual([
      [
        'spec.globalSecondaryIndexes[ByA]',
        'online-backfill',
        `index ByA changes (a; ALL) → (a; KEYS_ONLY): the index is deleted and created again (UpdateTable cannot change an index key or projection); the table keeps its items, the index is backfilled again; ${ONE_PER_CALL}`,
      ],
      ['spec.globalSecondaryIndexes[ByB].provisionedThroughput.readCapacityUnits', 'in-place', 'index ByB read capacity: 1 → 3'],
    ]);
  });

  it('names an LSI change by index name as the cause of the replacement', () => {
    const lsi = (range: string) => [{ name: 'ByDate', range_key: range, projection_type: 'KEYS_ONLY', non_key_attributes: [] }];
    const a = analysePlan(
      tablePlan(['delete', 'create'], { name: 't1', hash_key: 'pk', local_secondary_index: lsi('created_at') }, { name: 't1', hash_key: 'pk', local_secondary_index: lsi('updated_at') }, { replace_paths: [['local_secondary_index']] }),
    );
    expect(a.replacesTable).toBe(true);
    expect(a.changes.map((c) => [c.action, c.manifestPath, c.effect, c.detail])).toEqual([
      ['replace', 'spec.localSecondaryIndexes[ByDate]', 'replacement-deletes-items', `local index ByDate changes (created_at; KEYS_ONLY) → (updated_at; KEYS_ONLY); ${LOSS}`],
    ]);
  });

  it('reports a key attribute type change at the key that uses it', () => {
    const a = analysePlan(
      tablePlan(
        ['delete', 'create'],
        { name: 't1', hash_key: 'id', attribute: [{ name: 'id', type: 'S' }] },
        { name: 't1', hash_key: 'id', attribute: [{ name: 'id', type: 'N' }] },
        { replace_paths: [['attribute']] },
      ),
    );
    expect(a.changes.map((c) => [c.manifestPath, c.effect, c.detail])).toEqual([['spec.partitionKey.type', 'replacement-deletes-items', `type of key attribute id: STRING → NUMBER; ${LOSS}`]]);
  });

  it('names the table-name path the caller says the manifest uses', () => {
    const plan = tablePlan(['delete', 'create'], { name: 'old-name' }, { name: 'new-name' }, { replace_paths: [['name']] });
    expect(analysePlan(plan, { tableNamePath: 'metadata.name' }).changes.map((c) => [c.manifestPath, c.detail])).toEqual([['metadata.name', `table name: old-name → new-name; ${LOSS}`]]);
  });

  it('still reports a replacement that has no attribute cause (taint, -replace)', () => {
    const a = analysePlan(tablePlan(['delete', 'create'], { name: 't1' }, { name: 't1' }));
    expect(brief(a).changes).toEqual([{ address: TABLE, action: 'replace', manifestPath: 'spec', effect: 'replacement-deletes-items', detail: 'table t1 is replaced: every item in the table will be deleted' }]);
  });

  it('lists imports (apply --adopt) and counts them as pending even when nothing else changes', () => {
    const a = analysePlan(tablePlan(['no-op'], { name: 't1' }, { name: 't1' }, { importing: { id: 't1' } }));
    expect(a).toEqual({ changes: [], drift: [], imports: [{ address: TABLE, id: 't1' }], replacesTable: false, deletesTable: false, pending: true });
  });

  it('maps GSI autoscaling, alarms, resource policy and contributor insights to their manifest fields', () => {
    const rc = (type: string, name: string, actions: string[], before: object | null, after: object | null) => ({ address: `module.dynamodb.${type}.${name}`, mode: 'managed', type, name, change: { actions, before, after } });
    const target = { resource_id: 'table/t1/index/ByA', scalable_dimension: 'dynamodb:index:WriteCapacityUnits', min_capacity: 1, max_capacity: 10 };
    const plan = {
      resource_changes: [
        rc('aws_appautoscaling_target', 'index_write', ['update'], target, { ...target, max_capacity: 20 }),
        rc('aws_cloudwatch_metric_alarm', 'read_throttle', ['delete'], { alarm_name: 't1-read-throttle', metric_name: 'ReadThrottleEvents' }, null),
        rc('aws_dynamodb_resource_policy', 'this', ['create'], null, { policy: '{}' }),
        rc('aws_dynamodb_contributor_insights', 'this', ['create'], null, { table_name: 't1' }),
        { ...rc('aws_region', 'current', ['read'], null, {}), mode: 'data' },
      ],
    } as TerraformPlanJson;
    expect(analysePlan(plan).changes.map((c) => [c.manifestPath, c.action, c.effect, c.detail])).toEqual([
      ['spec.globalSecondaryIndexes[ByA].autoScaling.write', 'update', 'in-place', 'autoscaling between 1 and 20 capacity units: maxCapacity: 10 → 20'],
      ['spec.alarms', 'delete', 'delete', 'alarm t1-read-throttle on ReadThrottleEvents is deleted'],
      ['spec.resourcePolicy', 'create', 'create', 'resource policy is created'],
      ['spec.contributorInsightsEnabled', 'create', 'create', 'contributor insights is created'],
    ]);
  });

  it('reports a table deleted outside planton as drift', () => {
    const plan = { resource_drift: [{ address: TABLE, mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions: ['delete'], before: { name: 't1' }, after: null } }], resource_changes: [] } as unknown as TerraformPlanJson;
    expect(analysePlan(plan).drift.map((c) => [c.manifestPath, c.effect, c.detail])).toEqual([['spec', 'delete', 'changed outside planton: table t1 no longer exists']]);
  });
});

test('a plan that changes outputs only is not pending: an output is no drift of the table', () => {
  const plan = {
    applyable: true,
    resource_changes: [{ address: 'module.dynamodb.aws_dynamodb_table.this', mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions: ['no-op'], before: {}, after: {} } }],
    output_changes: { stream_label: { actions: ['update'], before: '', after: '2026-11-27T14:53:14.573' } },
  } as unknown as TerraformPlanJson;
  expect(analysePlan(plan)).toMatchObject({ changes: [], drift: [], pending: false });
});
