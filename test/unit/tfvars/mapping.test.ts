// The manifest → tfvars mapping (docs/contract.md `tfvars`), case by case.
import type { AwsDynamodb, AwsDynamodbSpec } from '../../../src/generated/manifest.js';
import { schemaProblems } from '../../../src/document/schema.js';
import { ATTRIBUTE_TYPE, deriveAttributes, stableJson, toTfvars } from '../../../src/tfvars/index.js';

/** A valid manifest with the schema's defaults filled in, as toTfvars always receives it. */
function manifest(spec: Partial<AwsDynamodbSpec>, labels?: Record<string, string>): AwsDynamodb {
  const m: AwsDynamodb = {
    apiVersion: 'aws.project-planton.org/v1',
    kind: 'AwsDynamodb',
    metadata: { name: 'orders', ...(labels ? { labels } : {}) },
    spec: { partitionKey: { name: 'pk', type: 'STRING' }, ...spec },
  };
  expect(schemaProblems('manifest', m)).toEqual([]);
  return m;
}

describe('key types', () => {
  it('maps STRING, NUMBER and BINARY to S, N and B', () => {
    expect(ATTRIBUTE_TYPE).toEqual({ STRING: 'S', NUMBER: 'N', BINARY: 'B' });
    const m = manifest({ partitionKey: { name: 'a', type: 'STRING' }, sortKey: { name: 'b', type: 'NUMBER' }, localSecondaryIndexes: [{ name: 'ByC', sortKey: { name: 'c', type: 'BINARY' } }] });
    expect(deriveAttributes(m)).toEqual([
      { name: 'a', type: 'S' },
      { name: 'b', type: 'N' },
      { name: 'c', type: 'B' },
    ]);
  });

  it('lists each key attribute once, in order of first use across table, GSIs and LSIs', () => {
    const m = manifest({
      sortKey: { name: 'created_at', type: 'STRING' },
      globalSecondaryIndexes: [
        { name: 'ByCategory', partitionKey: { name: 'category', type: 'STRING' }, sortKey: { name: 'created_at', type: 'STRING' } },
        { name: 'ByOwner', partitionKey: { name: 'owner', type: 'STRING' }, sortKey: { name: 'pk', type: 'STRING' } },
      ],
      localSecondaryIndexes: [{ name: 'ByCategoryLocal', sortKey: { name: 'category', type: 'STRING' } }],
    });
    expect(deriveAttributes(m)).toEqual([
      { name: 'pk', type: 'S' },
      { name: 'created_at', type: 'S' },
      { name: 'category', type: 'S' },
      { name: 'owner', type: 'S' },
    ]);
  });

  it('refuses one attribute with two types (validation rule 3 keeps such manifests out)', () => {
    const m = manifest({ globalSecondaryIndexes: [{ name: 'ByPk', partitionKey: { name: 'pk', type: 'NUMBER' } }] });
    expect(() => deriveAttributes(m)).toThrow('attribute "pk" is used as both S and N; validation should have rejected this manifest');
  });
});

describe('toTfvars', () => {
  it('gives an on-demand table no capacities, and on-demand limits only where set', () => {
    const v = toTfvars(
      manifest({
        onDemandThroughput: { maxReadRequestUnits: 100 },
        globalSecondaryIndexes: [{ name: 'ByOwner', partitionKey: { name: 'owner', type: 'STRING' } }],
      }),
    );
    expect(v.billing_mode).toBe('PAY_PER_REQUEST');
    expect([v.read_capacity, v.write_capacity]).toEqual([null, null]);
    expect(v.on_demand_throughput).toEqual({ max_read_request_units: 100 });
    expect(v.global_secondary_indexes[0]).toEqual({
      name: 'ByOwner',
      hash_key: 'owner',
      range_key: null,
      projection_type: 'ALL',
      non_key_attributes: null,
      read_capacity: null,
      write_capacity: null,
      on_demand_throughput: null,
    });
    expect([v.autoscaling_read, v.autoscaling_write, v.autoscaling_indexes]).toEqual([null, null, {}]);
  });

  it('gives a PROVISIONED table and its GSIs their capacities and autoscaling, with v4 defaults for omitted settings', () => {
    const v = toTfvars(
      manifest({
        billingMode: 'PROVISIONED',
        provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 5 },
        autoScaling: { write: { minCapacity: 5, maxCapacity: 50, scaleOutCooldown: 30 } },
        globalSecondaryIndexes: [
          { name: 'ByOwner', partitionKey: { name: 'owner', type: 'STRING' }, provisionedThroughput: { readCapacityUnits: 3, writeCapacityUnits: 2 }, autoScaling: { read: { minCapacity: 3, maxCapacity: 9, targetUtilization: 50 } } },
          { name: 'ByState', partitionKey: { name: 'state', type: 'STRING' }, provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 } },
        ],
      }),
    );
    expect([v.billing_mode, v.read_capacity, v.write_capacity, v.on_demand_throughput]).toEqual(['PROVISIONED', 10, 5, null]);
    expect(v.global_secondary_indexes.map((g) => [g.read_capacity, g.write_capacity, g.on_demand_throughput])).toEqual([
      [3, 2, null],
      [1, 1, null],
    ]);
    expect(v.autoscaling_read).toBeNull();
    expect(v.autoscaling_write).toEqual({ min_capacity: 5, max_capacity: 50, target_value: 70, scale_in_cooldown: 0, scale_out_cooldown: 30 });
    expect(v.autoscaling_indexes).toEqual({
      ByOwner: { read: { min_capacity: 3, max_capacity: 9, target_value: 50, scale_in_cooldown: 0, scale_out_cooldown: 0 }, write: null },
    });
  });

  it('sends non_key_attributes only for INCLUDE projections', () => {
    const v = toTfvars(
      manifest({
        sortKey: { name: 'sk', type: 'STRING' },
        globalSecondaryIndexes: [
          { name: 'Included', partitionKey: { name: 'g', type: 'STRING' }, projection: { type: 'INCLUDE', nonKeyAttributes: ['title', 'price'] } },
          { name: 'KeysOnly', partitionKey: { name: 'g', type: 'STRING' }, projection: { type: 'KEYS_ONLY' } },
        ],
        localSecondaryIndexes: [
          { name: 'LocalIncluded', sortKey: { name: 'l', type: 'NUMBER' }, projection: { type: 'INCLUDE', nonKeyAttributes: ['x'] } },
          { name: 'LocalAll', sortKey: { name: 'l', type: 'NUMBER' } },
        ],
      }),
    );
    expect(v.global_secondary_indexes.map((g) => [g.projection_type, g.non_key_attributes])).toEqual([
      ['INCLUDE', ['title', 'price']],
      ['KEYS_ONLY', null],
    ]);
    expect(v.local_secondary_indexes).toEqual([
      { name: 'LocalIncluded', range_key: 'l', projection_type: 'INCLUDE', non_key_attributes: ['x'] },
      { name: 'LocalAll', range_key: 'l', projection_type: 'ALL', non_key_attributes: null },
    ]);
  });

  it('merges labels into tags with spec.tags winning on the same key', () => {
    const v = toTfvars(manifest({ tags: { team: 'payments', Environment: 'prod' } }, { team: 'devops', app: 'shop' }));
    expect(v.tags).toEqual({ team: 'payments', app: 'shop', Environment: 'prod' });
  });

  it('turns features off with nulls, never half-filled blocks', () => {
    const v = toTfvars(manifest({ stream: { enabled: false }, serverSideEncryption: { enabled: false }, pointInTimeRecovery: { enabled: false } }));
    expect([v.ttl_enabled, v.ttl_attribute_name, v.stream_enabled, v.stream_view_type]).toEqual([false, null, false, null]);
    expect([v.server_side_encryption_enabled, v.server_side_encryption_kms_key_arn]).toEqual([false, null]);
    expect([v.point_in_time_recovery_enabled, v.point_in_time_recovery_period_in_days]).toEqual([false, null]);
    expect([v.import_table, v.timeouts, v.resource_policy, v.alarms, v.replicas]).toEqual([null, null, null, null, null]);
    expect([v.restore_source_name, v.restore_source_table_arn, v.restore_date_time, v.restore_to_latest_time]).toEqual([null, null, null, null]);
  });

  it('keeps the TTL attribute name when TTL is off, so the module can turn TTL off on an existing table', () => {
    const v = toTfvars(manifest({ ttl: { enabled: false, attributeName: 'ttl' } }));
    expect([v.ttl_enabled, v.ttl_attribute_name]).toEqual([false, 'ttl']);
  });

  it('treats a feature block without `enabled` as on (the schema default)', () => {
    const v = toTfvars(manifest({ ttl: { attributeName: 'expires_at' }, pointInTimeRecovery: {}, stream: { viewType: 'KEYS_ONLY' } }));
    expect([v.ttl_enabled, v.ttl_attribute_name, v.point_in_time_recovery_enabled, v.stream_view_type]).toEqual([true, 'expires_at', true, 'KEYS_ONLY']);
  });

  it('sends the resource policy as a JSON string and the restore point as given', () => {
    const policy = { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'dynamodb:GetItem', Resource: '*' }] };
    const v = toTfvars(manifest({ resourcePolicy: policy, restore: { sourceTableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders', restoreDateTime: '2026-11-20T10:00:00Z' } }));
    expect(JSON.parse(v.resource_policy as string)).toEqual(policy);
    expect([v.restore_source_name, v.restore_source_table_arn, v.restore_date_time, v.restore_to_latest_time]).toEqual([
      null,
      'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      '2026-11-20T10:00:00Z',
      null,
    ]);
  });

  it('sends the schema defaults of replicas, S3 import and throttle alarms when the manifest leaves them out', () => {
    const v = toTfvars(
      manifest({
        replicas: [{ regionName: 'us-west-2' }],
        importTable: { inputFormat: 'CSV', s3BucketSource: { bucket: 'data' }, csv: {} },
        alarms: { throttle: {} },
      }),
    );
    expect(v.replicas).toEqual([{ region_name: 'us-west-2', point_in_time_recovery: false, propagate_tags: false }]);
    expect(v.import_table).toEqual({ input_format: 'CSV', input_compression_type: 'NONE', s3_bucket_source: { bucket: 'data' }, csv: { delimiter: ',' } });
    expect(v.alarms).toEqual({ throttle: { enabled: true, threshold: 0, period_seconds: 300, evaluation_periods: 2 } });
    expect(v.deletion_protection_enabled).toBe(false);
  });

  it('sends a switched-off throttle alarm as it is: the module creates no alarm for enabled false', () => {
    const v = toTfvars(manifest({ alarms: { throttle: { enabled: false, threshold: 5 } } }));
    expect(v.alarms).toEqual({ throttle: { enabled: false, threshold: 5, period_seconds: 300, evaluation_periods: 2 } });
  });

  it('sends the table and index on-demand limits the manifest sets, in snake_case, and nothing for the others', () => {
    const v = toTfvars(
      manifest({
        onDemandThroughput: { maxWriteRequestUnits: 40 },
        globalSecondaryIndexes: [{ name: 'ByOwner', partitionKey: { name: 'owner', type: 'STRING' }, onDemandThroughput: { maxReadRequestUnits: 7, maxWriteRequestUnits: 8 } }],
      }),
    );
    expect([v.on_demand_throughput, v.global_secondary_indexes[0]!.on_demand_throughput]).toEqual([{ max_write_request_units: 40 }, { max_read_request_units: 7, max_write_request_units: 8 }]);
  });

  it('passes -1 (AWS: no limit) through as it is, for the table and an index', () => {
    const v = toTfvars(
      manifest({
        onDemandThroughput: { maxReadRequestUnits: -1, maxWriteRequestUnits: 50 },
        globalSecondaryIndexes: [{ name: 'ByOwner', partitionKey: { name: 'owner', type: 'STRING' }, onDemandThroughput: { maxWriteRequestUnits: -1 } }],
      }),
    );
    expect([v.on_demand_throughput, v.global_secondary_indexes[0]!.on_demand_throughput]).toEqual([{ max_read_request_units: -1, max_write_request_units: 50 }, { max_write_request_units: -1 }]);
  });

  it('uses spec.tableName over metadata.name', () => {
    expect(toTfvars(manifest({ tableName: 'orders-v2' })).table_name).toBe('orders-v2');
    expect(toTfvars(manifest({})).table_name).toBe('orders');
  });
});

describe('stableJson', () => {
  it('sorts keys at every level, keeps array order, indents by two spaces and ends with a newline', () => {
    expect(stableJson({ b: 1, a: [{ z: null, y: true }, 'x'] })).toBe('{\n  "a": [\n    {\n      "y": true,\n      "z": null\n    },\n    "x"\n  ],\n  "b": 1\n}\n');
  });
});
