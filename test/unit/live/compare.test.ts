// compareLive on provider values as planton read them from DynamoDB Local (hashicorp/aws 5.100), against
// manifests loaded as a run loads them (schema defaults applied).
import type { AwsDynamodb } from '../../../src/generated/manifest.js';
import { compareLive, COMPARED_PATHS } from '../../../src/live/compare.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { ORDERS_LIVE } from '../../fixtures/live-orders.js';

/** The importer's `orders` table, tagged as its manifest below is. */
const orders = { ...ORDERS_LIVE, tags: { team: 'payments' } };

const ORDERS_YAML = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: orders
spec:
  billingMode: PROVISIONED
  partitionKey: { name: pk, type: STRING }
  sortKey: { name: sk, type: STRING }
  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }
  globalSecondaryIndexes:
    - name: ByStatus
      partitionKey: { name: status, type: STRING }
      provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 2 }
  localSecondaryIndexes:
    - name: ByDate
      sortKey: { name: created_at, type: STRING }
      projection: { type: KEYS_ONLY }
  ttl: { enabled: true, attributeName: expires_at }
  stream: { enabled: true, viewType: NEW_AND_OLD_IMAGES }
  pointInTimeRecovery: { enabled: false }
  tags: { team: payments }
`;

async function manifest(text = ORDERS_YAML, sets: string[] = []): Promise<AwsDynamodb> {
  const loaded = await loadManifest({ file: '/nowhere/orders.yaml', displayFile: 'orders.yaml', text, sets });
  expect(loaded.result.diagnostics).toEqual([]);
  return loaded.manifest!;
}

const AWS = { autoscalingRead: true, tags: true };
const LOCAL = { autoscalingRead: false, tags: false };
const live = (changes: Record<string, unknown> = {}) => ({ table: { ...orders, ...changes }, autoscaling: [] });

describe('compareLive', () => {
  it('finds nothing when the live table is what the manifest says, defaults included', async () => {
    expect(compareLive(await manifest(), live(), AWS)).toEqual({ differs: [], unseen: [] });
  });

  it('names each out-of-band change at its manifest path', async () => {
    const m = await manifest();
    expect(compareLive(m, live({ read_capacity: 9 }), AWS).differs).toEqual(['spec.provisionedThroughput.readCapacityUnits']);
    expect(compareLive(m, live({ ttl: [{ attribute_name: '', enabled: false }] }), AWS).differs).toEqual(['spec.ttl.enabled']);
    expect(compareLive(m, live({ stream_view_type: 'KEYS_ONLY' }), AWS).differs).toEqual(['spec.stream.viewType']);
    expect(compareLive(m, live({ deletion_protection_enabled: true }), AWS).differs).toEqual(['spec.deletionProtectionEnabled']);
    expect(compareLive(m, live({ tags: { team: 'billing', extra: 'x' } }), AWS).differs).toEqual(['spec.tags.extra', 'spec.tags.team']);
    expect(compareLive(m, live({ point_in_time_recovery: [{ enabled: true, recovery_period_in_days: 35 }] }), AWS).differs).toEqual(['spec.pointInTimeRecovery.enabled']);
  });

  it('names an index by its name: a changed capacity, a dropped index, an added one', async () => {
    const m = await manifest();
    const gsi = orders.global_secondary_index[0]!;
    expect(compareLive(m, live({ global_secondary_index: [{ ...gsi, write_capacity: 7 }] }), AWS).differs).toEqual(['spec.globalSecondaryIndexes[ByStatus].provisionedThroughput.writeCapacityUnits']);
    expect(compareLive(m, live({ global_secondary_index: [] }), AWS).differs).toEqual(['spec.globalSecondaryIndexes[ByStatus]']);
    expect(compareLive(m, live({ global_secondary_index: [gsi, { ...gsi, name: 'Other' }] }), AWS).differs).toEqual(['spec.globalSecondaryIndexes[Other]']);
  });

  it('sees a key type the provider does not diff', async () => {
    const m = await manifest(ORDERS_YAML, ['spec.sortKey.type=NUMBER', 'spec.localSecondaryIndexes[0].sortKey.type=STRING']);
    expect(compareLive(m, live(), AWS).differs).toEqual(['spec.sortKey.type']);
  });

  it('leaves autoscaled capacities to Application Auto Scaling, and calls autoscaling unseen where it is not read', async () => {
    const text = ORDERS_YAML.replace('  globalSecondaryIndexes:', '  autoScaling:\n    read: { minCapacity: 1, maxCapacity: 10 }\n  globalSecondaryIndexes:');
    const m = await manifest(text);
    expect(compareLive(m, live({ read_capacity: 8 }), LOCAL)).toEqual({ differs: [], unseen: ['spec.autoScaling'] });
    expect(compareLive(m, live({ write_capacity: 8 }), LOCAL).differs).toEqual(['spec.provisionedThroughput.writeCapacityUnits']);
  });

  it('compares no tags where the run manages none (DynamoDB Local)', async () => {
    expect(compareLive(await manifest(), live({ tags: {} }), LOCAL).differs).toEqual([]);
  });

  it('calls the fields other resources hold unseen when the manifest gives them', async () => {
    const m = await manifest(ORDERS_YAML + '  contributorInsightsEnabled: true\n  alarms:\n    throttle: { threshold: 1 }\n');
    expect(compareLive(m, live(), AWS).unseen).toEqual(['spec.contributorInsightsEnabled', 'spec.alarms']);
  });

  it('compares every catalogue field of the table itself', () => {
    expect(COMPARED_PATHS).toContain('spec.provisionedThroughput.readCapacityUnits');
    expect(COMPARED_PATHS).not.toContain('spec.alarms');
    expect(COMPARED_PATHS).not.toContain('spec.timeouts');
  });
});
