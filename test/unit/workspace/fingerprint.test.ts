import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../../../src/files/hash.js';
import { initChanges, initReason, initRecord, recordInit, type InitInputs } from '../../../src/workspace/fingerprint.js';

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

test('the record is stable for the same inputs and ignores non-module files', () => {
  const a = initRecord(base);
  writeFileSync(join(moduleDir, 'README.md'), 'other docs\n');
  expect(initRecord(base)).toEqual(a);
  expect(a.moduleFiles).toEqual([['main.tf', expect.stringMatching(/^[0-9a-f]{64}$/)]]);
});

test.each([
  ['a module file changes', () => writeFileSync(join(moduleDir, 'main.tf'), 'resource "x" "z" {}\n'), {}, ['module files changed: main.tf']],
  ['a module file is added', () => writeFileSync(join(moduleDir, 'extra.tf'), '\n'), {}, ['module files changed: extra.tf (added)']],
  ['the binary version changes', () => undefined, { binary: { path: '/usr/local/bin/terraform', version: '1.12.0' } }, ['binary changed: /usr/local/bin/terraform 1.11.4 → /usr/local/bin/terraform 1.12.0']],
  ['another binary is used', () => undefined, { binary: { path: '/usr/bin/tofu', version: '1.11.4' } }, ['binary changed: /usr/local/bin/terraform 1.11.4 → /usr/bin/tofu 1.11.4']],
  ['the backend type changes', () => undefined, { backend: { s3: { bucket: 'b', key: 'k' } } }, ['backend changed: local → s3']],
  ['a backend setting changes', () => undefined, { backend: { local: { path: 'other.tfstate' } } }, ['backend local changed: path "terraform.tfstate" → "other.tfstate"']],
  [
    'the provider requirements change',
    () => undefined,
    { requiredProviders: { aws: { source: 'opentofu/aws' } } },
    ['provider requirements changed: {"aws":{"source":"hashicorp/aws"}} → {"aws":{"source":"opentofu/aws"}}'],
  ],
  ['another plugin directory is given', () => undefined, { pluginDir: '/elsewhere' }, ['plugin directory changed: /opt/tf-plugins → /elsewhere']],
  ['the module directory changes', () => undefined, { moduleDir: '/srv/tf-module' }, [`module directory changed: <tf-module> → /srv/tf-module`]],
])('init names what changed, old → new, when %s', (_name, mutate, override, expected) => {
  const before = initRecord(base);
  mutate();
  expect(initChanges(before, initRecord({ ...base, ...override }))).toEqual(expected.map((e) => e.replace('<tf-module>', moduleDir)));
});

test('a plugin directory no longer given is no reason for init by itself, but is named when init runs anyway', () => {
  const before = initRecord(base);
  expect(initChanges(before, initRecord({ ...base, pluginDir: undefined }))).toEqual([]);
  expect(initChanges(before, initRecord({ ...base, pluginDir: undefined, binary: { path: '/usr/bin/tofu', version: '1.9.0' } }))).toEqual([
    'binary changed: /usr/local/bin/terraform 1.11.4 → /usr/bin/tofu 1.9.0',
    'plugin directory changed: /opt/tf-plugins → (none)',
  ]);
  // A mirror given where there was none is said (init then installs from it).
  expect(initChanges(initRecord({ ...base, pluginDir: undefined }), before)).toEqual(['plugin directory changed: (none) → /opt/tf-plugins']);
});

test('init is needed on the first run, when what it depends on changed, or when .terraform/ is gone', () => {
  const now = initRecord(base);
  expect(initReason(workDir, now)).toBe('first run (.terraform/ is missing)');
  initialised();
  expect(initReason(workDir, now)).toBe('no init fingerprint recorded');
  recordInit(workDir, now);
  expect(JSON.parse(readFileSync(join(workDir, '.planton-init.json'), 'utf8'))).toEqual(now);
  expect(initReason(workDir, now)).toBeUndefined();
  expect(initReason(workDir, initRecord({ ...base, pluginDir: undefined }))).toBeUndefined();
  expect(initReason(workDir, initRecord({ ...base, pluginDir: '/elsewhere', binary: { path: '/usr/bin/tofu', version: '1.9.0' } }))).toBe(
    'binary changed: /usr/local/bin/terraform 1.11.4 → /usr/bin/tofu 1.9.0; plugin directory changed: /opt/tf-plugins → /elsewhere',
  );
  writeFileSync(join(workDir, '.planton-init.json'), '{ "broken": ');
  expect(initReason(workDir, now)).toBe('.planton-init.json cannot be read');
  rmSync(join(workDir, '.terraform.lock.hcl'));
  expect(initReason(workDir, now)).toBe('the dependency lock file is missing');
  rmSync(join(workDir, '.terraform'), { recursive: true });
  expect(initReason(workDir, now)).toBe('first run (.terraform/ is missing)');
});

test('a work directory an older planton initialised (.planton-init.sha256) needs no init for the same inputs, and is moved to the record', () => {
  initialised();
  const now = initRecord(base);
  const { moduleDir: m, moduleFiles, requiredProviders, backend, binary, pluginDir } = now;
  writeFileSync(join(workDir, '.planton-init.sha256'), sha256(JSON.stringify({ moduleDir: m, moduleFiles, requiredProviders, backend, binary, pluginDir })) + '\n');
  expect(initReason(workDir, now)).toBeUndefined();
  expect(existsSync(join(workDir, '.planton-init.sha256'))).toBe(false);
  expect(JSON.parse(readFileSync(join(workDir, '.planton-init.json'), 'utf8'))).toEqual(now);
  rmSync(join(workDir, '.planton-init.json'));
  writeFileSync(join(workDir, '.planton-init.sha256'), '0'.repeat(64) + '\n');
  expect(initReason(workDir, now)).toBe('no init fingerprint recorded');
});
