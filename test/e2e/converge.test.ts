// The manifest is the truth after every apply: edited and drifted capacities, a removed ttl block, a
// stream turned on, autoscaled capacities left alone, and a lost state. One table on a shared DynamoDB
// Local (an endpoint in the stack input, so the SDK can change it between runs); each step's terraform
// commands are few because each costs ~10 s of provider start-up.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { liveModel, manifestYaml, type TableModel } from '../helpers/converge.js';
import { describeWithTofu, tofuBinary } from '../helpers/tofu-binary.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const LONG = 240_000;
const NAME = 'planton-converge';
const suite = describeWithTofu('test/e2e/converge.test.ts');

suite('convergence: apply makes the live table equal the manifest, plan tells the truth', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  const planton = inProcessPlanton(() => dir);
  const workDir = () => join(dir, '.planton', NAME);
  const run = (...args: string[]) => planton.run(['tofu', ...args, '--manifest', 'm.yaml', '--stack-input', 'stack.yaml', '--no-color']);
  const write = (m: TableModel) => writeFileSync(join(dir, 'm.yaml'), manifestYaml(m));

  let model: TableModel = { name: NAME, read: 5, write: 5, indexes: { ByEmail: { read: 2, write: 2 } }, ttl: 'expires_at', deletionProtection: false };

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('converge');
    writeLocalStackInput(join(dir, 'stack.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'local', secretAccessKey: 'convergesecret' });
    write(model);
    const created = await run('apply', '--auto-approve');
    if (created.code !== 0) throw new Error(`create failed:\n${planton.transcript()}`);
  }, LONG);

  afterAll(async () => {
    if (process.env.PLANTON_CONVERGE_TRANSCRIPT) writeFileSync(process.env.PLANTON_CONVERGE_TRANSCRIPT, planton.transcript());
    await ddb?.stop();
    removeScratch(dir);
  }, LONG);

  test('a removed ttl block turns TTL off and a new stream is on, with current outputs; then plan exits 0', async () => {
    model = { ...model, stream: 'NEW_IMAGE' };
    delete model.ttl;
    write(model);
    const apply = await run('apply', '--auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.out).toContain('  ~ spec.ttl: time to live: {attribute_name: expires_at, enabled: true} → {attribute_name: expires_at, enabled: false} (in place, table stays available)');
    expect(apply.out).toContain('  ~ spec.stream.enabled: stream: false → true (in place, table stays available)');
    expect(await liveModel(ddb.client(), NAME)).toEqual(model);
    // The outputs are current after the apply that turned the stream on.
    const label = /^stream_label\s+= "(.+)"$/m.exec(apply.out)?.[1];
    const arn = /^stream_arn\s+= "(.+)"$/m.exec(apply.out)?.[1];
    expect(label).toMatch(/^\d{4}-/);
    expect(arn).toBe(`arn:aws:dynamodb:ddblocal:000000000000:table/${NAME}/stream/${label}`);

    const again = await run('plan', '--detailed-exitcode');
    expect({ code: again.code, outputs: again.out.includes('Changes to Outputs') }).toEqual({ code: 0, outputs: false });
  }, LONG);

  test('edited fixed table and index capacities are planned (exit 2, paths named) and applied; then plan exits 0', async () => {
    model = { ...model, read: 7, write: 6, indexes: { ByEmail: { read: 3, write: 4 } } };
    write(model);
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('  ~ spec.provisionedThroughput.readCapacityUnits: read capacity: 5 → 7 (in place, table stays available)');
    expect(plan.out).toContain('  ~ spec.provisionedThroughput.writeCapacityUnits: write capacity: 5 → 6 (in place, table stays available)');
    expect(plan.out).toContain('  ~ spec.globalSecondaryIndexes[ByEmail].provisionedThroughput.readCapacityUnits: index ByEmail read capacity: 2 → 3 (in place, table stays available)');
    const apply = await run('apply', '--auto-approve');
    expect(apply.code).toBe(0);
    expect(await liveModel(ddb.client(), NAME)).toEqual(model);
    expect((await run('plan', '--detailed-exitcode')).code).toBe(0);
  }, LONG);

  test('a capacity changed outside planton is drift (exit 2, manifest path named), and apply puts it back', async () => {
    await ddb.client().send(new UpdateTableCommand({ TableName: NAME, ProvisionedThroughput: { ReadCapacityUnits: 9, WriteCapacityUnits: 9 } }));
    await ddb.client().send(
      new UpdateTableCommand({ TableName: NAME, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'ByEmail', ProvisionedThroughput: { ReadCapacityUnits: 8, WriteCapacityUnits: 8 } } }] }),
    );
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('  ~ spec.provisionedThroughput.readCapacityUnits: read capacity: 9 → 7 (in place, table stays available)');
    expect(plan.out).toContain('  ~ spec.provisionedThroughput.readCapacityUnits: changed outside planton: read capacity: 7 → 9');
    expect(plan.out).toContain('  ~ spec.globalSecondaryIndexes[ByEmail].provisionedThroughput.readCapacityUnits: index ByEmail read capacity: 8 → 3 (in place, table stays available)');
    expect(plan.out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');

    // The same drift, with autoscaling on for the table and the index: the live capacities are
    // autoscaling's, so the table is not touched and only the scaling targets and policies are added.
    // (DynamoDB Local has no Application Auto Scaling, so this is planned, not applied.)
    const scaling = { min_capacity: 1, max_capacity: 20, target_value: 70, scale_in_cooldown: 0, scale_out_cooldown: 0 };
    writeFileSync(
      join(dir, 'autoscaling.tfvars.json'),
      JSON.stringify({ autoscaling_read: scaling, autoscaling_write: scaling, autoscaling_indexes: { ByEmail: { read: scaling, write: scaling } } }),
    );
    const tfEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1', CHECKPOINT_DISABLE: '1' };
    const tf = (args: string[]) => execFileSync(tofuBinary!, args, { cwd: workDir(), env: tfEnv, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    tf(['plan', '-input=false', '-no-color', '-lock=false', `-var-file=${join(dir, 'autoscaling.tfvars.json')}`, '-out=autoscaling.tfplan']);
    const planned = JSON.parse(tf(['show', '-json', 'autoscaling.tfplan'])) as { resource_changes: { address: string; change: { actions: string[]; after: Record<string, any> } }[] };
    rmSync(join(workDir(), 'autoscaling.tfplan'));
    const table = planned.resource_changes.find((r) => r.address === 'module.dynamodb.aws_dynamodb_table.this')!;
    expect(table.change.actions).toEqual(['no-op']);
    expect([table.change.after.read_capacity, table.change.after.write_capacity]).toEqual([9, 9]);
    expect(table.change.after.global_secondary_index.map((g: any) => [g.name, g.read_capacity, g.write_capacity])).toEqual([['ByEmail', 8, 8]]);
    const others = planned.resource_changes.filter((r) => r.address !== table.address).map((r) => `${r.change.actions.join('/')} ${r.address}`);
    expect(others.sort()).toEqual(
      ['read', 'write', 'ByEmail/read', 'ByEmail/write'].flatMap((k) => [`create module.dynamodb.aws_appautoscaling_policy.this["${k}"]`, `create module.dynamodb.aws_appautoscaling_target.this["${k}"]`]).sort(),
    );

    // Autoscaling off again (the manifest as it is): the fixed capacities come back, in place.
    const apply = await run('apply', '--auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.out).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await liveModel(ddb.client(), NAME)).toEqual(model);
  }, LONG);

  test('a lost state is reported (with --adopt and the backup that holds the table), never planned as a silent create', async () => {
    const state = join(workDir(), 'terraform.tfstate');
    writeFileSync(state, JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'lost', outputs: {}, resources: [] }));
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    const said =
      `planton: table '${NAME}' already exists, but the state in ${workDir()} does not hold it, so the plan would create it again (and AWS would refuse).\n` +
      '  If this manifest manages that table, take it into state with `--adopt` (planton tofu apply --adopt).\n' +
      `  ${workDir()}/terraform.tfstate.backup holds the table: if the state was lost by mistake, copy that file to ${state} instead.\n`;
    expect(plan.err).toContain(said);
    const apply = await run('apply', '--auto-approve');
    expect(apply.code).toBe(1);
    expect(apply.err).toContain(said.replace('planton: table', 'planton: apply stopped: table'));
    expect(await liveModel(ddb.client(), NAME)).toEqual(model);
  }, LONG);
});
