// The one-run live read of many tables (`planton drift`, the fleet plan's preflight) and the proof that
// the fleet's fast "no changes" is a full plan's verdict (issue #23), on one applied fleet through one
// DynamoDB Local (a stack-input endpoint): nine tables applied, `planton drift` of all nine in one
// terraform run (no drift), then each kind of change planted on its own table — a manifest edit;
// out-of-band capacity, TTL, stream and GSI changes; a deleted table; a lost state; a last apply made
// from another module — and one untouched table. One fleet plan gives each manifest a full plan's
// verdict and answers only the untouched table without a plan; drift then names every planted live
// change; the preflight is asked directly about an edited manifest; and `drift --local` reports an
// invalid manifest beside the others. Real terraform, planton in-process.
import { DeleteTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { appendFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOf, TOFU_OPTION_NAMES, fieldOf, type TofuOptions } from '../../src/commands/options.js';
import { tfModuleDir } from '../../src/files/paths.js';
import { memoryIo } from '../../src/io.js';
import { NO_PLAN_NEEDED, preflightPlans } from '../../src/live/preflight.js';
import { APPLIED_FILE } from '../../src/workspace/applied.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { expectPlanFileReadAsShown } from '../helpers/plan-file-check.js';
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
const FILES = KINDS.map(file);
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

suite('one applied fleet: drift and the preflight read every live table in one terraform run, and the fleet verdict of each kind of change is a full plan\'s', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const session = inProcessPlanton(() => dir);
  const planton = (...args: string[]) => session.run(args);
  const stack = ['--stack-input', 'stack-input.yaml'];

  /** The options `planton plan` would hand the fleet, with the stack input. */
  const planOptions = (): TofuOptions => {
    const opts = Object.fromEntries(TOFU_OPTION_NAMES.filter((n) => n !== 'f').map((n) => [fieldOf(n), defaultOf(n)])) as unknown as TofuOptions;
    return { ...opts, stackInput: 'stack-input.yaml', invocation: [] };
  };
  // As the in-process runs get it: none of the developer's AWS_* variables.
  const env = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  const preflight = () => preflightPlans(FILES, planOptions(), memoryIo(dir, { ...env(), CHECKPOINT_DISABLE: '1' }));
  /** What the preflight answers for the untouched table: "no changes", and why, without a plan. */
  const fastAnswer = { table: table('untouched'), op: 'plan', verdict: 'no-changes', reason: NO_PLAN_NEEDED, exitCode: 0, changes: [], driftPaths: [] };

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

  test('a successful apply (of a fleet, or of one manifest from another module) leaves the stamp the preflight reads', () => {
    for (const k of KINDS) expect({ kind: k, stamped: existsSync(join(workDir(dir, k), APPLIED_FILE)) }).toEqual({ kind: k, stamped: true });
  });

  test(
    'drift of the nine applied tables: no drift, read in one terraform run',
    async () => {
      const r = await planton('drift', 'fleet/', ...stack, '--no-color');
      expect(r.err).toContain('planton: read 9 live tables in 1 terraform run (2 terraform commands, ');
      expect(r.out).toBe(
        [
          'fleet/capacity.yaml   planton-fv-capacity  no drift',
          'fleet/deleted.yaml    planton-fv-deleted  no drift',
          'fleet/edited.yaml     planton-fv-edited  no drift',
          'fleet/gsi.yaml        planton-fv-gsi  no drift',
          'fleet/module.yaml     planton-fv-module  no drift',
          'fleet/stateless.yaml  planton-fv-stateless  no drift',
          'fleet/stream.yaml     planton-fv-stream  no drift',
          'fleet/ttl.yaml        planton-fv-ttl  no drift',
          'fleet/untouched.yaml  planton-fv-untouched  no drift',
          '9 manifests: 9 without drift, 0 drifted, 0 missing, 0 invalid, 0 failed',
          '',
        ].join('\n'),
      );
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  test(
    'one fleet plan gives each kind of change a full plan\'s verdict; only the untouched table skips its plan, and a full plan of it agrees',
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
      expect([...fleet.keys()].sort()).toEqual([...FILES].sort());

      for (const k of KINDS) {
        const m = fleet.get(file(k))!;
        expect({ kind: k, verdict: m.verdict, exitCode: m.exitCode }).toEqual({ kind: k, ...EXPECTED[k] });
        // Only the table nothing happened to is answered by the preflight; every other one was planned.
        expect({ kind: k, reason: m.reason }).toEqual({ kind: k, reason: k === 'untouched' ? NO_PLAN_NEEDED : null });
      }
      // The preflight's answer, as the fleet reports it.
      expect(fleet.get(file('untouched'))).toMatchObject(fastAnswer);
      expect(fleet.get(file('capacity'))!.driftPaths).toEqual(['spec.provisionedThroughput.readCapacityUnits']);
      // The table applied from the old module plans the delete of its terraform_data, whose input and
      // output are dynamically typed: planton read that plan file itself, exactly as terraform shows it.
      await expectPlanFileReadAsShown(workDir(dir, 'module'));

      // The proof that the fast "no changes" is a full plan's: a single `plan -m --detailed-exitcode` of
      // the untouched manifest (the single-manifest path never uses the preflight) exits 0.
      // The eight other manifests need no single plan: the fleet planned each of them in full (reason
      // null) through the very path a single `plan -m FILE` takes, commands/tofu-run.ts runManifest
      // with the same options (only the manifest, and the report format the fleet reads itself, are
      // set per manifest; --parallelism is the fleet's queue, never terraform's), the same session and
      // tfvars, the same work directory <manifest dir>/.planton/<table>, and the same `terraform plan
      // -detailed-exitcode` whose pending/no-changes is the exit code `plan -m --detailed-exitcode`
      // returns. The preflight writes nothing into a work directory. So each of their verdicts,
      // asserted above against EXPECTED, already is that full plan's; planning them again proved nothing more.
      expect((await planton('plan', '-m', file('untouched'), ...stack, '--detailed-exitcode', '--no-color')).code).toBe(0);
    },
    SLOW,
  );

  test(
    'after the planted changes drift names each live change at its manifest path and the deleted table missing, in one terraform run',
    async () => {
      const r = await planton('drift', 'fleet/*.yaml', ...stack, '--no-color');
      expect(r.err).toContain('planton: read 9 live tables in 1 terraform run (2 terraform commands, ');
      // A manifest edit is drift too: drift compares the manifest with the live table. The lost state
      // and the other module change nothing live, so neither is drift.
      expect(r.out).toBe(
        [
          'fleet/capacity.yaml   planton-fv-capacity  drift at spec.provisionedThroughput.readCapacityUnits',
          `fleet/deleted.yaml    planton-fv-deleted  table missing: table 'planton-fv-deleted' does not exist in us-east-1 at ${ddb.endpoint}`,
          'fleet/edited.yaml     planton-fv-edited  drift at spec.ttl.enabled',
          'fleet/gsi.yaml        planton-fv-gsi  drift at spec.globalSecondaryIndexes[]',
          'fleet/module.yaml     planton-fv-module  no drift',
          'fleet/stateless.yaml  planton-fv-stateless  no drift',
          'fleet/stream.yaml     planton-fv-stream  drift at spec.stream.enabled',
          'fleet/ttl.yaml        planton-fv-ttl  drift at spec.ttl.enabled',
          'fleet/untouched.yaml  planton-fv-untouched  no drift',
          '9 manifests: 3 without drift, 5 drifted, 1 missing, 0 invalid, 0 failed',
          '',
        ].join('\n'),
      );
      expect(r.code).toBe(2);
    },
    SLOW,
  );

  test(
    'an edited manifest needs its plan even while its live table still matches the old one',
    async () => {
      const untouched = join(dir, file('untouched'));
      writeFileSync(untouched, manifest('untouched') + '  deletionProtectionEnabled: false\n  tableClass: STANDARD\n  ttl: { enabled: false }\n');
      // The same effective manifest: the stamp still holds, and the planted tables still need their plans.
      const answers = await preflight();
      expect([...answers.keys()]).toEqual([file('untouched')]);
      expect(answers.get(file('untouched'))).toMatchObject(fastAnswer);
      writeFileSync(untouched, manifest('untouched') + '  stream: { enabled: true, viewType: KEYS_ONLY }\n');
      expect([...(await preflight()).keys()]).toEqual([]);
    },
    SLOW,
  );

  test(
    'under --local one DynamoDB Local serves the whole run, and an invalid manifest is reported with the others',
    async () => {
      writeFileSync(join(dir, 'fleet/broken.yaml'), manifest('broken', '  billingMode: SOMETIMES\n'));
      const r = await planton('drift', 'fleet/', '--local', '--no-color');
      expect(r.err.match(/planton: DynamoDB Local at /g)).toHaveLength(1);
      expect(r.err).toContain('planton: read 9 live tables in 1 terraform run (2 terraform commands, ');
      expect(r.out).toContain('fleet/broken.yaml     -  invalid manifest (diagnostics above)\n');
      expect(r.out).toContain("fleet/capacity.yaml   planton-fv-capacity  table missing: table 'planton-fv-capacity' does not exist in us-east-1 at http://127.0.0.1:");
      expect(r.out).toContain('10 manifests: 0 without drift, 0 drifted, 9 missing, 1 invalid, 0 failed\n');
      expect(r.code).toBe(1);
    },
    SLOW,
  );
});
