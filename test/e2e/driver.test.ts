// The driver end to end: real terraform, real DynamoDB Local on 127.0.0.1, planton called in-process.
// One table is applied once and shared by every assertion; terraform commands are few (~10 s each).
import { DescribeTableCommand, ResourceNotFoundException, type TableDescription } from '@aws-sdk/client-dynamodb';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTofu, tofuBinary } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { repoRoot } from '../helpers/repo.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';
import { expectPlanFileReadAsShown } from '../helpers/plan-file-check.js';

/** Per test: each terraform command takes ~5-10 s of CPU on a shared 2-core machine. */
const SLOW = 120_000;

const SECRET = 'SECRET-MARKER-12345';
const TABLE = 'planton-e2e-orders';
const repo = repoRoot;

const binary = tofuBinary;
const suite = describeWithTofu('test/e2e/driver.test.ts');

const MANIFEST = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${TABLE}
spec:
  billingMode: PROVISIONED
  partitionKey: { name: customer_id, type: STRING }
  sortKey: { name: order_ts, type: NUMBER }
  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 4 }
  globalSecondaryIndexes:
    - name: ByStatus
      partitionKey: { name: status, type: STRING }
      sortKey: { name: fingerprint, type: BINARY }
      projection: { type: KEYS_ONLY }
      provisionedThroughput: { readCapacityUnits: 3, writeCapacityUnits: 2 }
  localSecondaryIndexes:
    - name: ByTotal
      sortKey: { name: total, type: NUMBER }
      projection: { type: ALL }
  pointInTimeRecovery: { enabled: false }
`;

suite('planton tofu against DynamoDB Local', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  let workDir: string;
  const session = inProcessPlanton(() => dir);
  // planton the old way: `show -json` and `output -json` instead of reading the plan file and the state.
  const asking = inProcessPlanton(() => dir, () => ({ PLANTON_ASK_TOFU: '1' }));

  const planton = (...args: string[]) => session.run(['tofu', ...args]);

  const common = ['--manifest', 'orders.yaml', '--stack-input', 'stack-input.yaml'];

  async function describeTable(): Promise<TableDescription> {
    const r = await ddb.client().send(new DescribeTableCommand({ TableName: TABLE }));
    return r.Table!;
  }

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('driver');
    workDir = join(dir, '.planton', TABLE);
    writeFileSync(join(dir, 'orders.yaml'), MANIFEST);
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'AKIAPLANTONE2E', secretAccessKey: SECRET });
  }, SLOW);

  afterAll(async () => {
    if (process.env.PLANTON_E2E_TRANSCRIPT) writeFileSync(process.env.PLANTON_E2E_TRANSCRIPT, session.transcript());
    await ddb?.stop();
    removeScratch(dir);
  }, SLOW);

  test('apply without --auto-approve and without a terminal stops before running anything', async () => {
    const r = await planton('apply', ...common);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'planton: apply needs approval, but stdin is not a terminal\n' +
        '  Review `planton tofu plan --manifest orders.yaml --stack-input stack-input.yaml`, then run `planton tofu apply --manifest orders.yaml --stack-input stack-input.yaml --auto-approve`.\n',
    );
    expect(existsSync(workDir)).toBe(false);
  }, SLOW);

  test('plan initialises the work directory once, names the binary and saves a plan file', async () => {
    const r = await planton('plan', ...common);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^planton: using (terraform|tofu) \\d+\\.\\d+\\.\\d+\\S* \\(${binary}\\)$`, 'm'));
    expect(r.err).toContain(`planton: init in ${workDir}: first run (.terraform/ is missing)\n`);
    expect(r.out).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    expect(readdirSync(workDir).sort()).toEqual(
      expect.arrayContaining(['.gitignore', '.planton-init.json', '.planton-owner.json', '.terraform', '.terraform.lock.hcl', 'main.tf.json', 'planton.tfplan', 'planton.tfplan.json', 'terraform.tfvars.json']),
    );
    const root = JSON.parse(readFileSync(join(workDir, 'main.tf.json'), 'utf8'));
    expect(root.module.dynamodb.source).toBe(join(repo, 'tf-module'));
    expect(root.terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
    expect(JSON.parse(readFileSync(join(workDir, 'terraform.tfvars.json'), 'utf8'))).toMatchObject({ table_name: TABLE, hash_key: 'customer_id', range_key: 'order_ts' });
    // planton read the summary from the plan file itself: terraform shows the same create (sets of indexes, unknowns, the existing-tables read).
    await expectPlanFileReadAsShown(workDir);
  }, SLOW);

  test('apply right after plan applies the saved plan and prints the outputs', async () => {
    const r = await planton('apply', '--auto-approve', ...common);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`planton: applying the saved plan ${join(workDir, 'planton.tfplan')} (made by \`planton tofu plan\` from the same inputs)\n`);
    expect(r.err).not.toContain('planton: init in');
    expect(r.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    // The outputs once: planton's list (its header on stderr), not tofu's `Outputs:` block as well.
    expect(r.out).not.toContain('Outputs:');
    expect(r.err.match(/^planton: outputs$/gm)).toHaveLength(1);
    const ours = r.out.slice(r.out.indexOf('table_name '));
    expect(ours.split('\n').slice(0, 4)).toEqual([
      `table_name                   = "${TABLE}"`,
      `table_arn                    = "arn:aws:dynamodb:ddblocal:000000000000:table/${TABLE}"`,
      `table_id                     = "${TABLE}"`,
      'aws_region                   = "us-east-1"',
    ]);
    expect(existsSync(join(workDir, 'planton.tfplan'))).toBe(false);
    expect(existsSync(join(workDir, 'terraform.tfstate'))).toBe(true);
  }, SLOW);

  test('the table has the manifest’s keys, attribute types, indexes and capacities', async () => {
    const t = await describeTable();
    expect(t.KeySchema).toEqual([
      { AttributeName: 'customer_id', KeyType: 'HASH' },
      { AttributeName: 'order_ts', KeyType: 'RANGE' },
    ]);
    expect([...(t.AttributeDefinitions ?? [])].sort((a, b) => a.AttributeName!.localeCompare(b.AttributeName!))).toEqual([
      { AttributeName: 'customer_id', AttributeType: 'S' },
      { AttributeName: 'fingerprint', AttributeType: 'B' },
      { AttributeName: 'order_ts', AttributeType: 'N' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'total', AttributeType: 'N' },
    ]);
    expect(t.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 4 });
    expect(t.GlobalSecondaryIndexes).toHaveLength(1);
    expect(t.GlobalSecondaryIndexes![0]).toMatchObject({
      IndexName: 'ByStatus',
      KeySchema: [
        { AttributeName: 'status', KeyType: 'HASH' },
        { AttributeName: 'fingerprint', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 2 },
    });
    expect(t.LocalSecondaryIndexes).toHaveLength(1);
    expect(t.LocalSecondaryIndexes![0]).toMatchObject({
      IndexName: 'ByTotal',
      KeySchema: [
        { AttributeName: 'customer_id', KeyType: 'HASH' },
        { AttributeName: 'total', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
  }, SLOW);

  test('a second plan skips init and finds nothing to change', async () => {
    // Every key, type, index and capacity round-trips through DynamoDB Local: --detailed-exitcode says 0.
    const r = await planton('plan', '--detailed-exitcode', ...common);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('planton: init in');
    expect(r.out).toContain('No changes.');
  }, SLOW);

  test('init does nothing when nothing it depends on changed', async () => {
    const r = await planton('init', ...common);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`planton: init not needed: nothing it depends on changed (${workDir}; delete its .terraform/ to force)\n`);
    expect(r.out).toBe('');
  }, SLOW);

  test('output --json prints the outputs again as one JSON document', async () => {
    const r = await planton('output', '--json', ...common);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      table_name: TABLE,
      table_arn: `arn:aws:dynamodb:ddblocal:000000000000:table/${TABLE}`,
      table_id: TABLE,
      aws_region: 'us-east-1',
    });
    // Read from the local state, as terraform's own `output -json` gives them.
    const asked = await asking.run(['tofu', 'output', '--json', ...common]);
    expect({ code: asked.code, out: asked.out }).toEqual({ code: 0, out: r.out });
  }, SLOW);

  test('a partition key change is stopped by the replacement guard, naming the key', async () => {
    const r = await planton('apply', '--auto-approve', '--set', 'spec.partitionKey.name=account_id', ...common);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`planton: apply stopped: the plan replaces table '${TABLE}'`);
    expect(r.err).toMatch(/cause: spec\.partitionKey.*customer_id.*account_id/);
    expect(r.err.match(/  cause: /g)).toHaveLength(1);
    expect(r.out).not.toContain('Apply complete!');
    expect((await describeTable()).KeySchema![0]).toEqual({ AttributeName: 'customer_id', KeyType: 'HASH' });
  }, SLOW);

  test('another manifest with the same table name cannot use this work directory', async () => {
    writeFileSync(join(dir, 'copy.yaml'), MANIFEST);
    const r = await planton('plan', '--manifest', 'copy.yaml', '--stack-input', 'stack-input.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`planton: work directory ${workDir} belongs to another manifest (${join(dir, 'orders.yaml')})`);
  }, SLOW);

  test('destroy deletes the table; the state file stays', async () => {
    const r = await planton('destroy', '--auto-approve', ...common);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Destroy complete! Resources: 1 destroyed.');
    expect(r.err).toContain(`planton: table '${TABLE}' destroyed (its state file stays in ${workDir})\n`);
    await expect(describeTable()).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(existsSync(join(workDir, 'terraform.tfstate'))).toBe(true);
  }, SLOW);

  test('the secret appears nowhere: not in any output nor in any file of the work directory', () => {
    expect(session.transcript()).toContain('planton tofu destroy'); // the transcript really holds every run
    expect(session.transcript()).not.toContain(SECRET);
    const leaks: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (p === join(workDir, '.terraform', 'providers')) continue; // the provider binary (hundreds of MB)
        if (statSync(p).isDirectory()) walk(p);
        else if (readFileSync(p).includes(SECRET)) leaks.push(p);
      }
    };
    walk(join(dir, '.planton'));
    expect(leaks).toEqual([]);
  }, SLOW);
});
