// --module-dir: a local copy of the module is checked for every variable planton sets before terraform
// (or DynamoDB Local) starts; the same check through the CLI exits 1 having run nothing.
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../../src/errors.js';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { checkModuleDir, declaredVariables } from '../../../src/workspace/module-dir.js';
import { repoRoot } from '../../helpers/repo.js';
import { removeScratch, scratchDir } from '../../helpers/scratch.js';

describe('--module-dir', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchDir('module-dir');
    cpSync(join(repoRoot, 'tf-module'), join(dir, 'fork'), { recursive: true });
    writeFileSync(join(dir, 'manifest.yaml'), readFileSync(join(repoRoot, 'hack/manifest.yaml')));
  });
  afterAll(() => {
    removeScratch(dir);
  });

  test('reads variable names from .tf and .tf.json files', () => {
    const d = join(dir, 'mixed');
    mkdirSync(d);
    writeFileSync(join(d, 'a.tf'), 'variable "table_name" {\n  type = string\n}\n  variable "hash_key" {}\n# variable "commented" {}\n');
    writeFileSync(join(d, 'b.tf.json'), JSON.stringify({ variable: { tags: { type: 'map(string)' } } }));
    expect([...declaredVariables(d)].sort()).toEqual(['hash_key', 'table_name', 'tags']);
  });

  test('a faithful copy of the bundled module passes', () => {
    const needed = [...declaredVariables(join(repoRoot, 'tf-module'))];
    expect(needed.length).toBeGreaterThan(30);
    expect(checkModuleDir(join(dir, 'fork'), 'fork', needed)).toBe(join(dir, 'fork'));
  });

  test('a copy lacking variables names each missing one', () => {
    const d = join(dir, 'stale');
    mkdirSync(d);
    writeFileSync(join(d, 'variables.tf'), 'variable "table_name" {}\n');
    expect(() => checkModuleDir(d, 'stale', ['table_name', 'ttl_enabled', 'billing_mode'])).toThrow(
      new UsageError('--module-dir stale: the module lacks 2 variables planton sets: billing_mode, ttl_enabled'),
    );
  });

  test('a missing directory and one without .tf files are refused', () => {
    expect(() => checkModuleDir(join(dir, 'nope'), 'nope', [])).toThrow(new UsageError('--module-dir nope: no such directory'));
    mkdirSync(join(dir, 'empty'));
    expect(() => checkModuleDir(join(dir, 'empty'), 'empty', [])).toThrow(
      new UsageError("--module-dir empty: no .tf files there; it must be a copy of planton's module (tf-module/ in the package)"),
    );
  });

  test('planton plan --module-dir with a stale copy exits 1 before any binary or work directory', async () => {
    const d = join(dir, 'old');
    cpSync(join(repoRoot, 'tf-module'), d, { recursive: true });
    const vars = readFileSync(join(d, 'variables.tf'), 'utf8');
    // Drop the table class variable, as a fork from before it existed would.
    writeFileSync(join(d, 'variables.tf'), vars.replace(/variable "table_class" \{[\s\S]*?\n\}\n/, ''));
    const io = memoryIo(dir, { PATH: process.env.PATH, AWS_REGION: 'us-east-1' });
    const code = await main(['plan', '-f', 'manifest.yaml', '--module-dir', 'old'], io);
    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toBe(
      "planton: --module-dir old: the module lacks a variable planton sets: table_class\n  Declare them (see variables.tf of planton's bundled tf-module/), or copy the module from this planton version.\n",
    );
    expect(existsSync(join(dir, '.planton'))).toBe(false);
  });
});
