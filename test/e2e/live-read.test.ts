// Reading many live tables at once, end to end: three tables applied through one DynamoDB Local (a
// stack-input endpoint), then `planton drift` of all three in one terraform run, an out-of-band
// capacity change named at its manifest path, a deleted table reported missing, and the fleet's
// preflight answering "no plan needed" for the untouched table only. Real terraform, planton in-process.
import { DeleteTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOf, TOFU_OPTION_NAMES, fieldOf, type TofuOptions } from '../../src/commands/options.js';
import { memoryIo } from '../../src/io.js';
import { NO_PLAN_NEEDED, preflightPlans } from '../../src/live/preflight.js';
import { APPLIED_FILE } from '../../src/workspace/applied.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 300_000;
const suite = describeWithTofu('test/e2e/live-read.test.ts');

const manifest = (name: string, spec: string) => `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${name}
spec:
  partitionKey: { name: id, type: STRING }
  pointInTimeRecovery: { enabled: false }
${spec}`;

const TABLES = {
  'fleet/alpha.yaml': manifest('planton-e2e-alpha', ''),
  'fleet/bravo.yaml': manifest('planton-e2e-bravo', '  billingMode: PROVISIONED\n  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }\n'),
  'fleet/charlie.yaml': manifest('planton-e2e-charlie', '  ttl: { enabled: true, attributeName: expires_at }\n'),
};
const FILES = Object.keys(TABLES);

suite('planton drift and the fleet preflight read every live table in one terraform run', () => {
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

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('live-read');
    mkdirSync(join(dir, 'fleet'));
    for (const [file, text] of Object.entries(TABLES)) writeFileSync(join(dir, file), text);
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'local', secretAccessKey: 'local' });
    for (const file of FILES) {
      const r = await planton('apply', '-m', file, ...stack, '--auto-approve', '--no-color');
      if (r.code !== 0) throw new Error(`apply of ${file} failed:\n${r.err}`);
    }
  }, SLOW);

  afterAll(async () => {
    await ddb?.stop();
    if (dir && process.env.PLANTON_KEEP_TMP) console.log(`kept ${dir}\n${session.transcript()}`);
    removeScratch(dir);
  });

  test('a successful apply leaves the stamp the preflight reads', () => {
    for (const name of ['alpha', 'bravo', 'charlie']) expect(existsSync(join(dir, 'fleet', '.planton', `planton-e2e-${name}`, APPLIED_FILE))).toBe(true);
  });

  test(
    'drift of the three applied tables: no drift, read in one terraform run',
    async () => {
      const r = await planton('drift', 'fleet/', ...stack, '--no-color');
      expect(r.err).toContain('planton: read 3 live tables in 1 terraform run (2 terraform commands, ');
      expect(r.out).toBe(
        [
          'fleet/alpha.yaml    planton-e2e-alpha  no drift',
          'fleet/bravo.yaml    planton-e2e-bravo  no drift',
          'fleet/charlie.yaml  planton-e2e-charlie  no drift',
          '3 manifests: 3 without drift, 0 drifted, 0 missing, 0 invalid, 0 failed',
          '',
        ].join('\n'),
      );
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  test(
    'an out-of-band capacity change is drift at its manifest path, a deleted table is missing, and only the untouched table skips its plan',
    async () => {
      const client = ddb.client();
      await client.send(new UpdateTableCommand({ TableName: 'planton-e2e-bravo', ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 5 } }));
      await client.send(new DeleteTableCommand({ TableName: 'planton-e2e-charlie' }));

      const r = await planton('drift', "fleet/*.yaml", ...stack, '--no-color');
      expect(r.err).toContain('planton: read 3 live tables in 1 terraform run (2 terraform commands, ');
      expect(r.out).toBe(
        [
          'fleet/alpha.yaml    planton-e2e-alpha  no drift',
          'fleet/bravo.yaml    planton-e2e-bravo  drift at spec.provisionedThroughput.readCapacityUnits',
          `fleet/charlie.yaml  planton-e2e-charlie  table missing: table 'planton-e2e-charlie' does not exist in us-east-1 at ${ddb.endpoint}`,
          '3 manifests: 1 without drift, 1 drifted, 1 missing, 0 invalid, 0 failed',
          '',
        ].join('\n'),
      );
      expect(r.code).toBe(2);

      const answers = await preflight();
      expect([...answers.keys()]).toEqual(['fleet/alpha.yaml']);
      expect(answers.get('fleet/alpha.yaml')).toMatchObject({ table: 'planton-e2e-alpha', op: 'plan', verdict: 'no-changes', reason: NO_PLAN_NEEDED, exitCode: 0, changes: [], driftPaths: [] });

      // The fast verdict is a full plan's: no changes for alpha, drift for bravo.
      expect((await planton('plan', '-m', 'fleet/alpha.yaml', ...stack, '--detailed-exitcode', '--no-color')).code).toBe(0);
      expect((await planton('plan', '-m', 'fleet/bravo.yaml', ...stack, '--detailed-exitcode', '--no-color')).code).toBe(2);
    },
    SLOW,
  );

  test(
    'an edited manifest needs its plan even while its live table still matches the old one',
    async () => {
      writeFileSync(join(dir, 'fleet/alpha.yaml'), TABLES['fleet/alpha.yaml'] + '  deletionProtectionEnabled: false\n  tableClass: STANDARD\n  ttl: { enabled: false }\n');
      // The same effective manifest: the stamp still holds.
      expect([...(await preflight()).keys()]).toEqual(['fleet/alpha.yaml']);
      writeFileSync(join(dir, 'fleet/alpha.yaml'), TABLES['fleet/alpha.yaml'] + '  stream: { enabled: true, viewType: KEYS_ONLY }\n');
      expect([...(await preflight()).keys()]).toEqual([]);
    },
    SLOW,
  );

  test(
    'under --local one DynamoDB Local serves the whole run, and an invalid manifest is reported with the others',
    async () => {
      writeFileSync(join(dir, 'fleet/broken.yaml'), manifest('planton-e2e-broken', '  billingMode: SOMETIMES\n'));
      const r = await planton('drift', 'fleet/', '--local', '--no-color');
      expect(r.err.match(/planton: DynamoDB Local at /g)).toHaveLength(1);
      expect(r.err).toContain('planton: read 3 live tables in 1 terraform run (2 terraform commands, ');
      expect(r.out).toContain('fleet/broken.yaml   -  invalid manifest (diagnostics above)\n');
      expect(r.out).toContain("fleet/bravo.yaml    planton-e2e-bravo  table missing: table 'planton-e2e-bravo' does not exist in us-east-1 at http://127.0.0.1:");
      expect(r.out).toContain('4 manifests: 0 without drift, 0 drifted, 3 missing, 1 invalid, 0 failed\n');
      expect(r.code).toBe(1);
    },
    SLOW,
  );
});
