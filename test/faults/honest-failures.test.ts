// Failures that name their real cause, with real terraform: an endpoint nothing answers on and a run
// without credentials (where terraform's own words do not say what planton looked for). Both plans fail,
// and neither leaves a plan file behind. Only 127.0.0.1 is ever addressed: the endpoint is a closed
// port there. Two terraform plans in all (~10 s each).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { inProcessPlanton } from '../helpers/in-process.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';

const SLOW = 180_000;
const TABLE = 'planton-honest-failures';
const suite = describeWithTofu('test/faults/honest-failures.test.ts');

/** A port on 127.0.0.1 that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

suite('failures that name their cause', () => {
  let dir: string;
  let home: string;
  let port: number;
  const workDir = () => join(dir, '.planton', TABLE);
  // No AWS_* at all (in-process.ts drops them) and a HOME without ~/.aws: no credentials anywhere.
  const planton = inProcessPlanton(
    () => dir,
    () => ({ HOME: home, ...(process.env.PLANTON_PLUGIN_DIR ? { PLANTON_PLUGIN_DIR: process.env.PLANTON_PLUGIN_DIR } : {}) }),
  );
  const plan = ['tofu', 'plan', '--no-color', '--manifest', 'manifest.yaml', '--stack-input', 'stack.yaml'];

  beforeAll(async () => {
    dir = scratchDir('honest-failures');
    home = join(dir, 'home');
    mkdirSync(home);
    port = await closedPort();
    writeFileSync(join(dir, 'manifest.yaml'), `apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: ${TABLE}\nspec:\n  partitionKey: { name: id, type: STRING }\n`);
  });
  afterAll(() => removeScratch(dir));

  test('an endpoint nothing answers on is named with its address and provider_config.endpoint; no plan file is left', async () => {
    writeLocalStackInput(join(dir, 'stack.yaml'), { endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'AKIAHONEST', secretAccessKey: 'honest-secret' });
    const r = await planton.run(plan);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `planton: nothing answers at 127.0.0.1:${port} (connection refused): is the endpoint of provider_config.endpoint (e.g. DynamoDB Local) running?`,
    );
    expect(r.err).not.toContain('state is locked');
    expect(existsSync(join(workDir(), 'main.tf.json'))).toBe(true); // the run got as far as terraform's plan
    expect(existsSync(join(workDir(), 'planton.tfplan'))).toBe(false);
    expect(existsSync(join(workDir(), 'planton.tfplan.json'))).toBe(false);
  }, SLOW);

  test('no credentials anywhere says what planton looked for and suggests --local or a stack input', async () => {
    writeFileSync(join(dir, 'stack.yaml'), ['provider_config:', '  region: us-east-1', `  endpoint: http://127.0.0.1:${port}`, ''].join('\n'));
    const r = await planton.run(plan);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Error: No valid credential sources found');
    expect(r.err).toContain(
      'planton: no AWS credentials: the stack input gives no provider_config.accessKeyId/secretAccessKey or provider_config.profile, the environment has no ' +
        `AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and the default profile chain (${home}/.aws/credentials and ${home}/.aws/config) has none. ` +
        'For DynamoDB Local, run with --local (or give any accessKeyId/secretAccessKey in the stack input for one of your own); for AWS, give provider_config.accessKeyId/secretAccessKey or provider_config.profile in a stack input (--stack-input).\n',
    );
    expect(existsSync(join(workDir(), 'planton.tfplan'))).toBe(false);
  }, SLOW);
});
