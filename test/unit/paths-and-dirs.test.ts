// Directories planton cannot write are the user's to fix (a usage error, never "internal error"),
// DynamoDB Local's data never shares a directory with a table's work directory, and paths inside
// suggested commands survive being pasted into a shell.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { shellQuote } from '../../src/terminal/shell-quote.js';
import { loadStackInput } from '../../src/stack-input/index.js';
import { defaultWorkDir } from '../../src/workspace/workdir.js';

const MANIFEST = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: unit-orders\nspec:\n  partitionKey: { name: id, type: STRING }\n';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-paths-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root` (recursively) with the SHA-256 of its bytes, to prove nothing changed. */
function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[relative(root, path) + (entry.isDirectory() ? '/' : '')] = entry.isDirectory() ? '' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('a work directory planton did not create', () => {
  /** Someone else's terraform project: a resource in main.tf, its state, and a provider lock file. */
  function foreignProject(at: string): void {
    mkdirSync(join(at, '.terraform', 'providers'), { recursive: true });
    writeFileSync(join(at, 'main.tf'), 'resource "terraform_data" "precious" {}\n');
    writeFileSync(join(at, 'terraform.tfstate'), '{"version":4,"serial":7,"lineage":"theirs","resources":[{"type":"terraform_data","name":"precious"}]}\n');
    writeFileSync(join(at, '.gitignore'), 'secrets/\n');
  }

  async function run(args: string[]) {
    writeFileSync(join(dir, 'orders.yaml'), MANIFEST);
    const io = memoryIo(dir, { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', CHECKPOINT_DISABLE: '1' });
    const code = await main(args, io);
    return { code, err: io.err.split('\n').filter((l) => !l.startsWith('planton: using')) };
  }

  test('--workdir naming another terraform project is refused, naming its files, and every byte of it stays as it was', async () => {
    const theirs = join(dir, 'theirs');
    foreignProject(theirs);
    const before = hashTree(theirs);
    const r = await run(['tofu', 'apply', '--auto-approve', '--manifest', 'orders.yaml', '--workdir', 'theirs']);
    expect(r).toEqual({
      code: 1,
      err: [
        `planton: work directory ${theirs} is not planton's: it holds .gitignore, .terraform/, main.tf, terraform.tfstate, but no .planton-owner.json; planton writes only into work directories it created`,
        '  Pass --workdir with a new or empty directory; nothing in this one was changed.',
        '',
      ],
    });
    expect(hashTree(theirs)).toEqual(before);
  }, 30_000);

  test('the default work directory is refused the same way when something else made it', async () => {
    const wd = join(dir, '.planton', 'unit-orders');
    foreignProject(wd);
    const before = hashTree(wd);
    const r = await run(['tofu', 'destroy', '--auto-approve', '--manifest', 'orders.yaml']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe(`planton: work directory ${wd} is not planton's: it holds .gitignore, .terraform/, main.tf, terraform.tfstate, but no .planton-owner.json; planton writes only into work directories it created`);
    expect(hashTree(wd)).toEqual(before);
  }, 30_000);

  test('--workdir /proc (not planton’s) and /proc/x (cannot be created) are usage errors at once', async () => {
    if (!existsSync('/proc/self')) return;
    const proc = await run(['tofu', 'plan', '--manifest', 'orders.yaml', '--workdir', '/proc']);
    expect(proc.code).toBe(1);
    expect(proc.err[0]).toMatch(/^planton: work directory \/proc is not planton's: it holds \S+, \S+, \S+, \S+, \S+ and \d+ more, but no \.planton-owner\.json; planton writes only into work directories it created$/);
    const started = Date.now();
    const x = await run(['tofu', 'init', '--manifest', 'orders.yaml', '--workdir', '/proc/x']);
    expect(x).toEqual({ code: 1, err: ['planton: cannot create the work directory /proc/x: ENOENT', '  Pass --workdir DIR to put it somewhere writable.', ''] });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe('a directory planton cannot create', () => {
  // `.planton` is a file: no user, root included, can create the directory below it.
  async function run(args: string[]) {
    writeFileSync(join(dir, 'orders.yaml'), MANIFEST);
    writeFileSync(join(dir, '.planton'), 'in the way\n');
    const io = memoryIo(dir, { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', CHECKPOINT_DISABLE: '1' });
    const code = await main(args, io);
    return { code, err: io.err.split('\n').filter((l) => !l.startsWith('planton: using') && !l.includes('warning')) };
  }

  test('--local gives the same kind of usage error as the work directory of the non-local path', async () => {
    const local = await run(['tofu', 'plan', '--local', '--manifest', 'orders.yaml']);
    expect(local.code).toBe(1);
    expect(local.err.slice(0, 2)).toEqual([
      `planton: cannot create the DynamoDB Local data directory ${join(dir, '.planton', 'local-dynamodb')}: ENOTDIR`,
      '  --local keeps its data beside the manifest (.planton/local-dynamodb): run it on a manifest in a writable directory.',
    ]);
    const remote = await run(['tofu', 'plan', '--manifest', 'orders.yaml']);
    expect(remote.code).toBe(1);
    expect(remote.err.slice(0, 2)).toEqual([
      `planton: cannot create the work directory ${join(dir, '.planton', 'unit-orders')}: ENOTDIR`,
      '  Pass --workdir DIR to put it somewhere writable.',
    ]);
  }, 30_000);

  test('import --local --out into such a directory: the same usage error', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', '.planton'), 'in the way\n');
    const io = memoryIo(dir, { PATH: process.env.PATH ?? '', CHECKPOINT_DISABLE: '1' });
    expect(await main(['import', '--table', 'users', '--local', '--out', 'out/users.yaml'], io)).toBe(1);
    expect(io.err).toContain(`planton: cannot create the DynamoDB Local data directory ${join(dir, 'out', '.planton', 'local-dynamodb')}: ENOTDIR\n`);
    expect(io.err).not.toContain('internal error');
  }, 30_000);

  test('import --out under a file that is not a directory: said before the table is read', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file, not a directory\n');
    const io = memoryIo(dir, { PATH: '/nonexistent' });
    expect(await main(['import', '--table', 'users', '--out', 'blocker/users.yaml'], io)).toBe(1);
    // No terraform was looked for (PATH has none): the --out problem came first.
    expect(io.err).toBe('planton: cannot create the directory of --out blocker/users.yaml (ENOTDIR)\n  Choose another --out.\n');
  });
});

test('a real table named local-dynamodb never gets the DynamoDB Local data directory as its work directory', () => {
  const data = join('/p', '.planton', 'local-dynamodb');
  expect(defaultWorkDir('/p/m.yaml', 'local-dynamodb')).not.toBe(data);
  expect(defaultWorkDir('/p/m.yaml', 'local-dynamodb').startsWith(data + '/')).toBe(false);
  expect(defaultWorkDir('/p/m.yaml', 'local-dynamodb')).toBe('/p/.planton/local-dynamodb~table');
  expect(defaultWorkDir('/p/m.yaml', 'orders')).toBe('/p/.planton/orders');
});

describe('paths in suggested commands', () => {
  test.each([
    ['plain/path.yaml', 'plain/path.yaml'],
    ['my dir/m.yaml', "'my dir/m.yaml'"],
    ["it's; rm -rf ~ $(x)", "'it'\\''s; rm -rf ~ $(x)'"],
  ])('%s is quoted as needed', (path, quoted) => {
    expect(shellQuote(path)).toBe(quoted);
    // The shell reads it back as the same single word.
    expect(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(path);
  });

  test('the chmod suggestion for a readable stack input quotes a path with spaces', async () => {
    const file = join(dir, 'my stack.yaml');
    writeFileSync(file, 'provider_config:\n  region: us-east-1\n  accessKeyId: AKIAEXAMPLE\n  secretAccessKey: s3cr3t-value\n');
    chmodSync(file, 0o644);
    const loaded = await loadStackInput(file, 'my stack.yaml');
    expect(loaded.warnings).toEqual(["planton: warning: my stack.yaml holds credentials and is readable by group/others (mode 0644); run chmod 600 'my stack.yaml'"]);
  });
});
