import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendInit, backendInitArgs, backupLocalState, retireLocalState, stateLocation } from '../../../src/workspace/backend-change.js';
import { UsageError } from '../../../src/errors.js';

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'planton-be-'))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** What tofu records in .terraform/terraform.tfstate after an init (every attribute, unset ones null). */
function initialised(type: string, config: Record<string, unknown>): void {
  mkdirSync(join(work, '.terraform'), { recursive: true });
  writeFileSync(join(work, '.terraform', 'terraform.tfstate'), JSON.stringify({ version: 3, backend: { type, config, hash: 1 } }));
}

const S3 = { bucket: 'team-state', key: 'dynamodb/orders.tfstate', region: 'us-east-1', endpoints: { s3: 'http://127.0.0.1:4568', dynamodb: null }, use_lockfile: false, encrypt: true, profile: null };
const rendered = (s3: Record<string, unknown>) => ({ s3 });

test('the state location names type, bucket, key, region and endpoint', () => {
  expect(stateLocation({ type: 'local', config: { path: 'terraform.tfstate', workspace_dir: null } })).toBe('the local file terraform.tfstate');
  expect(stateLocation({ type: 's3', config: S3 })).toBe('s3://team-state/dynamodb/orders.tfstate (region us-east-1, endpoint http://127.0.0.1:4568)');
  expect(stateLocation({ type: 's3', config: { bucket: 'b', key: 'k', region: 'eu-west-1', endpoint: 'http://old:9000' } })).toBe('s3://b/k (region eu-west-1, endpoint http://old:9000)');
});

test('before the first init there is nothing to compare', () => {
  expect(backendInit(work, rendered(S3))).toEqual({ kind: 'fresh' });
  expect(backendInitArgs(work, rendered(S3), false)).toEqual({ args: [] });
});

test('lock, encryption or path-style edits keep the state in place: init reconfigures, no flag needed', () => {
  initialised('s3', S3);
  const edited = { bucket: 'team-state', key: 'dynamodb/orders.tfstate', region: 'us-east-1', endpoints: { s3: 'http://127.0.0.1:4568' }, dynamodb_table: 'locks', encrypt: false };
  expect(backendInit(work, rendered(edited))).toEqual({ kind: 'same-place' });
  expect(backendInitArgs(work, rendered(edited), false)).toEqual({ args: ['-reconfigure'] });
});

test.each([
  ['bucket', { ...S3, bucket: 'other-state' }, 's3://other-state/dynamodb/orders.tfstate (region us-east-1, endpoint http://127.0.0.1:4568)'],
  ['key', { ...S3, key: 'dynamodb/renamed.tfstate' }, 's3://team-state/dynamodb/renamed.tfstate (region us-east-1, endpoint http://127.0.0.1:4568)'],
  ['endpoint', { ...S3, endpoints: { s3: 'https://minio:9000' } }, 's3://team-state/dynamodb/orders.tfstate (region us-east-1, endpoint https://minio:9000)'],
])('a new %s without --migrate-state stops with exit 1, names the flag and says where the state is', (_field, next, to) => {
  initialised('s3', S3);
  let thrown: unknown;
  try {
    backendInitArgs(work, rendered(next), false);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(UsageError);
  expect((thrown as UsageError).message).toBe(
    `the state backend changed: ${work} keeps its state in s3://team-state/dynamodb/orders.tfstate (region us-east-1, endpoint http://127.0.0.1:4568), the stack input now says ${to}`,
  );
  expect((thrown as UsageError).hint).toBe('Pass --migrate-state to copy the state there (the old copy stays where it is), or restore the old backend settings. Nothing was changed.');
});

test('--migrate-state from local state keeps a copy of the state file, then asks tofu to copy it over', () => {
  initialised('local', { path: 'terraform.tfstate', workspace_dir: null });
  writeFileSync(join(work, 'terraform.tfstate'), '{"serial": 7}\n');
  const r = backendInitArgs(work, rendered(S3), true);
  expect(r.args).toEqual(['-migrate-state', '-force-copy']);
  const backups = readdirSync(work).filter((n) => n.endsWith('.before-migrate'));
  expect(backups).toHaveLength(1);
  expect(readFileSync(join(work, backups[0]!), 'utf8')).toBe('{"serial": 7}\n');
  expect(r.note).toBe(
    `planton: --migrate-state: copying the state from the local file terraform.tfstate to s3://team-state/dynamodb/orders.tfstate (region us-east-1, endpoint http://127.0.0.1:4568) (local copy kept as ${join(work, backups[0]!)})`,
  );
});

test('after the move the old local state file goes, since its copy holds the same bytes; a changed file stays', () => {
  initialised('local', { path: 'terraform.tfstate', workspace_dir: null });
  writeFileSync(join(work, 'terraform.tfstate'), '{"serial": 7}\n');
  const plan = backendInitArgs(work, rendered(S3), true);
  const backup = readdirSync(work).find((n) => n.endsWith('.before-migrate'))!;
  expect(plan.afterInit!()).toBe(`planton: removed the migrated ${join(work, 'terraform.tfstate')}; its copy is ${join(work, backup)}`);
  expect(readdirSync(work).sort()).toEqual(['.terraform', backup]);

  writeFileSync(join(work, 'terraform.tfstate'), '{"serial": 8}\n');
  expect(retireLocalState(work, join(work, backup))).toBeUndefined();
  expect(readFileSync(join(work, 'terraform.tfstate'), 'utf8')).toBe('{"serial": 8}\n');
});

test('a state file without an init record (.terraform/ deleted) counts as local state: moving it needs the flag', () => {
  writeFileSync(join(work, 'terraform.tfstate'), '{"serial": 3}\n');
  expect(backendInit(work, rendered(S3))).toEqual({
    kind: 'moved',
    from: 'the local file terraform.tfstate',
    to: 's3://team-state/dynamodb/orders.tfstate (region us-east-1, endpoint http://127.0.0.1:4568)',
  });
  expect(() => backendInitArgs(work, rendered(S3), false)).toThrow(UsageError);
  // An empty file (what tofu leaves after some migrations) or the local backend itself is no move.
  writeFileSync(join(work, 'terraform.tfstate'), '');
  expect(backendInit(work, rendered(S3))).toEqual({ kind: 'fresh' });
  writeFileSync(join(work, 'terraform.tfstate'), '{"serial": 3}\n');
  expect(backendInit(work, { local: { path: 'terraform.tfstate' } })).toEqual({ kind: 'fresh' });
});

test('a backup is named by the time and skipped when there is no state or it is empty', () => {
  expect(backupLocalState(work)).toBeUndefined();
  writeFileSync(join(work, 'terraform.tfstate'), '');
  expect(backupLocalState(work)).toBeUndefined();
  writeFileSync(join(work, 'terraform.tfstate'), '{}');
  expect(backupLocalState(work, new Date('2026-11-27T14:53:42.123Z'))).toBe(join(work, 'terraform.tfstate.20261127T145342Z.before-migrate'));
});
