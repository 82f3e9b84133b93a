import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initFingerprint, initReason, recordInit, type InitInputs } from '../../../src/workspace/fingerprint.js';

let dir: string;
let moduleDir: string;
let workDir: string;
let base: InitInputs;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-fp-'));
  moduleDir = join(dir, 'tf-module');
  workDir = join(dir, 'work');
  mkdirSync(moduleDir);
  mkdirSync(workDir);
  writeFileSync(join(moduleDir, 'main.tf'), 'resource "x" "y" {}\n');
  writeFileSync(join(moduleDir, 'README.md'), 'docs\n');
  base = {
    moduleDir,
    requiredProviders: { aws: { source: 'hashicorp/aws' } },
    backend: { local: { path: 'terraform.tfstate' } },
    binary: { path: '/usr/local/bin/terraform', version: '1.11.4' },
    pluginDir: '/opt/tf-plugins',
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function initialised(): void {
  mkdirSync(join(workDir, '.terraform', 'modules'), { recursive: true });
  writeFileSync(join(workDir, '.terraform', 'modules', 'modules.json'), '{}');
  writeFileSync(join(workDir, '.terraform.lock.hcl'), '');
}

test('the fingerprint is stable for the same inputs and ignores non-module files', () => {
  const a = initFingerprint(base);
  writeFileSync(join(moduleDir, 'README.md'), 'other docs\n');
  expect(initFingerprint(base)).toBe(a);
  expect(a).toMatch(/^[0-9a-f]{64}$/);
});

test.each([
  ['a module file changes', () => writeFileSync(join(moduleDir, 'main.tf'), 'resource "x" "z" {}\n'), {}],
  ['a module file is added', () => writeFileSync(join(moduleDir, 'extra.tf'), '\n'), {}],
  ['the binary version changes', () => undefined, { binary: { path: '/usr/local/bin/terraform', version: '1.12.0' } }],
  ['another binary is used', () => undefined, { binary: { path: '/usr/bin/tofu', version: '1.11.4' } }],
  ['the backend changes', () => undefined, { backend: { s3: { bucket: 'b', key: 'k' } } }],
  ['the provider requirements change', () => undefined, { requiredProviders: { aws: { source: 'opentofu/aws' } } }],
  ['the plugin directory changes', () => undefined, { pluginDir: undefined }],
])('the fingerprint changes when %s', (_name, mutate, override) => {
  const before = initFingerprint(base);
  mutate();
  expect(initFingerprint({ ...base, ...override })).not.toBe(before);
});

test('init is needed on the first run, when the fingerprint differs, or when .terraform/ is gone', () => {
  const fp = initFingerprint(base);
  expect(initReason(workDir, fp)).toBe('first run (.terraform/ is missing)');
  initialised();
  expect(initReason(workDir, fp)).toBe('no init fingerprint recorded');
  recordInit(workDir, fp);
  expect(initReason(workDir, fp)).toBeUndefined();
  expect(initReason(workDir, initFingerprint({ ...base, pluginDir: '/elsewhere' }))).toBe(
    'the module, provider, backend, binary or plugin directory changed',
  );
  rmSync(join(workDir, '.terraform.lock.hcl'));
  expect(initReason(workDir, fp)).toBe('the dependency lock file is missing');
  rmSync(join(workDir, '.terraform'), { recursive: true });
  expect(initReason(workDir, fp)).toBe('first run (.terraform/ is missing)');
});
