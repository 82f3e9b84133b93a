// Project Planton's workflow end to end: one base manifest with a dev and a prod overlay (the shipped
// hack/kustomize), the unified top-level commands with -f style options, a local copy of the module
// (--module-dir), and plan --destroy followed by destroy. Real kubectl kustomize, real terraform, one
// DynamoDB Local; twelve terraform commands in all.
import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath } from '../../src/tofu/binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { inProcessPlanton } from '../helpers/in-process.js';
import { repoRoot } from '../helpers/repo.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 180_000;
const hasKustomize = findOnPath('kubectl', process.env.PATH) !== undefined || findOnPath('kustomize', process.env.PATH) !== undefined;
if (!hasKustomize) console.warn('SKIPPED test/e2e/project-planton.test.ts: neither kubectl nor kustomize is on PATH');
const suite = hasKustomize ? describeWithTofu('test/e2e/project-planton.test.ts') : describe.skip;

suite('overlays per environment, unified commands, --module-dir and plan --destroy', () => {
  let ddb: TestDynamoDbLocal;
  let dir: string;
  // The prod overlay's plan shows what real AWS would get (PITR, autoscaling), not the DynamoDB Local adjustments.
  const session = inProcessPlanton(() => dir, () => ({ PLANTON_DETECT_LOCAL: '0' }));
  const planton = (...args: string[]) => session.run(args);
  const common = ['-s', 'stack-input.yaml', '--kustomize-dir', 'k', '--module-dir', 'fork'];
  const workDir = (overlay: string, table: string) => join(dir, 'k/.planton/overlays', overlay, 'tofu', table);

  async function describeTable(name: string) {
    return (await ddb.client().send(new DescribeTableCommand({ TableName: name }))).Table!;
  }

  beforeAll(async () => {
    ddb = await withDynamoDbLocal();
    dir = scratchDir('project-planton');
    cpSync(join(repoRoot, 'hack/kustomize'), join(dir, 'k'), { recursive: true, filter: (src) => !src.includes('.planton') });
    cpSync(join(repoRoot, 'tf-module'), join(dir, 'fork'), { recursive: true });
    writeLocalStackInput(join(dir, 'stack-input.yaml'), { endpoint: ddb.endpoint, accessKeyId: 'AKIAPLANTONE2E', secretAccessKey: 'plantonE2Esecret' });
  }, SLOW);

  afterAll(async () => {
    if (process.env.PLANTON_E2E_TRANSCRIPT) writeFileSync(process.env.PLANTON_E2E_TRANSCRIPT, session.transcript());
    await ddb?.stop();
    removeScratch(dir);
  }, SLOW);

  test('planton apply --overlay dev creates the dev table from the module copy, in the overlay’s own work directory', async () => {
    const r = await planton('apply', '--overlay', 'dev', '--auto-approve', ...common);
    if (r.code !== 0) console.error(session.transcript());
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^planton: manifest from overlay 'dev' \(k\/overlays\/dev\), built by (kubectl kustomize|kustomize build) into k\/\.planton\/overlays\/dev\/manifest\.yaml$/m);
    expect(r.err).toContain(`planton: module from ${join(dir, 'fork')} (--module-dir), not the bundled one\n`);
    expect(r.err).toContain(`planton: init in ${workDir('dev', 'orders-dev')}: first run (.terraform/ is missing)\n`);
    expect(r.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const root = JSON.parse(readFileSync(join(workDir('dev', 'orders-dev'), 'main.tf.json'), 'utf8'));
    expect(root.module.dynamodb.source).toBe(join(dir, 'fork'));
    const t = await describeTable('orders-dev');
    expect(t.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.DeletionProtectionEnabled ?? false).toBe(false);
    expect(t.KeySchema).toEqual([
      { AttributeName: 'customer_id', KeyType: 'HASH' },
      { AttributeName: 'order_id', KeyType: 'RANGE' },
    ]);
  }, SLOW);

  test('planton plan --overlay prod plans the prod table in a separate work directory and state', async () => {
    const r = await planton('plan', '--overlay', 'prod', '--json', ...common);
    if (r.code !== 0) console.error(session.transcript());
    expect(r.code).toBe(0);
    expect(r.err).toContain(`planton: init in ${workDir('prod', 'orders-prod')}: first run (.terraform/ is missing)\n`);
    // tofu's own text goes to stderr with --json: the planned table is provisioned, protected, with 35 days of PITR.
    expect(r.err).toContain('Plan: 5 to add, 0 to change, 0 to destroy.');
    expect(r.err).toMatch(/billing_mode += "PROVISIONED"/);
    expect(r.err).toMatch(/deletion_protection_enabled += true/);
    expect(r.err).toMatch(/recovery_period_in_days += 35/);
    expect(r.err.match(/# module\.dynamodb\.aws_appautoscaling_target\.\S+ will be created/g)).toHaveLength(2);
    expect(r.err).toContain('spec.autoScaling.read: autoscaling between 5 and 200 capacity units is created');
    expect(JSON.parse(r.out)).toMatchObject({ pending: true, replacesTable: false, deletesTable: false });
    const tfvars = JSON.parse(readFileSync(join(workDir('prod', 'orders-prod'), 'terraform.tfvars.json'), 'utf8'));
    expect(tfvars).toMatchObject({ table_name: 'orders-prod', billing_mode: 'PROVISIONED', deletion_protection_enabled: true, point_in_time_recovery_period_in_days: 35 });
    // Two environments, two states: prod has none yet, dev keeps its table.
    expect(existsSync(join(workDir('prod', 'orders-prod'), 'terraform.tfstate'))).toBe(false);
    const devState = JSON.parse(readFileSync(join(workDir('dev', 'orders-dev'), 'terraform.tfstate'), 'utf8'));
    const managed = devState.resources.filter((x: { mode: string }) => x.mode === 'managed');
    expect(managed.map((x: { type: string; instances: { attributes: { name: string } }[] }) => [x.type, x.instances[0]!.attributes.name])).toEqual([['aws_dynamodb_table', 'orders-dev']]);
  }, SLOW);

  test('after an edit of the module copy, plan --destroy re-runs init and saves a destroy plan; the table stays', async () => {
    appendFileSync(join(dir, 'fork', 'outputs.tf'), '\n# a local edit: init must run again\n');
    const r = await planton('plan', '--destroy', '--overlay', 'dev', ...common);
    if (r.code !== 0) console.error(session.transcript());
    expect(r.code).toBe(0);
    expect(r.err).toContain(`planton: init in ${workDir('dev', 'orders-dev')}: module files changed: outputs.tf\n`);
    expect(r.out).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
    expect(r.err).toContain(`planton: destroy plan saved in ${join(workDir('dev', 'orders-dev'), 'planton.tfplan')}; \`planton destroy\` with the same inputs applies exactly this plan\n`);
    expect(JSON.parse(readFileSync(join(workDir('dev', 'orders-dev'), 'planton.tfplan.json'), 'utf8'))).toMatchObject({ destroy: true, changes: true });
    expect((await describeTable('orders-dev')).TableStatus).toBe('ACTIVE');
  }, SLOW);

  test('planton destroy applies that saved destroy plan without planning again', async () => {
    const r = await planton('destroy', '--overlay', 'dev', '--auto-approve', ...common);
    if (r.code !== 0) console.error(session.transcript());
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `planton: applying the saved destroy plan ${join(workDir('dev', 'orders-dev'), 'planton.tfplan')} (made by \`planton plan --destroy\` from the same inputs)\n`,
    );
    expect(r.err).not.toContain('planton: init in');
    expect(r.out).toContain('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.');
    expect(existsSync(join(workDir('dev', 'orders-dev'), 'planton.tfplan'))).toBe(false);
    await expect(describeTable('orders-dev')).rejects.toBeInstanceOf(ResourceNotFoundException);
  }, SLOW);
});
