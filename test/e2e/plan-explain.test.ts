// `planton tofu plan` explains a plan in manifest terms: drift made behind planton's back, a new
// global secondary index, and a sort key change that replaces the table (and that apply refuses).
// Real terraform, real DynamoDB Local on 127.0.0.1, planton called in-process. One table is applied
// once; drift is undone with the SDK rather than another apply, to keep terraform commands few.
import { DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';
import { expectPlanFileReadAsShown, planWorkDir } from '../helpers/plan-file-check.js';

/** Per test: each terraform command takes ~5-10 s of CPU on a shared 2-core machine. */
const SLOW = 120_000;

const TABLE = 'planton-e2e-explain';
const ADDRESS = 'module.dynamodb.aws_dynamodb_table.this';

const suite = describeWithTofu('test/e2e/plan-explain.test.ts');

/** PROVISIONED (DynamoDB Local's on-demand indexes never plan clean), PITR off (DynamoDB Local lacks it). */
const manifest = (extra: { sortKey?: string; gsi?: boolean } = {}) =>
  [
    'apiVersion: aws.project-planton.org/v1',
    'kind: AwsDynamodb',
    'metadata:',
    `  name: ${TABLE}`,
    'spec:',
    '  billingMode: PROVISIONED',
    '  partitionKey: { name: customer_id, type: STRING }',
    `  sortKey: { name: ${extra.sortKey ?? 'order_ts'}, type: NUMBER }`,
    '  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 4 }',
    ...(extra.gsi
      ? [
          '  globalSecondaryIndexes:',
          '    - name: ByStatus',
          '      partitionKey: { name: status, type: STRING }',
          '      projection: { type: KEYS_ONLY }',
          '      provisionedThroughput: { readCapacityUnits: 3, writeCapacityUnits: 2 }',
        ]
      : []),
    '  pointInTimeRecovery: { enabled: false }',
    '',
  ].join('\n');

/** The lines planton prints after tofu's own plan output, from its heading to the end of stdout. */
function summaryOf(out: string): string[] {
  const start = out.indexOf('Changes in manifest terms:');
  if (start === -1) throw new Error(`no "Changes in manifest terms:" in:\n${out}`);
  return out.slice(start).trimEnd().split('\n');
}

suite('planton tofu plan explains changes in manifest terms (DynamoDB Local)', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const session = inProcessPlanton(() => dir);

  const planton = (...args: string[]) => session.run(['tofu', ...args, '--manifest', 'table.yaml', '--stack-input', 'stack-input.yaml']);

  const writeManifest = (text: string) => writeFileSync(join(dir, 'table.yaml'), text);

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('plan-explain');
    writeManifest(manifest());
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'AKIAPLANTONE2E', secretAccessKey: 'planton-e2e-dummy' });
    const r = await planton('apply', '--auto-approve');
    if (r.code !== 0) throw new Error(`setup apply failed (exit ${r.code}):\n${r.out}${r.err}`);
  }, SLOW);

  // No destroy at the end: the table lives only in this file's DynamoDB Local, whose data goes with it, and
  // a destroy would cost two terraform commands while asserting nothing (driver.test.ts tests destroy).
  afterAll(async () => {
    if (process.env.PLANTON_E2E_TRANSCRIPT) writeFileSync(process.env.PLANTON_E2E_TRANSCRIPT, session.transcript());
    await ddb?.stop();
    removeScratch(dir);
  }, SLOW);

  describe('a stream turned on outside planton', () => {
    beforeAll(async () => {
      await ddb.client().send(new UpdateTableCommand({ TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
      const t = await ddb.client().send(new DescribeTableCommand({ TableName: TABLE }));
      expect(t.Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    });

    afterAll(async () => {
      // Undo the drift with the SDK: later plans then see only their own manifest change.
      await ddb.client().send(new UpdateTableCommand({ TableName: TABLE, StreamSpecification: { StreamEnabled: false } }));
    });

    test('plan --detailed-exitcode exits 2 and names the drifted field by its manifest path', async () => {
      const r = await planton('plan', '--detailed-exitcode');
      expect(r.code).toBe(2);
      expect(r.out).toContain('  ~ stream_enabled              = true -> false\n'); // tofu's own plan, on stdout
      expect(summaryOf(r.out)).toEqual([
        'Changes in manifest terms:',
        '  ~ spec.stream.enabled: stream: true → false (in place, table stays available)',
        'Changed outside planton (drift):',
        '  ~ spec.stream.enabled: changed outside planton: stream: false → true',
        '  ~ spec.stream.viewType: changed outside planton: stream view type: (unset) → NEW_IMAGE',
      ]);
      // The summary came from planton's own reading of the plan file: terraform shows the same plan.
      await expectPlanFileReadAsShown(planWorkDir(dir));
    }, SLOW);

    test('plan --detailed-exitcode --json prints one JSON document with the drift', async () => {
      const r = await planton('plan', '--detailed-exitcode', '--json');
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.out);
      // --json: tofu's own text moves to stderr, stdout is the document alone.
      expect(r.err).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
      expect(JSON.parse(r.out)).toEqual({
        formatVersion: 1,
        pending: true,
        replacesTable: false,
        deletesTable: false,
        changes: [{ manifestPath: 'spec.stream.enabled', action: 'update', effect: 'in-place', detail: 'stream: true → false', address: ADDRESS, before: true, after: false }],
        drift: [
          { manifestPath: 'spec.stream.enabled', action: 'update', effect: 'in-place', detail: 'changed outside planton: stream: false → true', address: ADDRESS, before: false, after: true },
          { manifestPath: 'spec.stream.viewType', action: 'update', effect: 'in-place', detail: 'changed outside planton: stream view type: (unset) → NEW_IMAGE', address: ADDRESS, before: '', after: 'NEW_IMAGE' },
        ],
        imports: [],
      });
    }, SLOW);
  });

  test('a global secondary index added to the manifest is built online', async () => {
    writeManifest(manifest({ gsi: true }));
    const r = await planton('plan');
    expect(r.code).toBe(0);
    expect(summaryOf(r.out)).toEqual([
      'Changes in manifest terms:',
      '  ~ spec.globalSecondaryIndexes[ByStatus]: index ByStatus (status; KEYS_ONLY) is added: index is built online: DynamoDB backfills it from the existing items while the table stays available; queries on the index wait until it is ACTIVE (online, index backfill)',
    ]);
    await expectPlanFileReadAsShown(planWorkDir(dir));
  }, SLOW);

  test('a sort key change names the replacement and its data loss; apply refuses it without --allow-replace', async () => {
    writeManifest(manifest({ sortKey: 'placed_at' }));
    const p = await planton('plan');
    expect(p.code).toBe(0);
    const cause =
      'spec.sortKey.name: sort key: order_ts → placed_at; DynamoDB cannot change this on a live table: the table is deleted and created again, and every item in the table will be deleted';
    expect(summaryOf(p.out)).toEqual([
      'Changes in manifest terms:',
      `  -/+ ${cause} (REPLACES THE TABLE)`,
      'The table will be replaced: every item in the table will be deleted.',
    ]);
    await expectPlanFileReadAsShown(planWorkDir(dir));
    // plan only warns; apply is where the guard stops.
    expect(p.err).toContain(
      `planton: warning: the plan replaces table '${TABLE}' (${ADDRESS}), which deletes every item in it.\n` +
        `  cause: ${cause}\n` +
        '  Revert the change, or pass --allow-replace to replace the table anyway (use `planton tofu destroy` to delete it).\n',
    );

    // The saved plan is reused (same inputs): the guard reads it and stops before terraform applies anything.
    const a = await planton('apply', '--auto-approve');
    expect(a.code).toBe(1);
    expect(a.err).toContain('planton: applying the saved plan ');
    expect(a.err).toContain(
      `planton: apply stopped: the plan replaces table '${TABLE}' (${ADDRESS}), which deletes every item in it.\n` +
        `  cause: ${cause}\n` +
        '  Revert the change, or pass --allow-replace to replace the table anyway (use `planton tofu destroy` to delete it).\n',
    );
    expect(a.out).not.toContain('Apply complete!');
    const t = await ddb.client().send(new DescribeTableCommand({ TableName: TABLE }));
    expect(t.Table?.KeySchema).toEqual([
      { AttributeName: 'customer_id', KeyType: 'HASH' },
      { AttributeName: 'order_ts', KeyType: 'RANGE' },
    ]);
  }, SLOW);
});
