// The CLI's own logic around tofu, in-process and without running tofu: every case here stops before
// the first tofu command (or never needs one).
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { packageRoot } from '../../../src/files/paths.js';

const MANIFEST = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: unit-orders
spec:
  partitionKey: { name: id, type: STRING }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-cmd-'));
  writeFileSync(join(dir, 'orders.yaml'), MANIFEST);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(dir, { PATH: '/nonexistent', ...env });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

function stackInput(lines: string[]): string {
  const f = join(dir, 'si.yaml');
  writeFileSync(f, lines.join('\n') + '\n');
  chmodSync(f, 0o600);
  return 'si.yaml';
}

test('no tofu and no terraform: exit 1 with the install hint, after the manifest was checked', async () => {
  const r = await run(['tofu', 'plan', '--manifest', 'orders.yaml'], { AWS_REGION: 'us-east-1' });
  expect(r).toEqual({
    code: 1,
    out: '',
    err:
      'planton: neither tofu nor terraform was found on PATH\n' +
      '  Install OpenTofu (https://opentofu.org/docs/intro/install/) or Terraform (https://developer.hashicorp.com/terraform/install), or name the binary with --binary PATH or PLANTON_TOFU_BIN.\n',
  });
});

test('an invalid stack input is reported with file:line:col, secrets masked, and nothing runs', async () => {
  const si = stackInput(['provider_config:', '  region: SECRET-MARKER-12345', '  accessKeyId: AKIAUNIT', '  secretAccessKey: SECRET-MARKER-12345']);
  const r = await run(['tofu', 'plan', '--manifest', 'orders.yaml', '--stack-input', si]);
  expect(r.code).toBe(1);
  expect(r.err).not.toContain('SECRET-MARKER-12345');
  expect(r.err.split('\n')[0]).toBe('si.yaml:2:11  provider_config.region  `***` does not have the expected form (^[a-z]{2}(-[a-z]+)+-[0-9]+$)');
});

test('the manifest comes from the stack input target when --manifest is absent, with its errors located there', async () => {
  const si = stackInput(['provider_config: { region: us-east-1 }', 'target:', '  apiVersion: aws.project-planton.org/v1', '  kind: AwsDynamodb', '  metadata: { name: t1 }', '  spec:', '    partitionKey: { name: id, type: STRING }']);
  const r = await run(['tofu', 'plan', '--stack-input', si]);
  expect(r.code).toBe(1);
  expect(r.err).toContain('si.yaml:5:');
  expect(r.err).toContain('target.metadata.name');
});

test('without a region anywhere the run stops with a usage error', async () => {
  const r = await run(['tofu', 'plan', '--manifest', 'orders.yaml']);
  expect(r.code).toBe(1);
  expect(r.err).toBe('planton: no AWS region: set provider_config.region in a stack input (--stack-input) or AWS_REGION\n  See hack/stack-input.example.yaml.\n');
});

test('apply and destroy without --auto-approve need a terminal; the hint repeats the command as given, quoted', async () => {
  const apply = await run(['tofu', 'apply', '--manifest', 'orders.yaml', '--local', '--set', 'spec.tags={"team":"a b"}'], { AWS_REGION: 'us-east-1' });
  expect(apply.code).toBe(1);
  expect(apply.err).toBe(
    'planton: apply needs approval, but stdin is not a terminal\n' +
      `  Review \`planton tofu plan --manifest orders.yaml --local --set 'spec.tags={"team":"a b"}'\`, then run \`planton tofu apply --manifest orders.yaml --local --set 'spec.tags={"team":"a b"}' --auto-approve\`.\n`,
  );
  const destroy = await run(['tofu', 'destroy', '-m', 'orders.yaml'], { AWS_REGION: 'us-east-1' });
  expect(destroy.code).toBe(1);
  expect(destroy.err).toBe(
    'planton: destroy needs approval, but stdin is not a terminal\n' +
      '  Run `planton tofu destroy -m orders.yaml --auto-approve` once you are sure: it deletes the table and every item in it.\n',
  );
});

test('inputs are checked before the approval refusal: a missing stack input or a bad manifest is said first', async () => {
  const missing = await run(['apply', '-f', 'orders.yaml', '-s', 'missing.yaml']);
  expect(missing.code).toBe(1);
  expect(missing.err).toBe(
    `planton: stack input missing.yaml not found (relative to ${dir})\n` +
      `  Start from the example, readable only by you (it will hold credentials): install -m 600 ${join(packageRoot, 'hack', 'stack-input.example.yaml')} missing.yaml\n`,
  );
  expect(missing.err).not.toContain('needs approval');
  writeFileSync(join(dir, 'bad.yaml'), MANIFEST.replace('type: STRING', 'type: S'));
  const bad = await run(['tofu', 'destroy', '-m', 'bad.yaml'], { AWS_REGION: 'us-east-1' });
  expect(bad.code).toBe(1);
  expect(bad.err.split('\n')[0]).toMatch(/^bad\.yaml:6:\d+ {2}spec\.partitionKey\.type {2}must be one of STRING, NUMBER or BINARY, not `S`/);
  expect(bad.err).not.toContain('needs approval');
});

test('tofu init --local starts no DynamoDB Local: init needs no table', async () => {
  const r = await run(['tofu', 'init', '--local', '-m', 'orders.yaml']);
  expect(r.code).toBe(1);
  // The first thing said is the missing binary (PATH is empty here), not a DynamoDB Local endpoint.
  expect(r.err).toBe(
    'planton: neither tofu nor terraform was found on PATH\n' +
      '  Install OpenTofu (https://opentofu.org/docs/intro/install/) or Terraform (https://developer.hashicorp.com/terraform/install), or name the binary with --binary PATH or PLANTON_TOFU_BIN.\n',
  );
  expect(readdirSync(dir).sort()).toEqual(['orders.yaml']);
});

test('load-tfvars prints the tfvars of the manifest', async () => {
  const r = await run(['tofu', 'load-tfvars', '--manifest', 'orders.yaml']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ table_name: 'unit-orders', hash_key: 'id', billing_mode: 'PAY_PER_REQUEST' });
});

test('a credential in an endpoint URL stops the run before anything is written, and is printed nowhere', async () => {
  const si = stackInput(['provider_config:', '  region: us-east-1', '  endpoint: http://ddb:PASS-MARKER-4242@127.0.0.1:8000']);
  const r = await run(['tofu', 'plan', '--manifest', 'orders.yaml', '--stack-input', si]);
  expect(r.code).toBe(1);
  expect(r.err.split('\n')[0]).toBe(
    'si.yaml:3:13  provider_config.endpoint  the endpoint URL holds a user name or password; planton writes endpoints into the work directory (main.tf.json) and the saved plan, so it takes none: give the credentials as `accessKeyId`/`secretAccessKey` or `profile`',
  );
  expect(r.out + r.err).not.toContain('PASS-MARKER-4242');
  expect(readdirSync(dir).sort()).toEqual(['orders.yaml', 'si.yaml']);
});
