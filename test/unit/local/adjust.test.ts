import type { AwsDynamodb } from '../../../src/generated/manifest.js';
import { adjustForLocal } from '../../../src/local/adjust.js';

const base = (spec: Partial<AwsDynamodb['spec']> = {}, metadata: Partial<AwsDynamodb['metadata']> = {}): AwsDynamodb => ({
  apiVersion: 'aws.project-planton.org/v1',
  kind: 'AwsDynamodb',
  metadata: { name: 'orders', ...metadata },
  spec: { partitionKey: { name: 'id', type: 'STRING' }, ...spec },
});

describe('adjustForLocal', () => {
  test('leaves a manifest DynamoDB Local can hold untouched, without warnings', () => {
    const m = base({
      billingMode: 'PAY_PER_REQUEST',
      sortKey: { name: 'at', type: 'NUMBER' },
      onDemandThroughput: { maxReadRequestUnits: 10 },
      ttl: { enabled: true, attributeName: 'exp' },
      stream: { enabled: true, viewType: 'NEW_IMAGE' },
      pointInTimeRecovery: { enabled: false },
      serverSideEncryption: { enabled: false },
      tableClass: 'STANDARD',
      deletionProtectionEnabled: true,
      contributorInsightsEnabled: false,
      alarms: { throttle: { enabled: false } },
    });
    expect(adjustForLocal(m)).toEqual({ manifest: m, warnings: [], substitutedPaths: [] });
  });

  test('drops every feature DynamoDB Local lacks with one warning each, in a fixed order', () => {
    const m = base(
      {
        billingMode: 'PROVISIONED',
        provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
        autoScaling: { read: { minCapacity: 5, maxCapacity: 10 } },
        globalSecondaryIndexes: [
          { name: 'ByC', partitionKey: { name: 'c', type: 'STRING' }, provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 }, autoScaling: { write: { minCapacity: 1, maxCapacity: 2 } } },
        ],
        stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
        pointInTimeRecovery: { recoveryPeriodInDays: 7 },
        serverSideEncryption: { enabled: true },
        tableClass: 'STANDARD_INFREQUENT_ACCESS',
        contributorInsightsEnabled: true,
        replicas: [{ regionName: 'us-west-2' }],
        importTable: { inputFormat: 'CSV', s3BucketSource: { bucket: 'b' } },
        restore: { sourceTableName: 'old', useLatestRestorableTime: true },
        alarms: { throttle: { threshold: 1 } },
        resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] },
        tags: { team: 'a' },
      } as Partial<AwsDynamodb['spec']>,
      { labels: { env: 'dev' } },
    );
    const before = structuredClone(m);
    const { manifest, warnings } = adjustForLocal(m);
    expect(warnings).toEqual([
      '--local: point-in-time recovery is not supported by DynamoDB Local; skipped for this run',
      '--local: server-side encryption is not reported by DynamoDB Local; skipped for this run',
      '--local: table class STANDARD_INFREQUENT_ACCESS is not reported by DynamoDB Local; skipped for this run',
      '--local: autoscaling is not supported by DynamoDB Local; skipped for this run',
      '--local: replicas (global table) are not supported by DynamoDB Local; skipped for this run',
      '--local: importTable (the table is created empty) is not supported by DynamoDB Local; skipped for this run',
      '--local: restore (the table is created empty) is not supported by DynamoDB Local; skipped for this run',
      '--local: throttle alarms are not supported by DynamoDB Local; skipped for this run',
      '--local: contributor insights is not supported by DynamoDB Local; skipped for this run',
      '--local: resourcePolicy is not supported by DynamoDB Local; skipped for this run',
      '--local: tags (and metadata.labels) are not supported by DynamoDB Local; skipped for this run',
    ]);
    expect(manifest).toEqual(
      base({
        billingMode: 'PROVISIONED',
        provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
        globalSecondaryIndexes: [{ name: 'ByC', partitionKey: { name: 'c', type: 'STRING' }, provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 } }],
        stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    expect(m).toEqual(before); // pure: the input is not modified
  });

  test('an on-demand table with indexes is provisioned at 1/1 for --local (DynamoDB Local reads its indexes back wrongly)', () => {
    const gsi = { name: 'ByC', partitionKey: { name: 'c', type: 'STRING' as const }, projection: { type: 'INCLUDE' as const, nonKeyAttributes: ['x'] } };
    const { manifest, warnings, substitutedPaths } = adjustForLocal(
      base({ onDemandThroughput: { maxReadRequestUnits: 9 }, globalSecondaryIndexes: [{ ...gsi, onDemandThroughput: { maxReadRequestUnits: 5 } }] }),
    );
    // The plan's billing and capacity changes follow this substitution: the summary leaves them out.
    expect(substitutedPaths).toEqual([
      'spec.billingMode',
      'spec.provisionedThroughput',
      'spec.onDemandThroughput',
      'spec.globalSecondaryIndexes[*].provisionedThroughput',
      'spec.globalSecondaryIndexes[*].onDemandThroughput',
    ]);
    expect(warnings).toEqual([
      '--local: on-demand billing of a table with global secondary indexes is read back wrongly by DynamoDB Local; PROVISIONED at 1 read/1 write unit per table and index for this run',
    ]);
    expect(manifest.spec).toEqual({
      partitionKey: { name: 'id', type: 'STRING' },
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 },
      globalSecondaryIndexes: [{ ...gsi, provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 } }],
    });
  });

  test('labels alone are enough for the tags warning', () => {
    const { manifest, warnings } = adjustForLocal(base({}, { labels: { team: 'devops' } }));
    expect(warnings).toEqual(['--local: tags (and metadata.labels) are not supported by DynamoDB Local; skipped for this run']);
    expect(manifest.metadata).toEqual({ name: 'orders' });
  });
});
