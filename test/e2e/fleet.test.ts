// Fleets end to end: one planton run over a directory of manifests, real terraform, one DynamoDB Local
// per run (--local) serving every manifest. Few terraform commands: a plan of two valid manifests (one
// invalid beside them), the apply of those two saved plans, one more plan beside a failing manifest.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { join } from 'node:path';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 300_000;
const suite = describeWithTofu('test/e2e/fleet.test.ts');

const manifest = (name: string, key = 'id') => `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata: { name: ${name} }
spec:
  partitionKey: { name: ${key}, type: STRING }
  pointInTimeRecovery: { enabled: false }
`;

const serversStarted = (err: string) => err.match(/^planton: DynamoDB Local at http:\/\/127\.0\.0\.1:\d+ \(data in (.*)\)$/gm) ?? [];

suite('a fleet of manifests in one run', () => {
  let root: string;
  const planton = inProcessPlanton(() => root);
  beforeAll(() => {
    root = scratchDir('fleet');
    mkdirSync(join(root, 'tables'));
    writeFileSync(join(root, 'tables', 'orders.yaml'), manifest('fleet-orders', 'order_id'));
    writeFileSync(join(root, 'tables', 'users.yaml'), manifest('fleet-users', 'user_id'));
    // Valid YAML, but PROVISIONED without capacities: invalid before any terraform runs.
    writeFileSync(join(root, 'tables', 'broken.yaml'), manifest('fleet-broken').replace('spec:\n', 'spec:\n  billingMode: PROVISIONED\n'));
  });
  afterAll(() => removeScratch(root));
  afterEach(() => {
    if (expect.getState().assertionCalls > 0 && process.env.PLANTON_E2E_TRANSCRIPT) process.stdout.write(planton.transcript());
  });

  test('plan of a directory: one report as one JSON document, the invalid manifest beside two planned ones, exit 1', async () => {
    const run = await planton.run(['plan', 'tables', '--local', '--detailed-exitcode', '--format', 'json', '--parallelism', '2']);
    expect(run.code).toBe(1);
    // One DynamoDB Local for the whole run, beside the manifests (as a single run of one of them keeps it).
    expect(serversStarted(run.err)).toEqual([expect.stringContaining(`(data in ${join(root, 'tables', '.planton', 'local-dynamodb')})`)]);
    expect(run.err).toContain('planton: plan of 3 manifests, 2 at a time\n');
    expect(run.err).toContain('planton: tables/broken.yaml: invalid: 1 problem (');
    expect(run.err).toMatch(/^planton: tables\/orders\.yaml: planning$/m);
    expect(run.err).toMatch(/^planton: tables\/orders\.yaml: done in \d+\.\d s: 1 to add, 0 to change, 0 to destroy$/m);
    const doc = JSON.parse(run.out);
    expect(doc).toMatchObject({ formatVersion: 1, op: 'plan', exitCode: 1, summary: { manifests: 3, changes: 2, invalid: 1, failed: 0 } });
    expect(doc.manifests.map((m: { file: string; verdict: string }) => [m.file, m.verdict])).toEqual([
      ['tables/broken.yaml', 'invalid'],
      ['tables/orders.yaml', 'changes'],
      ['tables/users.yaml', 'changes'],
    ]);
    const [broken, orders] = doc.manifests;
    expect(broken.diagnostics).toEqual([
      expect.objectContaining({ file: 'tables/broken.yaml', line: 5, col: 16, path: 'spec.billingMode', severity: 'error' }),
    ]);
    expect(orders).toMatchObject({ table: 'fleet-orders', counts: { add: 1, change: 0, destroy: 0 }, exitCode: 2, log: null, reason: null });
    expect(orders.changes).toEqual([expect.objectContaining({ manifestPath: 'spec', action: 'create', effect: 'create' })]);
    // Each manifest has its own work directory, beside the fleet's data, with its own saved plan.
    for (const t of ['fleet-orders', 'fleet-users']) expect(existsSync(join(root, 'tables', '.planton', 'local-dynamodb', 'tofu', t, 'planton.tfplan'))).toBe(true);
  }, SLOW);

  test('apply --auto-approve of two manifests applies each saved plan; without --auto-approve nothing runs', async () => {
    // -m first, then the positional files (as validate orders them).
    const refused = await planton.run(['apply', 'tables/orders.yaml', '-m', 'tables/users.yaml', '--local']);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: 'planton: apply of 2 manifests needs --auto-approve\n  Review `planton plan tables/users.yaml tables/orders.yaml` first, then run apply again with --auto-approve.\n',
    });

    const run = await planton.run(['apply', 'tables/orders.yaml', '-m', 'tables/users.yaml', '--local', '--auto-approve', '--log']);
    expect(run.code).toBe(0);
    expect(serversStarted(run.err)).toHaveLength(1);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^planton apply: 2 manifests in \d+\.\d s: 2 applied$/);
    // Times vary: each row's last column is normalised to T.
    expect(lines.slice(2, 5).map((l) => l.replace(/\s+(\d+\.\d s|TIME)$/, (_, t: string) => `  ${t === 'TIME' ? t : 'T'}`))).toEqual([
      '  MANIFEST            TABLE         VERDICT  TIME',
      '  tables/users.yaml   fleet-users   applied 1 change  T',
      '  tables/orders.yaml  fleet-orders  applied 1 change  T',
    ]);
    // --log: each manifest's own tofu output, kept apart, in the report.
    expect(run.out).toContain('tables/orders.yaml (fleet-orders): applied 1 change\n  + spec: ');
    expect(run.out).toMatch(/ {2}apply output:\n(?: {2}\| .*\n)*? {2}\| planton: applying the saved plan .*fleet-orders/);
    expect(run.out).toContain('  | Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');

    const local = await withDynamoDbLocal({ dataDir: join(root, 'tables', '.planton', 'local-dynamodb') });
    try {
      for (const [table, key] of [['fleet-orders', 'order_id'], ['fleet-users', 'user_id']]) {
        const { Table } = await local.client().send(new DescribeTableCommand({ TableName: table }));
        expect(Table?.KeySchema).toEqual([{ AttributeName: key, KeyType: 'HASH' }]);
      }
    } finally {
      await local.stop();
    }
  }, SLOW);

  test('a failing manifest does not stop the other; markdown puts it first and the unchanged table in one line', async () => {
    // A work directory planton did not create: the run of that manifest is refused, the other plans.
    writeFileSync(join(root, 'tables', 'foreign.yaml'), manifest('fleet-foreign'));
    const foreign = join(root, 'tables', '.planton', 'local-dynamodb', 'tofu', 'fleet-foreign');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'main.tf'), '# someone else\'s\n');

    const run = await planton.run(['plan', 'tables/orders.yaml', 'tables/foreign.yaml', '--local', '--detailed-exitcode', '--format', 'markdown']);
    expect(run.code).toBe(1);
    expect(run.out.replace(/\d+\.\d s/g, 'T')).toMatch(
      new RegExp(
        [
          '^### planton plan: 2 manifests\\n',
          '\\n\\*\\*1 failed, 1 unchanged\\*\\* · exit code 1 · T\\n',
          '\\n#### Needs attention\\n\\n\\| Manifest \\| Table \\| Verdict \\|\\n\\|---\\|---\\|---\\|\\n',
          '\\| `tables/foreign.yaml` \\| `fleet-foreign` \\| failed: .*main\\.tf.* \\|\\n',
          '[^]*',
          '\\n#### Unchanged\\n\\n1 unchanged: `fleet-orders` \\(`tables/orders.yaml`\\)\\n$',
        ].join(''),
      ),
    );
    expect(run.out).not.toContain('#### Changes');
  }, SLOW);

  test('at a terminal: the whole fleet\'s plan, one question, then each changed manifest applies exactly the plan shown', async () => {
    appendFileSync(join(root, 'tables', 'users.yaml'), '  ttl: { enabled: true, attributeName: expires_at }\n');
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
    for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
    const io = memoryIo(root, env, { isTTY: true, stream: Readable.from(['yes\n']) });
    const code = await main(['apply', 'tables/orders.yaml', 'tables/users.yaml', '--local', '--log'], io);
    expect(code).toBe(0);
    // The review: both planned, one question naming the one table that changes.
    expect(io.err).toMatch(/\nplanton plan: 2 manifests in \d+\.\d s: 1 with changes, 1 unchanged\n/);
    expect(io.err).toContain('tables/users.yaml (fleet-users): 0 to add, 1 to change, 0 to destroy\n  ~ spec.ttl: ');
    expect(io.err).toContain("Apply these changes to table fleet-users?\n  Only 'yes' will be accepted: ");
    // Then only the changed manifest, from its saved plan.
    expect(io.out).toMatch(/^planton apply: 1 manifest in \d+\.\d s: 1 applied\n/);
    expect(io.out).toContain('  | planton: applying the saved plan ');
    expect(io.out).not.toContain('tables/orders.yaml');
  }, SLOW);
});
