// planton tofu … --local end to end: real terraform, real DynamoDB Local; the default manifest through the
// driver, then every hack/examples manifest applied as --local applies it.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { withDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { changedExamples, withLocalExamplesRoot } from '../helpers/local-examples-root.js';

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

// Every hack/examples manifest applies to DynamoDB Local as `planton tofu apply --local` would apply it,
// and a second plan shows no changes (no perpetual diff). All of them apply (what --local leaves out for
// DynamoDB Local is in docs/local-timings.md), so all of them run, in ONE root module (one module block per
// example, each child being the root planton generates for that manifest, fed the tfvars it sends;
// test/helpers/local-examples-root.ts) on ONE DynamoDB Local: init, apply and plan, three terraform
// commands for every example, where one planton run per example paid init, plan, apply and plan each (and
// two JVM starts). The driver around those commands (saved plans, guards, live checks) is covered by the
// test above; what this one proves per example (the table is created, a second plan is clean) is the same,
// and DescribeTable now checks each table's key schema too.
test('every example applies as --local applies it, then a second plan has no changes; each table has its manifest\'s key schema', async () => {
  const examplesDir = join(process.cwd(), 'hack', 'examples');
  const files = Object.fromEntries(
    readdirSync(examplesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => [f.replace(/\.yaml$/, ''), join(examplesDir, f)]),
  );
  const local = await withDynamoDbLocal();
  try {
    await withLocalExamplesRoot(join(tmp, 'examples-root'), files, local.endpoint, async (root) => {
      const pluginDir = process.env.PLANTON_PLUGIN_DIR;
      const init = await root.tofu(['init', '-input=false', '-no-color', ...(pluginDir ? [`-plugin-dir=${pluginDir}`] : [])]);
      if (init.code !== 0) throw new Error(`init failed (${init.code}):\n${init.stderr}`);
      const apply = await root.tofu(['apply', '-input=false', '-no-color', '-auto-approve']);
      if (apply.code !== 0) throw new Error(`apply failed (${apply.code}):\n${apply.stderr}\n${apply.stdout.slice(-3000)}`);

      // -detailed-exitcode: 0 no changes, 2 changes. Only then is the plan read, to name the examples.
      const plan = await root.tofu(['plan', '-input=false', '-no-color', '-detailed-exitcode', '-out=second.tfplan']);
      if (plan.code === 2) {
        const changed = changedExamples(JSON.parse((await root.tofu(['show', '-json', 'second.tfplan'])).stdout));
        const lines = [...changed].map(([name, addresses]) => `  ${name}: ${addresses.join('; ')}`);
        // The diff itself, without the fifteen examples' refresh lines in front of it.
        const diff = plan.stdout.split('\n').filter((l) => !/: (Reading\.\.\.|Read complete|Refreshing state)/.test(l)).join('\n');
        throw new Error(`the second plan still changes resources of ${changed.size} example(s):\n${lines.join('\n')}\n${diff.slice(-6000)}`);
      }
      if (plan.code !== 0) throw new Error(`second plan failed (${plan.code}):\n${plan.stderr}`);

      const letter = { STRING: 'S', NUMBER: 'N', BINARY: 'B' } as const;
      for (const { name, manifest, tableName } of root.examples) {
        const { partitionKey, sortKey } = manifest.spec;
        const keys = [{ AttributeName: partitionKey.name, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' }] : [])];
        const types = [partitionKey, ...(sortKey ? [sortKey] : [])].map((k) => ({ AttributeName: k.name, AttributeType: letter[k.type] }));
        const { Table } = await local.client().send(new DescribeTableCommand({ TableName: tableName }));
        expect({ name, status: Table?.TableStatus, keys: Table?.KeySchema }).toEqual({ name, status: 'ACTIVE', keys });
        expect({ name, types: Table?.AttributeDefinitions }).toEqual({ name, types: expect.arrayContaining(types) });
      }
    });
  } finally {
    await local.stop();
  }
}, LONG);
