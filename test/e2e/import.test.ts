// Adopting an existing table end to end: a table made outside planton (SDK, DynamoDB Local), then
// `planton import` → `planton validate` → `planton tofu apply --adopt` (import, nothing added or
// destroyed) → a second plan with no changes → destroy. Real terraform, planton called in-process.
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTofu, tofuBinary } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 180_000;
const TABLE = 'planton-e2e-adopt';
const SECRET = 'planTonE2eSecret4711';

const binary = tofuBinary;
const suite = describeWithTofu('test/e2e/import.test.ts');

const EXPECTED_MANIFEST = `# yaml-language-server: $schema=../../../schema/aws-dynamodb.schema.json
# Written by \`planton import\` from table ${TABLE}.
apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${TABLE}
spec:
  billingMode: PROVISIONED
  partitionKey:
    name: tenant_id
    type: STRING
  sortKey:
    name: created_at
    type: NUMBER
  provisionedThroughput:
    readCapacityUnits: 5
    writeCapacityUnits: 4
  globalSecondaryIndexes:
    - name: ByStatus
      partitionKey:
        name: status
        type: STRING
      sortKey:
        name: created_at
        type: NUMBER
      projection:
        type: KEYS_ONLY
      provisionedThroughput:
        readCapacityUnits: 3
        writeCapacityUnits: 2
  localSecondaryIndexes:
    - name: ByAmount
      sortKey:
        name: amount
        type: NUMBER
      projection:
        type: ALL
  ttl:
    enabled: true
    attributeName: expires_at
  stream:
    enabled: true
    viewType: NEW_AND_OLD_IMAGES
  pointInTimeRecovery:
    enabled: false
`;

suite('planton import and apply --adopt against DynamoDB Local', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const session = inProcessPlanton(() => dir);

  const planton = (...args: string[]) => session.run(args);

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('import');
    // DynamoDB Local accepts only letters and digits in keys; the secret must still never be printed.
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'AKIAPLANTONEADOPT', secretAccessKey: SECRET });

    // The table planton did not make: composite keys, a GSI, an LSI, TTL and a stream.
    const client = ddb.client();
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 4 },
        AttributeDefinitions: [
          { AttributeName: 'tenant_id', AttributeType: 'S' },
          { AttributeName: 'created_at', AttributeType: 'N' },
          { AttributeName: 'status', AttributeType: 'S' },
          { AttributeName: 'amount', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'tenant_id', KeyType: 'HASH' },
          { AttributeName: 'created_at', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'ByStatus',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'created_at', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
            ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 2 },
          },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'ByAmount',
            KeySchema: [
              { AttributeName: 'tenant_id', KeyType: 'HASH' },
              { AttributeName: 'amount', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await client.send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));
  }, SLOW);

  afterAll(async () => {
    await ddb?.stop();
    // Kept, with the transcript, for a failed run's inspection only when asked.
    if (dir && process.env.PLANTON_KEEP_TMP) console.log(`kept ${dir}\n${session.transcript()}`);
    removeScratch(dir);
  });

  const stack = ['--stack-input', 'stack-input.yaml'];
  const tofuArgs = ['--manifest', 'table.yaml', ...stack];

  test(
    'import writes a manifest of the live table that validates unchanged',
    async () => {
      const r = await planton('import', '--table', TABLE, ...stack, '--out', 'table.yaml');
      expect(r.code).toBe(0);
      expect(r.out).toBe('');
      expect(r.err).toContain(`planton: wrote table.yaml (table ${TABLE}); take the table into state with \`planton tofu apply -m table.yaml --stack-input stack-input.yaml --adopt\`\n`);
      expect(r.err).toContain(`planton: note: autoscaling was not read: ${ddb.endpoint} is a DynamoDB endpoint only\n`);
      expect(readFileSync(join(dir, 'table.yaml'), 'utf8')).toBe(EXPECTED_MANIFEST);

      const v = await planton('validate', '--manifest', 'table.yaml');
      expect(v.code).toBe(0);
    },
    SLOW,
  );

  test(
    'import names a missing table and refuses to overwrite a manifest',
    async () => {
      const missing = await planton('import', '--table', 'no-such-table', ...stack);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain(`planton: table 'no-such-table' was not found in us-east-1 at ${ddb.endpoint}\n`);
      const again = await planton('import', '--table', TABLE, ...stack, '--out', 'table.yaml');
      expect(again.code).toBe(1);
      expect(again.err).toBe('planton: table.yaml already exists; planton import does not overwrite a manifest\n  Choose another --out, or move the file away first.\n');
    },
    SLOW,
  );

  test(
    'apply --adopt imports the table: nothing added, changed or destroyed',
    async () => {
      const r = await planton('tofu', 'apply', ...tofuArgs, '--adopt', '--auto-approve', '--no-color');
      expect(r.code).toBe(0);
      expect(r.out + r.err).toContain('Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.');
      expect(r.out + r.err).toContain('Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.');
    },
    SLOW,
  );

  test(
    'the next plan shows no changes (exit 0 with --detailed-exitcode)',
    async () => {
      const r = await planton('tofu', 'plan', ...tofuArgs, '--detailed-exitcode', '--no-color');
      expect(r.code).toBe(0);
      expect(r.out + r.err).toContain('No changes.');
    },
    SLOW,
  );

  test(
    'destroy removes the adopted table, and no secret was ever printed',
    async () => {
      const r = await planton('tofu', 'destroy', ...tofuArgs, '--auto-approve', '--no-color');
      expect(r.code).toBe(0);
      await expect(ddb.client().send(new DescribeTableCommand({ TableName: TABLE }))).rejects.toBeInstanceOf(ResourceNotFoundException);
      expect(session.transcript()).not.toContain(SECRET);
    },
    SLOW,
  );
});
