import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
