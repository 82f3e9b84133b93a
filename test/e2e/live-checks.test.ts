// What only the live table read at plan time can tell: a key attribute's type (the provider never
// compares it), a TTL rename while TTL is on, and that a plain provider_config.endpoint is DynamoDB
// Local. One table on one DynamoDB Local, walked through the cases in order; each step's terraform
// commands are few because each costs ~10 s of provider start-up.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { stringify } from 'yaml';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const LONG = 300_000;
const NAME = 'planton-live-checks';
const suite = describeWithTofu('test/e2e/live-checks.test.ts');

type KeyType = 'STRING' | 'NUMBER';
interface Keys {
  id: KeyType;
  lsk: KeyType;
  gpk: KeyType;
  ttl: string;
  gsi: boolean;
}

/** An on-demand table with a sort key, an LSI, a GSI and TTL; the key types vary. */
function manifestYaml(k: Keys): string {
  const spec: Record<string, unknown> = {
    billingMode: 'PAY_PER_REQUEST',
    partitionKey: { name: 'id', type: k.id },
    sortKey: { name: 'sk', type: 'STRING' },
    localSecondaryIndexes: [{ name: 'ByL', sortKey: { name: 'lsk', type: k.lsk }, projection: { type: 'KEYS_ONLY' } }],
    ttl: { enabled: true, attributeName: k.ttl },
  };
  if (k.gsi) spec.globalSecondaryIndexes = [{ name: 'ByG', partitionKey: { name: 'gpk', type: k.gpk }, projection: { type: 'KEYS_ONLY' } }];
  return stringify({ apiVersion: 'aws.project-planton.org/v1', kind: 'AwsDynamodb', metadata: { name: NAME }, spec });
}

/** terraform's diagnostics without the box it draws and its line wrapping. */
const flat = (text: string): string => text.replace(/^[╷╵│] ?/gm, '').replace(/\s+/g, ' ');

suite('live checks: key types, a TTL rename, DynamoDB Local behind a plain endpoint', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const planton = inProcessPlanton(() => dir);
  const run = (...args: string[]) => planton.run(['tofu', ...args, '--manifest', 'm.yaml', '--stack-input', 'stack.yaml', '--no-color']);
  let keys: Keys = { id: 'STRING', lsk: 'STRING', gpk: 'STRING', ttl: 'expires_at', gsi: true };
  const write = (k: Keys) => writeFileSync(join(dir, 'm.yaml'), manifestYaml((keys = k)));
  const liveTypes = async () => {
    const { Table } = await ddb.client().send(new DescribeTableCommand({ TableName: NAME }));
    return Object.fromEntries((Table?.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  };
  let created: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('live-checks');
    writeLocalStackInput(join(dir, 'stack.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'AKIALIVECHECKS', secretAccessKey: 'livechecksecret' });
    write(keys);
    created = await run('apply', '--auto-approve');
  }, LONG);

  afterAll(async () => {
    if (process.env.PLANTON_LIVE_CHECKS_TRANSCRIPT) writeFileSync(process.env.PLANTON_LIVE_CHECKS_TRANSCRIPT, planton.transcript());
    await ddb?.stop();
    removeScratch(dir);
  }, LONG);

  test('a plain endpoint that is DynamoDB Local gets the --local adjustments, said once; the on-demand GSI table converges', async () => {
    expect(created.code).toBe(0);
    const header = `planton: warning: provider_config.endpoint ${ddb.endpoint} is DynamoDB Local, so this run adjusts the manifest as --local does:\n`;
    expect(created.err.split(header)).toHaveLength(2);
    expect(created.err).toContain(
      header +
        '  point-in-time recovery is not supported by DynamoDB Local; skipped for this run\n' +
        '  on-demand billing of a table with global secondary indexes is read back wrongly by DynamoDB Local; PROVISIONED at 1 read/1 write unit per table and index for this run\n',
    );
    const again = await run('plan', '--detailed-exitcode');
    expect(again.code).toBe(0);
    expect(again.out).toContain('No changes. Your infrastructure matches the configuration.');
  }, LONG);

  test('renaming the TTL attribute while TTL is on stops at plan time, saying to turn TTL off first', async () => {
    write({ ...keys, ttl: 'ttl_at' });
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(1);
    expect(flat(plan.err)).toContain(
      'TTL is on for attribute "expires_at" of the live table, and ttl_attribute_name asks for "ttl_at": AWS cannot rename the TTL attribute while TTL is on, ' +
        'and allows one TTL change per table per hour. Turn TTL off first (planton: spec.ttl.enabled: false), apply, then set the new attribute with TTL on and apply again',
    );
    write({ ...keys, ttl: 'expires_at' });
  }, LONG);

  test('a partition key and an LSI sort key type change: plan exits 2 naming the paths, apply stops (exit 1), the table keeps its types', async () => {
    write({ ...keys, id: 'NUMBER', lsk: 'NUMBER' });
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    expect(plan.out).toContain(
      'Changes in manifest terms:\n' +
        '  -/+ spec.partitionKey.type: key type STRING → NUMBER cannot change in place (REPLACES THE TABLE)\n' +
        '  -/+ spec.localSecondaryIndexes[ByL].sortKey.type: key type STRING → NUMBER cannot change in place (REPLACES THE TABLE)\n' +
        'The table will be replaced: every item in the table will be deleted.\n',
    );
    const stopped =
      `the plan replaces table '${NAME}' (module.dynamodb.aws_dynamodb_table.this), which deletes every item in it.\n` +
      '  cause: spec.partitionKey.type: STRING → NUMBER replaces the table\n' +
      '  cause: spec.localSecondaryIndexes[ByL].sortKey.type: STRING → NUMBER replaces the table\n';
    expect(plan.err).toContain(`planton: warning: ${stopped}`);

    const apply = await run('apply', '--auto-approve');
    expect(apply.code).toBe(1);
    expect(apply.err).toContain(`planton: apply stopped: ${stopped}`);
    expect(await liveTypes()).toEqual({ id: 'S', sk: 'S', lsk: 'S', gpk: 'S' });
  }, LONG);

  test('with --allow-replace the table is replaced with the new key types, and the next plan exits 0', async () => {
    const apply = await run('apply', '--auto-approve', '--allow-replace');
    expect(apply.code).toBe(0);
    expect(apply.err).toContain("planton: planning again with the table replaced (-replace): the provider cannot change a key attribute's type\n");
    expect(apply.out).toContain('module.dynamodb.aws_dynamodb_table.this will be replaced, as requested');
    expect(apply.out).toContain('  -/+ spec.partitionKey.type: type of key attribute id: STRING → NUMBER (REPLACES THE TABLE)');
    // The check's output is planton's own: not among the outputs it prints after the apply.
    expect(apply.out.split('Apply complete!')[1]).not.toContain('key_type_drift');
    expect(await liveTypes()).toEqual({ id: 'N', sk: 'S', lsk: 'N', gpk: 'S' });
    expect((await run('plan', '--detailed-exitcode')).code).toBe(0);
  }, LONG);

  test('a GSI key type that differs on the live table (made outside planton) is drift (exit 2); apply refuses with the two steps, which then work', async () => {
    // The same table made again with the SDK, but with the index keyed by a NUMBER.
    const client = ddb.client();
    await client.send(new DeleteTableCommand({ TableName: NAME }));
    const unit = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 };
    await client.send(
      new CreateTableCommand({
        TableName: NAME,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: unit,
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'N' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'lsk', AttributeType: 'N' },
          { AttributeName: 'gpk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'id', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'ByL',
            KeySchema: [
              { AttributeName: 'id', KeyType: 'HASH' },
              { AttributeName: 'lsk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'ByG', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: unit }],
      }),
    );
    await client.send(new UpdateTimeToLiveCommand({ TableName: NAME, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));

    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    expect(plan.out).toContain(
      '  ~ spec.globalSecondaryIndexes[ByG].partitionKey.type: key type NUMBER → STRING: index ByG must be deleted and built again (the table stays), which the AWS provider cannot do in one apply (online, index backfill)\n',
    );
    expect(plan.out).not.toContain('REPLACES THE TABLE');
    const apply = await run('apply', '--auto-approve', '--allow-replace');
    expect(apply.code).toBe(1);
    expect(apply.err).toContain(
      `planton: apply stopped: the key type of global secondary index ByG of table '${NAME}' changes, which needs the index deleted and built again (the table and its items stay); the AWS provider cannot do that in one apply.\n` +
        '  cause: spec.globalSecondaryIndexes[ByG].partitionKey.type: NUMBER → STRING\n' +
        '  Do it in two steps: remove the index from spec.globalSecondaryIndexes and apply (the index is deleted), then add it back with the new key type and apply (the index is built again while the table serves traffic).\n',
    );
    expect((await liveTypes()).gpk).toBe('N');

    // The two steps the message gives.
    write({ ...keys, gsi: false });
    expect((await run('apply', '--auto-approve')).code).toBe(0);
    write({ ...keys, gsi: true });
    expect((await run('apply', '--auto-approve')).code).toBe(0);
    expect(await liveTypes()).toEqual({ id: 'N', sk: 'S', lsk: 'N', gpk: 'S' });
  }, LONG);
});
