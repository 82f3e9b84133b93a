// toManifest on provider values read from real tables (aws_dynamodb_table state, hashicorp/aws 5.100).
import { stringify } from 'yaml';
import { loadManifest } from '../../../src/manifest/index.js';
import { toManifest } from '../../../src/importer/to-manifest.js';
import { renderManifestYaml, schemaReference } from '../../../src/importer/render.js';
import { ORDERS_LIVE as orders } from '../../fixtures/live-orders.js';

describe('toManifest', () => {
  it('maps keys, indexes, capacities, TTL and stream, says PITR is off (it is on by default), and leaves other defaults out', () => {
    const { manifest, notes } = toManifest(orders);
    expect(notes).toEqual([]);
    expect(manifest).toEqual({
      apiVersion: 'aws.project-planton.org/v1',
      kind: 'AwsDynamodb',
      metadata: { name: 'orders' },
      spec: {
        billingMode: 'PROVISIONED',
        partitionKey: { name: 'pk', type: 'STRING' },
        sortKey: { name: 'sk', type: 'STRING' },
        provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
        globalSecondaryIndexes: [
          { name: 'ByStatus', partitionKey: { name: 'status', type: 'STRING' }, projection: { type: 'ALL' }, provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 2 } },
        ],
        localSecondaryIndexes: [{ name: 'ByDate', sortKey: { name: 'created_at', type: 'STRING' }, projection: { type: 'KEYS_ONLY' } }],
        ttl: { enabled: true, attributeName: 'expires_at' },
        stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
        pointInTimeRecovery: { enabled: false },
      },
    });
    // Key order follows the schema's.
    expect(Object.keys(manifest.spec)).toEqual(['billingMode', 'partitionKey', 'sortKey', 'provisionedThroughput', 'globalSecondaryIndexes', 'localSecondaryIndexes', 'ttl', 'stream', 'pointInTimeRecovery']);
  });

  it('maps an on-demand table with PITR, SSE with a customer key, infrequent-access class, protection, tags, replicas and on-demand limits', () => {
    const kms = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { manifest } = toManifest({
      name: 'events',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'id',
      range_key: '',
      attribute: [
        { name: 'id', type: 'B' },
        { name: 'kind', type: 'N' },
      ],
      read_capacity: 0,
      write_capacity: 0,
      on_demand_throughput: [{ max_read_request_units: 100, max_write_request_units: -1 }],
      global_secondary_index: [{ name: 'ByKind', hash_key: 'kind', range_key: '', projection_type: 'INCLUDE', non_key_attributes: ['title', 'price'], on_demand_throughput: [] }],
      point_in_time_recovery: [{ enabled: true, recovery_period_in_days: 7 }],
      server_side_encryption: [{ enabled: true, kms_key_arn: kms }],
      table_class: 'STANDARD_INFREQUENT_ACCESS',
      deletion_protection_enabled: true,
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      replica: [{ region_name: 'us-west-2', kms_key_arn: '', point_in_time_recovery: true, propagate_tags: false }],
      tags: { team: 'data', 'aws:cloudformation:stack-name': 'x' },
    });
    expect(manifest.spec).toEqual({
      billingMode: 'PAY_PER_REQUEST',
      partitionKey: { name: 'id', type: 'BINARY' },
      onDemandThroughput: { maxReadRequestUnits: 100 },
      globalSecondaryIndexes: [{ name: 'ByKind', partitionKey: { name: 'kind', type: 'NUMBER' }, projection: { type: 'INCLUDE', nonKeyAttributes: ['price', 'title'] } }],
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 },
      serverSideEncryption: { enabled: true, kmsKeyArn: kms },
      tableClass: 'STANDARD_INFREQUENT_ACCESS',
      deletionProtectionEnabled: true,
      replicas: [{ regionName: 'us-west-2', pointInTimeRecovery: true }],
      tags: { team: 'data' },
    });
  });

  it('reads -1 (AWS: no limit) as no limit, and the manifest it writes for such a table passes validation', async () => {
    const unlimited = { max_read_request_units: -1, max_write_request_units: -1 };
    const live = {
      ...orders,
      billing_mode: 'PAY_PER_REQUEST',
      read_capacity: 0,
      write_capacity: 0,
      on_demand_throughput: [unlimited],
      global_secondary_index: [{ ...orders.global_secondary_index[0], read_capacity: 0, write_capacity: 0, on_demand_throughput: [{ max_read_request_units: 10, max_write_request_units: -1 }] }],
    };
    const { manifest } = toManifest(live);
    expect(manifest.spec.onDemandThroughput).toBeUndefined();
    expect(manifest.spec.globalSecondaryIndexes![0]!.onDemandThroughput).toEqual({ maxReadRequestUnits: 10 });
    const checked = await loadManifest({ file: 'orders.yaml', text: renderManifestYaml(manifest, { schemaRef: '', source: 'table orders' }) });
    expect(checked.result.diagnostics).toEqual([]);
  });

  it('puts autoscaling of the table and of a GSI under their autoScaling blocks', () => {
    const { manifest } = toManifest(orders, [
      { resourceId: 'table/orders', scalableDimension: 'dynamodb:table:ReadCapacityUnits', minCapacity: 5, maxCapacity: 100, targetValue: 70, scaleInCooldown: 60, scaleOutCooldown: 30 },
      { resourceId: 'table/orders/index/ByStatus', scalableDimension: 'dynamodb:index:WriteCapacityUnits', minCapacity: 2, maxCapacity: 20 },
    ]);
    expect(manifest.spec.autoScaling).toEqual({ read: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70, scaleInCooldown: 60, scaleOutCooldown: 30 } });
    expect(manifest.spec.globalSecondaryIndexes![0]!.autoScaling).toEqual({ write: { minCapacity: 2, maxCapacity: 20 } });
  });

  it('says when an index name could not be read', () => {
    const { notes } = toManifest({ ...orders, global_secondary_index: [{ ...orders.global_secondary_index[0], name: '' }] });
    expect(notes).toEqual([
      "a global secondary index came back without a name (hashicorp/aws 5.x drops it when the endpoint, e.g. DynamoDB Local, omits an on-demand index's ProvisionedThroughput): fill in its name",
    ]);
  });

  it('writes YAML with the schema line first, and the result passes validation unchanged', async () => {
    const text = renderManifestYaml(toManifest(orders).manifest, { schemaRef: schemaReference('/work/app/hack', '/work/app/schema/aws-dynamodb.schema.json'), source: 'table orders' });
    expect(text.split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=../schema/aws-dynamodb.schema.json', '# Written by `planton import` from table orders.', 'apiVersion: aws.project-planton.org/v1']);
    const checked = await loadManifest({ file: '/work/app/hack/orders.yaml', text });
    expect(checked.result.diagnostics).toEqual([]);
    expect(checked.result.status).toBe('valid');
    expect(stringify(checked.manifest!.spec.partitionKey)).toBe('name: pk\ntype: STRING\n');
  });
});
