// Shared by the convergence tests and the random walk: a manifest built from a small model, and the
// live table (DescribeTable + DescribeTimeToLive) reduced to the same model, so "the live table equals
// the manifest" is one toEqual.
import { DescribeTableCommand, DescribeTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { stringify } from 'yaml';

export interface IndexModel {
  read: number;
  write: number;
}

/** What a convergence test varies. Always PROVISIONED: DynamoDB Local reads on-demand indexes back wrongly. */
export interface TableModel {
  name: string;
  read: number;
  write: number;
  /** Index name → capacity; every index is keyed by `<name>_key` (STRING), projection KEYS_ONLY. */
  indexes: Record<string, IndexModel>;
  /** TTL attribute when on; absent means no `ttl:` block at all (which means off). */
  ttl?: string;
  stream?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
  deletionProtection: boolean;
}

export function manifestYaml(m: TableModel): string {
  const spec: Record<string, unknown> = {
    billingMode: 'PROVISIONED',
    partitionKey: { name: 'id', type: 'STRING' },
    provisionedThroughput: { readCapacityUnits: m.read, writeCapacityUnits: m.write },
    pointInTimeRecovery: { enabled: false },
    deletionProtectionEnabled: m.deletionProtection,
  };
  const names = Object.keys(m.indexes).sort();
  if (names.length > 0) {
    spec.globalSecondaryIndexes = names.map((n) => ({
      name: n,
      partitionKey: { name: `${n}_key`, type: 'STRING' },
      projection: { type: 'KEYS_ONLY' },
      provisionedThroughput: { readCapacityUnits: m.indexes[n]!.read, writeCapacityUnits: m.indexes[n]!.write },
    }));
  }
  if (m.ttl !== undefined) spec.ttl = { enabled: true, attributeName: m.ttl };
  if (m.stream !== undefined) spec.stream = { enabled: true, viewType: m.stream };
  return stringify({ apiVersion: 'aws.project-planton.org/v1', kind: 'AwsDynamodb', metadata: { name: m.name }, spec });
}

/** The model of the live table, as DynamoDB reports it. */
export async function liveModel(client: DynamoDBClient, name: string): Promise<TableModel> {
  const { Table: t } = await client.send(new DescribeTableCommand({ TableName: name }));
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const indexes: Record<string, IndexModel> = {};
  for (const g of t?.GlobalSecondaryIndexes ?? []) {
    indexes[g.IndexName!] = { read: g.ProvisionedThroughput?.ReadCapacityUnits ?? 0, write: g.ProvisionedThroughput?.WriteCapacityUnits ?? 0 };
  }
  const on = ttl.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED';
  const model: TableModel = {
    name: t!.TableName!,
    read: t?.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
    write: t?.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
    indexes,
    deletionProtection: t?.DeletionProtectionEnabled === true,
  };
  if (on) model.ttl = ttl.TimeToLiveDescription?.AttributeName;
  if (t?.StreamSpecification?.StreamEnabled) model.stream = t.StreamSpecification.StreamViewType as TableModel['stream'];
  return model;
}
