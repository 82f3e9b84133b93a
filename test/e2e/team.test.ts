// The team path end to end: the state moves from a laptop to an S3 bucket, then two machines share it.
// Real servers on 127.0.0.1: s3rver as the S3 store, DynamoDB Local holding both the table and the state
// lock table. Two copies of the manifest directory stand for two clones on two machines (alice, bob),
// with the same manifest and the same backend key. Each terraform command costs ~10 s: few of them
// (five, plus two inits that only move state).
import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, ResourceNotFoundException, ScanCommand } from '@aws-sdk/client-dynamodb';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { withS3rver, S3RVER_KEY, type TestS3 } from '../helpers/s3rver.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 120_000;
const TABLE = 'planton-team-orders';
const BUCKET = 'team-state';
const STATE_KEY = `dynamodb/${TABLE}.tfstate`;
const LOCK_TABLE = 'planton-state-locks';
const MOVED_KEY = `team/${TABLE}.tfstate`;
const BOB_KEY_ID = 'AKIABOBTABLES';
const BOB_SECRET = 'SECRET-bob-tables-4711';

const suite = describeWithTofu('test/e2e/team.test.ts');

const manifest = (extra = '') => `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${TABLE}
spec:
  partitionKey: { name: order_id, type: STRING }
  pointInTimeRecovery: { enabled: false }
${extra}`;
const WITH_TTL = manifest('  ttl: { enabled: true, attributeName: expires_at }\n');

/** Every file under dir, except the provider binaries init installs. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path.endsWith(join('.terraform', 'providers'))) continue;
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Nothing secret in the generated files or in what init recorded (.terraform/terraform.tfstate). */
function expectNoSecretsUnder(dir: string): void {
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    expect([file, text.includes(S3RVER_KEY) || text.includes(BOB_SECRET)]).toEqual([file, false]);
  }
}

suite('a team shares one table through an S3 state (s3rver) locked in DynamoDB Local', () => {
  let ddb: TestDynamoDbLocal;
  let s3: TestS3;
  let root: string;
  const alice = { dir: '', work: '' };
  const bob = { dir: '', work: '' };
  const aliceRuns = inProcessPlanton(() => alice.dir);
  const bobRuns = inProcessPlanton(
    () => bob.dir,
    () => ({ AWS_SHARED_CREDENTIALS_FILE: join(root, 'bob-aws', 'credentials'), AWS_CONFIG_FILE: join(root, 'bob-aws', 'config') }),
  );
  const asAlice = (...args: string[]) => aliceRuns.run(['tofu', ...args]);
  const asBob = (...args: string[]) => bobRuns.run(['tofu', ...args]);
  const team = ['--manifest', 'orders.yaml', '--stack-input', 'stack-input.yaml'];

  type State = { serial: number; resources: { mode: string; type: string; instances: { attributes: Record<string, unknown> }[] }[] };
  const sharedState = (key = STATE_KEY) => JSON.parse(s3.object(key) ?? 'null') as State | null;
  // The managed table, not the root module's plan-time read of the live table (a data source of the same type).
  const tableIn = (state: State | null) => state?.resources.find((r) => r.mode === 'managed' && r.type === 'aws_dynamodb_table')?.instances[0]?.attributes;
  const describe = async () => (await ddb.client().send(new DescribeTableCommand({ TableName: TABLE }))).Table!;

  beforeAll(async () => {
    [ddb, s3] = await Promise.all([withDynamoDbLocal(), withS3rver(BUCKET)]);
    // The lock table is the team's, made once next to the tables (terraform never creates it).
    await ddb.client().send(
      new CreateTableCommand({
        TableName: LOCK_TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }],
      }),
    );
    root = scratchDir('team');
    // Alice: one pair of keys serves both servers (s3rver checks signatures with S3RVER/S3RVER, DynamoDB
    // Local accepts any keys), so the backend simply shares the provider's environment.
    const provider = (id: string, secret: string) => ['provider_config:', '  region: us-east-1', `  accessKeyId: ${id}`, `  secretAccessKey: ${secret}`, `  endpoint: ${ddb.endpoint}`];
    const backend = (...extra: string[]) => [
      'backend:',
      '  type: s3',
      `  bucket: ${BUCKET}`,
      `  key: ${STATE_KEY}`,
      `  endpoint: ${s3.endpoint}`,
      // s3rver ignores conditional writes, so a lock file there would not lock: the lock is DynamoDB's.
      '  useLockfile: false',
      `  dynamodbTable: ${LOCK_TABLE}`,
      `  dynamodbEndpoint: ${ddb.endpoint}`,
      ...extra,
    ];
    // Bob: the provider's keys are his own (s3rver rejects them), the state store's keys are a named
    // profile in his shared credentials file; only the profile's name reaches the backend configuration.
    const stacks = {
      alice: { 'stack-input.yaml': [...provider(S3RVER_KEY, S3RVER_KEY), ...backend()], 'laptop.yaml': provider(S3RVER_KEY, S3RVER_KEY) },
      bob: { 'stack-input.yaml': [...provider(BOB_KEY_ID, BOB_SECRET), ...backend('  profile: team-state')] },
    };
    for (const [who, name] of [
      [alice, 'alice'],
      [bob, 'bob'],
    ] as const) {
      who.dir = join(root, name);
      who.work = join(who.dir, '.planton', TABLE);
      mkdirSync(who.dir);
      writeFileSync(join(who.dir, 'orders.yaml'), manifest());
      for (const [file, lines] of Object.entries(stacks[name])) {
        writeFileSync(join(who.dir, file), [...lines, ''].join('\n'));
        chmodSync(join(who.dir, file), 0o600);
      }
    }
    mkdirSync(join(root, 'bob-aws'));
    writeFileSync(join(root, 'bob-aws', 'credentials'), `[team-state]\naws_access_key_id = ${S3RVER_KEY}\naws_secret_access_key = ${S3RVER_KEY}\n`);
    writeFileSync(join(root, 'bob-aws', 'config'), '');
  }, SLOW);

  afterAll(async () => {
    if (process.env.PLANTON_E2E_TRANSCRIPT) writeFileSync(process.env.PLANTON_E2E_TRANSCRIPT, aliceRuns.transcript() + bobRuns.transcript());
    await Promise.all([ddb?.stop(), s3?.stop()]);
    removeScratch(root);
  }, SLOW);

  test('alice creates the table from her laptop with local state', async () => {
    const r = await asAlice('apply', '--auto-approve', '--manifest', 'orders.yaml', '--stack-input', 'laptop.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(tableIn(JSON.parse(readFileSync(join(alice.work, 'terraform.tfstate'), 'utf8')))?.name).toBe(TABLE);
  }, SLOW);

  test('a new backend without --migrate-state stops before tofu runs, names the flag and keeps the local state', async () => {
    const before = readFileSync(join(alice.work, 'terraform.tfstate'), 'utf8');
    const r = await asAlice('plan', ...team);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `planton: the state backend changed: ${alice.work} keeps its state in the local file terraform.tfstate, ` +
        `the stack input now says s3://${BUCKET}/${STATE_KEY} (region us-east-1, endpoint ${s3.endpoint})\n`,
    );
    expect(r.err).toContain('Pass --migrate-state to copy the state there (the old copy stays where it is), or restore the old backend settings. Nothing was changed.');
    expect(r.err).not.toContain('init in');
    expect(readFileSync(join(alice.work, 'terraform.tfstate'), 'utf8')).toBe(before);
    expect(s3.object(STATE_KEY)).toBeUndefined();
  }, SLOW);

  test('--migrate-state copies the state into the bucket and keeps a local copy', async () => {
    const before = readFileSync(join(alice.work, 'terraform.tfstate'), 'utf8');
    const r = await asAlice('init', '--migrate-state', ...team);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^planton: init in ${alice.work}: .*\\nplanton: --migrate-state`, 'm'));
    const copy = /^planton: --migrate-state: copying the state from the local file terraform\.tfstate to s3:\/\/\S+ \(.*\) \(local copy kept as (\S+)\)$/m.exec(r.err);
    expect(copy).not.toBeNull();
    expect(readFileSync(copy![1]!, 'utf8')).toBe(before);
    // The stale local file is gone, so a later forced init cannot take it for the state.
    expect(r.err).toContain(`planton: removed the migrated ${join(alice.work, 'terraform.tfstate')}; its copy is ${copy![1]}\n`);
    expect(existsSync(join(alice.work, 'terraform.tfstate'))).toBe(false);
    expect(tableIn(sharedState())?.name).toBe(TABLE);
    expectNoSecretsUnder(alice.work);
  }, SLOW);

  test("bob's clone plans against the shared state: no changes (exit 0 with --detailed-exitcode)", async () => {
    const r = await asBob('plan', '--detailed-exitcode', ...team);
    expect(r.err).toContain(`planton: init in ${bob.work}: first run (.terraform/ is missing)`);
    expect(r.out).toContain('No changes.');
    expect(r.code).toBe(0);
    expect(existsSync(join(bob.work, 'terraform.tfstate'))).toBe(false);
    // His backend used the profile: with his provider keys, s3rver answers InvalidAccessKeyId.
    expect(JSON.parse(readFileSync(join(bob.work, 'main.tf.json'), 'utf8')).terraform.backend.s3.profile).toBe('team-state');
    expectNoSecretsUnder(bob.work);
    expect(r.out + r.err).not.toContain(BOB_SECRET);
  }, SLOW);

  test('two applies at once from both clones: one applies, the other is refused on the lock; the state stays whole', async () => {
    const serial = sharedState()!.serial;
    // Both pulled the same change: expire orders by TTL.
    for (const who of [alice, bob]) writeFileSync(join(who.dir, 'orders.yaml'), WITH_TTL);
    const [a, b] = await Promise.all([asAlice('apply', '--auto-approve', ...team), asBob('apply', '--auto-approve', ...team)]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect(won.code).toBe(0);
    expect(won.out).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(lost.code).not.toBe(0);
    expect(lost.err).toContain('ConditionalCheckFailedException');
    expect(lost.err).toMatch(/^planton: the state is locked by another run/m);
    const ttl = await ddb.client().send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' });
    const state = sharedState()!;
    expect(state.serial).toBe(serial + 1);
    expect(tableIn(state)?.ttl).toEqual([{ enabled: true, attribute_name: 'expires_at' }]);
    // The winner released its lock: only the state's checksum item is left in the lock table.
    const items = (await ddb.client().send(new ScanCommand({ TableName: LOCK_TABLE }))).Items ?? [];
    expect(items.map((i) => i.LockID?.S)).toEqual([`${BUCKET}/${STATE_KEY}-md5`]);
  }, SLOW);

  test('a new key stops bob until he passes --migrate-state; then the state is copied there and the old object stays', async () => {
    const stack = join(bob.dir, 'stack-input.yaml');
    writeFileSync(stack, readFileSync(stack, 'utf8').replace(`key: ${STATE_KEY}`, `key: ${MOVED_KEY}`));
    const refused = await asBob('plan', ...team);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`keeps its state in s3://${BUCKET}/${STATE_KEY} (region us-east-1, endpoint ${s3.endpoint}), the stack input now says s3://${BUCKET}/${MOVED_KEY} (`);
    expect(refused.err).toContain('Pass --migrate-state');
    expect(s3.object(MOVED_KEY)).toBeUndefined();

    const moved = await asBob('init', '--migrate-state', ...team);
    expect(moved.code).toBe(0);
    expect(moved.err).toContain(`planton: --migrate-state: copying the state from s3://${BUCKET}/${STATE_KEY} (region us-east-1, endpoint ${s3.endpoint}) to s3://${BUCKET}/${MOVED_KEY} (`);
    // terraform writes the copy as a new state (its own lineage); what it holds is the same table.
    expect(tableIn(sharedState(MOVED_KEY))?.arn).toBe(`arn:aws:dynamodb:ddblocal:000000000000:table/${TABLE}`);
    expect(tableIn(sharedState(MOVED_KEY))).toEqual(tableIn(sharedState(STATE_KEY)));
  }, SLOW);

  test('a key type change stays pending after a refresh writes it into the shared state (where planton cannot read the outputs itself)', async () => {
    // The provider plans nothing for a key attribute's type: the module's key_type_drift output carries it.
    // Once a refresh has written that output into the state, terraform itself plans "no changes".
    writeFileSync(join(bob.dir, 'orders.yaml'), WITH_TTL.replace('type: STRING', 'type: NUMBER'));
    try {
      const change = '  -/+ spec.partitionKey.type: key type STRING → NUMBER cannot change in place (REPLACES THE TABLE)\n';
      const first = await asBob('plan', '--detailed-exitcode', ...team);
      expect({ code: first.code, change: first.out.includes(change) }).toEqual({ code: 2, change: true });
      expect((await asBob('refresh', ...team)).code).toBe(0);
      const outputs = (sharedState(MOVED_KEY) as unknown as { outputs: Record<string, { value: unknown }> }).outputs;
      expect(outputs.key_type_drift?.value).toEqual([expect.objectContaining({ attribute: 'order_id', live_type: 'S', type: 'N', replaces_table: true })]);
      const again = await asBob('plan', '--detailed-exitcode', ...team);
      expect({ code: again.code, change: again.out.includes(change) }).toEqual({ code: 2, change: true });
    } finally {
      writeFileSync(join(bob.dir, 'orders.yaml'), WITH_TTL);
    }
  }, SLOW);

  test("bob destroys the table alice created; the state at the new key ends empty", async () => {
    const r = await asBob('destroy', '--auto-approve', ...team);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Destroy complete! Resources: 1 destroyed.');
    await expect(describe()).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(sharedState(MOVED_KEY)?.resources).toEqual([]);
  }, SLOW);
});
