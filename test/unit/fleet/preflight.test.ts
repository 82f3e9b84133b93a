// The fleet's injectable preflight, and Ctrl-C between manifests, without terraform: a preflight that
// knows a manifest's verdict is reported as it is, the rest run; a signal skips what has not started
// and the run exits 128 + the signal's number.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fleet } from '../../../src/commands/fleet.js';
import { planEverything, type Preflight } from '../../../src/fleet/preflight.js';
import { optionValues, TOFU_OPTION_NAMES, type TofuOptions } from '../../../src/commands/options.js';
import { memoryIo } from '../../../src/io.js';
import { result } from './results.js';

const INVALID = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: o }\nspec:\n  partitionKey: { name: id, type: STRING }\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-preflight-'));
  for (const f of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(join(dir, f), INVALID);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (over: Partial<TofuOptions>): TofuOptions => ({ ...optionValues(TOFU_OPTION_NAMES, () => undefined), invocation: [], ...over });

test('results the preflight returns are reported as they are; the others are run', async () => {
  let asked: string[] = [];
  const preflight: Preflight = async (files) => {
    asked = files;
    return new Map([['a.yaml', result({ file: 'a.yaml', table: 'aaa', verdict: 'no-changes', reason: 'the live table matches the manifest', seconds: 0.3 })]]);
  };
  const io = memoryIo(dir, { PATH: '/nonexistent' });
  const code = await fleet('plan', options({ manifests: ['.'], detailedExitcode: true, format: 'json', parallelism: '1' }), io, { preflight });
  expect(asked).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  expect(code).toBe(1);
  const doc = JSON.parse(io.out);
  expect(doc.manifests.map((m: { file: string; verdict: string; reason: string | null }) => [m.file, m.verdict, m.reason])).toEqual([
    ['a.yaml', 'no-changes', 'the live table matches the manifest'],
    ['b.yaml', 'invalid', null],
    ['c.yaml', 'invalid', null],
  ]);
  expect(io.err).toContain('planton: a.yaml: done in 0.3 s: no changes\n');
});

test('the default preflight plans everything', async () => {
  expect(await planEverything(['a.yaml'], options({}), memoryIo(dir))).toEqual(new Map());
});

test('refresh and plan --destroy get no preflight: only a plan can be answered by reading', async () => {
  let calls = 0;
  const preflight: Preflight = async () => {
    calls++;
    return new Map();
  };
  await fleet('refresh', options({ manifests: ['.'] }), memoryIo(dir, { PATH: '/nonexistent' }), { preflight });
  await fleet('plan', options({ manifests: ['.'], destroy: true }), memoryIo(dir, { PATH: '/nonexistent' }), { preflight });
  expect(calls).toBe(0);
});

test('Ctrl-C during the run: nothing new starts, the rest are skipped, exit 130', async () => {
  const preflight: Preflight = async () => {
    process.emit('SIGINT', 'SIGINT');
    return new Map();
  };
  const io = memoryIo(dir, { PATH: '/nonexistent' });
  const code = await fleet('plan', options({ manifests: ['.'], format: 'json' }), io, { preflight });
  expect(code).toBe(130);
  expect(io.err).toContain('planton: SIGINT received; the running manifests stop cleanly, the others do not start\n');
  const doc = JSON.parse(io.out);
  expect(doc.exitCode).toBe(130);
  expect(doc.manifests.map((m: { verdict: string; reason: string }) => [m.verdict, m.reason])).toEqual([
    ['skipped', 'not started: SIGINT received'],
    ['skipped', 'not started: SIGINT received'],
    ['skipped', 'not started: SIGINT received'],
  ]);
  // The fleet's signal handler is gone once it returns.
  expect(process.listenerCount('SIGINT')).toBe(0);
});

test('--fail-fast: after the first failing manifest the others are skipped', async () => {
  const io = memoryIo(dir, { PATH: '/nonexistent' });
  const code = await fleet('plan', options({ manifests: ['.'], failFast: true, parallelism: '1', format: 'json' }), io, { preflight: planEverything });
  expect(code).toBe(1);
  expect(JSON.parse(io.out).manifests.map((m: { verdict: string; reason: string | null }) => [m.verdict, m.reason])).toEqual([
    ['invalid', null],
    ['skipped', 'not started: --fail-fast after a failure (a.yaml)'],
    ['skipped', 'not started: --fail-fast after a failure (a.yaml)'],
  ]);
});

test('two manifests of one run naming the same table: the second fails, naming the first (they would share a state)', async () => {
  const VALID = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: orders }\nspec:\n  partitionKey: { name: id, type: STRING }\n';
  writeFileSync(join(dir, 'a.yaml'), VALID);
  writeFileSync(join(dir, 'b.yaml'), VALID);
  // No terraform on PATH: the first run fails there, after it has claimed the table.
  const io = memoryIo(dir, { PATH: '/nonexistent', AWS_REGION: 'us-east-1' });
  const code = await fleet('plan', options({ manifests: ['a.yaml', 'b.yaml'], parallelism: '1', format: 'json' }), io, { preflight: planEverything });
  expect(code).toBe(1);
  const [a, b] = JSON.parse(io.out).manifests;
  expect(a).toMatchObject({ file: 'a.yaml', table: 'orders', verdict: 'failed' });
  expect(b).toMatchObject({ file: 'b.yaml', table: 'orders', verdict: 'failed', reason: "table 'orders' is also the table of a.yaml in this run (Give each table one manifest.)" });
});

describe('one approval for the whole fleet at a terminal', () => {
  const tty = (answer: string) => ({ isTTY: true, stream: Readable.from([answer]) });

  test('nothing to change: said so, nothing asked, exit 0', async () => {
    const preflight: Preflight = async (files) => new Map(files.map((f) => [f, result({ file: f, table: f.replace('.yaml', '-t'), verdict: 'no-changes' })]));
    const io = memoryIo(dir, { PATH: '/nonexistent' }, tty('yes\n'));
    expect(await fleet('apply', options({ manifests: ['.'] }), io, { preflight })).toBe(0);
    expect(io.err).toMatch(/planton plan: 3 manifests in \d+\.\d s: 3 unchanged\n/);
    expect(io.err).toMatch(/\nplanton: no changes; nothing to apply\n$/);
    expect(io.out).toBe('');
  });

  test('the plan shown, one question naming the tables, and "no" applies nothing', async () => {
    const preflight: Preflight = async (files) => new Map(files.map((f) => [f, result({ file: f, table: f.replace('.yaml', '-t'), verdict: f === 'b.yaml' ? 'no-changes' : 'changes' })]));
    const io = memoryIo(dir, { PATH: '/nonexistent' }, tty('no\n'));
    expect(await fleet('apply', options({ manifests: ['.'] }), io, { preflight })).toBe(1);
    expect(io.err).toContain("Apply these changes to 2 tables a-t, c-t?\n  Only 'yes' will be accepted: planton: apply cancelled\n");
    expect(io.out).toBe('');
  });
});
