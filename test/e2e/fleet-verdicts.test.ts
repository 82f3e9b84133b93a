// The fleet's fast "no changes" is a full plan's verdict (issue #23): nine tables applied through one
// DynamoDB Local (a stack-input endpoint), then each kind of change planted on its own table — a
// manifest edit; out-of-band capacity, TTL, stream and GSI changes; a deleted table; a lost state; a
// last apply made from another module — and one untouched table. One fleet plan is compared, manifest
// by manifest, with a single full `plan --detailed-exitcode` of each (the single-manifest path never
// uses the preflight): the same pending/no-changes verdict, and only the untouched table is answered
// without a plan. Real terraform, planton in-process.
import { DeleteTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tfModuleDir } from '../../src/files/paths.js';
import { NO_PLAN_NEEDED } from '../../src/live/preflight.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 900_000;
const suite = describeWithTofu('test/e2e/fleet-verdicts.test.ts');

const manifest = (kind: string, spec = '') => `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: planton-fv-${kind}
spec:
  partitionKey: { name: id, type: STRING }
  pointInTimeRecovery: { enabled: false }
${spec}`;

/** One table per kind of change, and one left alone. */
const KINDS = ['untouched', 'edited', 'capacity', 'ttl', 'stream', 'gsi', 'deleted', 'stateless', 'module'] as const;
type Kind = (typeof KINDS)[number];
const SPEC: Partial<Record<Kind, string>> = { capacity: '  billingMode: PROVISIONED\n  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }\n' };
const file = (k: Kind) => `fleet/${k}.yaml`;
const table = (k: Kind) => `planton-fv-${k}`;
const workDir = (dir: string, k: Kind) => join(dir, 'fleet', '.planton', table(k));

/** What a full plan says of each planted change: `changes` (the manifest or the module moved) or `drift` (the live table did). */
const EXPECTED: Record<Kind, { verdict: string; exitCode: number }> = {
  untouched: { verdict: 'no-changes', exitCode: 0 },
  edited: { verdict: 'changes', exitCode: 2 },
  capacity: { verdict: 'drift', exitCode: 2 },
  ttl: { verdict: 'drift', exitCode: 2 },
  stream: { verdict: 'drift', exitCode: 2 },
  gsi: { verdict: 'drift', exitCode: 2 },
  deleted: { verdict: 'drift', exitCode: 2 },
  stateless: { verdict: 'changes', exitCode: 2 },
  module: { verdict: 'changes', exitCode: 2 },
};

interface ManifestJson {
  file: string;
  table: string;
  verdict: string;
  reason: string | null;
  exitCode: number;
  driftPaths: string[];
}

suite('the fleet verdict of each kind of change equals a full plan of that manifest', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const session = inProcessPlanton(() => dir);
  const planton = (...args: string[]) => session.run(args);
  const stack = ['--stack-input', 'stack-input.yaml'];

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('fleet-verdicts');
    mkdirSync(join(dir, 'fleet'));
    for (const k of KINDS) writeFileSync(join(dir, file(k)), manifest(k, SPEC[k]));
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'local', secretAccessKey: 'local' });
    // An older module: today's plus one resource the live table read cannot see. Only the stamp of
    // the last apply (planton.applied.json) knows that table was applied from it.
    cpSync(tfModuleDir, join(dir, 'old-module'), { recursive: true });
    writeFileSync(join(dir, 'old-module', 'extra.tf'), 'resource "terraform_data" "extra" {\n  input = var.table_name\n}\n');

    const others = KINDS.filter((k) => k !== 'module').map(file);
    const fleetApply = await planton('apply', ...others, ...stack, '--auto-approve', '--parallelism', '2', '--no-color');
    if (fleetApply.code !== 0) throw new Error(`fleet apply failed:\n${fleetApply.out}${fleetApply.err}`);
    const moduleApply = await planton('apply', '-m', file('module'), ...stack, '--module-dir', 'old-module', '--auto-approve', '--no-color');
    if (moduleApply.code !== 0) throw new Error(`apply with the old module failed:\n${moduleApply.err}`);
  }, SLOW);

  afterAll(async () => {
    await ddb?.stop();
    if (dir && process.env.PLANTON_KEEP_TMP) console.log(`kept ${dir}\n${session.transcript()}`);
    removeScratch(dir);
  });

  test(
    'one fleet plan and nine single plans agree; only the untouched table skips its plan',
    async () => {
      const client = ddb.client();
      appendFileSync(join(dir, file('edited')), '  ttl: { enabled: true, attributeName: expires_at }\n');
      await client.send(new UpdateTableCommand({ TableName: table('capacity'), ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 5 } }));
      await client.send(new UpdateTimeToLiveCommand({ TableName: table('ttl'), TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));
      await client.send(new UpdateTableCommand({ TableName: table('stream'), StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
      await client.send(
        new UpdateTableCommand({
          TableName: table('gsi'),
          AttributeDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'ByStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
        }),
      );
      await client.send(new DeleteTableCommand({ TableName: table('deleted') }));
      rmSync(join(workDir(dir, 'stateless'), 'terraform.tfstate'));

      const fleetPlan = await planton('plan', 'fleet', ...stack, '--detailed-exitcode', '--format', 'json', '--parallelism', '2', '--no-color');
      const doc = JSON.parse(fleetPlan.out) as { exitCode: number; manifests: ManifestJson[] };
      expect(fleetPlan.code).toBe(2);
      expect(doc.exitCode).toBe(2);
      const fleet = new Map(doc.manifests.map((m) => [m.file, m]));
      expect([...fleet.keys()].sort()).toEqual(KINDS.map(file).sort());

      const single: Record<string, number> = {};
      for (const k of KINDS) single[k] = (await planton('plan', '-m', file(k), ...stack, '--detailed-exitcode', '--no-color')).code;

      for (const k of KINDS) {
        const m = fleet.get(file(k))!;
        // The proof: the fleet's pending/no-changes is the full plan's exit code, manifest by manifest.
        expect({ kind: k, pending: m.verdict === 'changes' || m.verdict === 'drift', single: single[k] }).toEqual({ kind: k, pending: single[k] === 2, single: EXPECTED[k].exitCode });
        expect({ kind: k, verdict: m.verdict, exitCode: m.exitCode }).toEqual({ kind: k, ...EXPECTED[k] });
        // Only the table nothing happened to is answered by the preflight; every other one was planned.
        expect({ kind: k, reason: m.reason }).toEqual({ kind: k, reason: k === 'untouched' ? NO_PLAN_NEEDED : null });
      }
      expect(fleet.get(file('capacity'))!.driftPaths).toEqual(['spec.provisionedThroughput.readCapacityUnits']);
    },
    SLOW,
  );
});
