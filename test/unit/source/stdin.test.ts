// `-m -` (and `validate -`): the manifest comes through a pipe, read once with the same byte cap as a
// file. Runs the built CLI (npm test builds first), since only a real process has a real stdin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repo.js';

const bin = join(repoRoot, 'dist', 'bin.js');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-stdin-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function planton(args: string[], input: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const TYPO = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: piped-orders\nspec:\n  billingmode: PAY_PER_REQUEST\n  partitionKey: { name: id, type: STRING }\n';

test('a piped manifest is validated and located as `-`', () => {
  expect(planton(['validate', '-m', '-'], TYPO)).toEqual({
    code: 1,
    out: '-:6:3  spec.billingmode  unknown field `billingmode`; did you mean `billingMode`?\n-: invalid (1 error)\n',
    err: 'planton: manifest read from stdin (kept in .planton/stdin/manifest.yaml)\n',
  });
  expect(readFileSync(join(dir, '.planton', 'stdin', 'manifest.yaml'), 'utf8')).toBe(TYPO);
});

test('load-tfvars reads `-f -` like a file', () => {
  const r = planton(['tofu', 'load-tfvars', '-f', '-'], TYPO.replace('billingmode', 'billingMode'));
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ table_name: 'piped-orders', hash_key: 'id', billing_mode: 'PAY_PER_REQUEST' });
});

test('an endless stream is cut at the byte cap: one sentence, exit 1, nothing kept', () => {
  expect(planton(['validate', '-'], Buffer.alloc(300 * 1024))).toEqual({
    code: 1,
    out: '',
    err: 'planton: stdin holds more than 128 KiB; a manifest is at most that\n  Is this the right file?\n',
  });
});
