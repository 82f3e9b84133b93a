// Directories planton cannot write are the user's to fix (a usage error, never "internal error"),
// DynamoDB Local's data never shares a directory with a table's work directory, and paths inside
// suggested commands survive being pasted into a shell.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { shellQuote } from '../../src/terminal/shell-quote.js';
import { loadStackInput } from '../../src/stack-input/index.js';
import { defaultWorkDir } from '../../src/workspace/workdir.js';

const MANIFEST = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: unit-orders\nspec:\n  partitionKey: { name: id, type: STRING }\n';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-paths-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(io.err).toBe('planton: cannot create the directory of --out blocker/users.yaml (EEXIST)\n  Choose another --out.\n');
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
