// planton tofu … --local end to end: real terraform, real DynamoDB Local, the default manifest.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { withDynamoDbLocal } from '../helpers/dynamodb-local.js';

const LONG = 240_000;

const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
let tmp: string;
let manifest: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'planton-e2e-local-'));
  manifest = join(tmp, 'manifest.yaml');
  copyFileSync(join(process.cwd(), 'hack', 'manifest.yaml'), manifest);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function planton(...args: string[]) {
  const io = memoryIo(tmp, env);
  const code = await main(['tofu', ...args, '--local', '--manifest', manifest], io);
  return { code, out: io.out, err: io.err };
}

test('plan --local then apply --local applies the saved plan, showing its changes in manifest terms again; a second plan has no changes; destroy removes it', async () => {
  const planned = await planton('plan');
  expect(planned).toMatchObject({ code: 0 });
  const endpoint = /^planton: DynamoDB Local at (http:\/\/127\.0\.0\.1:\d+) \(data in .*\/\.planton\/local-dynamodb\)$/m.exec(planned.err)?.[1];
  expect(endpoint).toBeDefined();
  expect(planned.err).toContain('planton: warning: --local: point-in-time recovery');

  // Same data directory, same port: the endpoint the plan was made for, so the saved plan applies.
  const apply = await planton('apply', '--auto-approve');
  expect(apply).toMatchObject({ code: 0 });
  expect(apply.err).toContain(`planton: DynamoDB Local at ${endpoint} `);
  expect(apply.err).toContain('planton: applying the saved plan ');
  // The saved plan's changes are shown again in manifest terms, as the plan showed them, before tofu applies.
  const summary = 'Changes in manifest terms:\n  + spec: table xfusion-users is created (created)\n';
  expect(planned.out).toContain(summary);
  expect(apply.out.indexOf(summary)).toBeGreaterThanOrEqual(0);
  expect(apply.out.indexOf(summary)).toBeLessThan(apply.out.indexOf('Apply complete!'));
  expect(apply.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  expect(apply.out).not.toContain('Outputs:');
  expect(apply.out).toContain('table_name                   = "xfusion-users"\n');

  const plan = await planton('plan');
  expect(plan).toMatchObject({ code: 0 });
  expect(plan.out).toContain('No changes.');

  // planton stopped its server: read the same data directory with our own.
  const local = await withDynamoDbLocal({ dataDir: join(tmp, '.planton', 'local-dynamodb') });
  try {
    const { Table } = await local.client().send(new DescribeTableCommand({ TableName: 'xfusion-users' }));
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'xfusion_id', KeyType: 'HASH' }]);
    expect(Table?.AttributeDefinitions).toEqual([{ AttributeName: 'xfusion_id', AttributeType: 'S' }]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.TableStatus).toBe('ACTIVE');
  } finally {
    await local.stop();
  }

  const destroy = await planton('destroy', '--auto-approve');
  expect(destroy).toMatchObject({ code: 0 });
  expect(destroy.out).toContain('Destroy complete! Resources: 1 destroyed.');
  expect(destroy.err).toContain("planton: table 'xfusion-users' destroyed");
  // What --local leaves out of a table is news for plan and apply only.
  expect(destroy.err).not.toContain('point-in-time recovery');

  const after = await withDynamoDbLocal({ dataDir: join(tmp, '.planton', 'local-dynamodb') });
  try {
    expect((await after.client().send(new ListTablesCommand({}))).TableNames).toEqual([]);
  } finally {
    await after.stop();
  }
}, LONG);

// Every example DynamoDB Local can hold applies and then plans clean (no perpetual diff). The CI set
// covers each feature family once; PLANTON_LOCAL_ALL_EXAMPLES=1 runs every hack/examples/*.yaml.
const CI_EXAMPLES = ['binary-keys', 'leaderboard', 'products', 'sessions-autoscaling'];
const examples = process.env.PLANTON_LOCAL_ALL_EXAMPLES
  ? readdirSync(join(process.cwd(), 'hack', 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''))
  : CI_EXAMPLES;

test.each(examples)('example %s: apply --local, then plan shows no changes', async (example) => {
  const dir = join(tmp, 'examples', example);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${example}.yaml`);
  copyFileSync(join(process.cwd(), 'hack', 'examples', `${example}.yaml`), file);
  const run = async (...args: string[]) => {
    const io = memoryIo(dir, env);
    const code = await main(['tofu', ...args, '--local', '--manifest', file], io);
    return { code, out: io.out, err: io.err };
  };
  const apply = await run('apply', '--auto-approve');
  if (apply.code !== 0) throw new Error(`apply failed (${apply.code}):\n${apply.err}\n${apply.out.slice(-3000)}`);
  const plan = await run('plan');
  if (!plan.out.includes('No changes.')) throw new Error(`second plan is not clean:\n${plan.out.slice(-4000)}`);
  expect(plan.code).toBe(0);
}, LONG);
