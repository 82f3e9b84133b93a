import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../../src/errors.js';
import { claimWorkDir, defaultWorkDir, earlierTablesOf, OWNER_FILE, writeIfChanged } from '../../../src/workspace/workdir.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-wd-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the default work directory is <manifest dir>/.planton/<table name>', () => {
  expect(defaultWorkDir('/p/hack/manifest.yaml', 'orders')).toBe('/p/hack/.planton/orders');
});

test('a work directory records its manifest relative to itself and accepts it again', () => {
  const wd = join(dir, '.planton', 'orders');
  claimWorkDir(wd, { file: join(dir, 'orders.yaml') });
  expect(JSON.parse(readFileSync(join(wd, OWNER_FILE), 'utf8'))).toEqual({ manifest: '../../orders.yaml', at: '' });
  expect(readFileSync(join(wd, '.gitignore'), 'utf8')).toBe('.terraform/\n*.tfplan\n');
  expect(() => claimWorkDir(wd, { file: join(dir, 'orders.yaml') })).not.toThrow();
});

test('a second manifest for the same table cannot take over the first one’s work directory (and state)', () => {
  const wd = join(dir, '.planton', 'orders');
  claimWorkDir(wd, { file: join(dir, 'orders.yaml') });
  writeFileSync(join(wd, 'terraform.tfstate'), '{"serial":3}');
  const other = () => claimWorkDir(wd, { file: join(dir, 'orders-copy.yaml') });
  expect(other).toThrow(UsageError);
  expect(other).toThrow(`work directory ${wd} belongs to another manifest (${join(dir, 'orders.yaml')}); two manifests for the same table would share one state`);
  // Same file, but the stack input's target instead of the file itself, is another manifest too.
  expect(() => claimWorkDir(wd, { file: join(dir, 'orders.yaml'), at: '/target' })).toThrow('belongs to another manifest');
  expect(readFileSync(join(wd, 'terraform.tfstate'), 'utf8')).toBe('{"serial":3}');
});

test('writeIfChanged leaves an unchanged file alone', async () => {
  const f = join(dir, 'a.json');
  expect(writeIfChanged(f, 'x')).toBe(true);
  const mtime = statSync(f).mtimeMs;
  await new Promise((r) => setTimeout(r, 20));
  expect(writeIfChanged(f, 'x')).toBe(false);
  expect(statSync(f).mtimeMs).toBe(mtime);
  expect(writeIfChanged(f, 'y')).toBe(true);
  expect(existsSync(f)).toBe(true);
});

test('earlierTablesOf finds sibling work directories of the same manifest whose state still holds the table', () => {
  const manifest = { file: join(dir, 'orders.yaml') };
  const oldWd = join(dir, '.planton', 'orders-v1');
  const emptyWd = join(dir, '.planton', 'orders-v0');
  const otherWd = join(dir, '.planton', 'users');
  const newWd = join(dir, '.planton', 'orders-v2');
  claimWorkDir(oldWd, manifest);
  writeFileSync(join(oldWd, 'terraform.tfstate'), '{"resources":[{"type":"aws_dynamodb_table"}]}');
  claimWorkDir(emptyWd, manifest);
  writeFileSync(join(emptyWd, 'terraform.tfstate'), '{"resources":[]}');
  claimWorkDir(otherWd, { file: join(dir, 'users.yaml') });
  writeFileSync(join(otherWd, 'terraform.tfstate'), '{"resources":[{}]}');
  claimWorkDir(newWd, manifest);
  expect(earlierTablesOf(newWd, manifest)).toEqual([oldWd]);
});

test('a work directory that cannot be created is a usage error, not a stack trace', () => {
  writeFileSync(join(dir, 'file'), '');
  expect(() => claimWorkDir(join(dir, 'file', 'wd'), { file: join(dir, 'm.yaml') })).toThrow(
    `cannot create the work directory ${join(dir, 'file', 'wd')}: ENOTDIR`,
  );
});

describe('a directory planton did not create is never taken over', () => {
  const manifest = () => ({ file: join(dir, 'orders.yaml') });

  test('an existing directory with files and no owner file is refused, naming a few of them, and left as it was', () => {
    const wd = join(dir, 'theirs');
    mkdirSync(join(wd, '.terraform'), { recursive: true });
    for (const name of ['main.tf', 'terraform.tfstate', 'variables.tf', 'outputs.tf', '.gitignore', 'README.md']) writeFileSync(join(wd, name), name);
    const before = readdirSync(wd).sort();
    const claim = () => claimWorkDir(wd, manifest());
    expect(claim).toThrow(UsageError);
    expect(claim).toThrow(
      `work directory ${wd} is not planton's: it holds .gitignore, .terraform/, README.md, main.tf, outputs.tf and 2 more, but no ${OWNER_FILE}; planton writes only into work directories it created`,
    );
    expect(readdirSync(wd).sort()).toEqual(before);
    expect(readFileSync(join(wd, '.gitignore'), 'utf8')).toBe('.gitignore');
  });

  test('an existing empty directory is taken, and a work directory of an earlier run (owner file present) is accepted again', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    claimWorkDir(empty, manifest());
    expect(readdirSync(empty).sort()).toEqual(['.gitignore', OWNER_FILE]);
    // What an earlier planton left: the owner file beside its state and root module.
    const earlier = join(dir, '.planton', 'orders');
    mkdirSync(earlier, { recursive: true });
    writeFileSync(join(earlier, OWNER_FILE), JSON.stringify({ manifest: '../../orders.yaml', at: '' }));
    writeFileSync(join(earlier, 'main.tf.json'), '{}');
    writeFileSync(join(earlier, 'terraform.tfstate'), '{"version":4}');
    expect(() => claimWorkDir(earlier, manifest())).not.toThrow();
  });

  test('a file, an unwritable directory and a directory that cannot be created are usage errors', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => claimWorkDir(join(dir, 'plain'), manifest())).toThrow(`cannot use ${join(dir, 'plain')} as the work directory: it is a file, not a directory`);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked, { mode: 0o555 });
      expect(() => claimWorkDir(locked, manifest())).toThrow(`cannot write in the work directory ${locked}: EACCES`);
    }
    if (existsSync('/proc/self')) {
      // /proc exists and is full of entries: not planton's. /proc/x cannot be made (ENOENT), and is said at once.
      expect(() => claimWorkDir('/proc', manifest())).toThrow(/^work directory \/proc is not planton's: it holds \S+, .* and \d+ more, but no \.planton-owner\.json/);
      expect(() => claimWorkDir('/proc/x', manifest())).toThrow('cannot create the work directory /proc/x: ENOENT');
    }
  });
});
