// The preflight's answers that need no terraform: whatever it cannot be sure of is left to a real plan.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOf, fieldOf, TOFU_OPTION_NAMES, type TofuOptions } from '../../../src/commands/options.js';
import { memoryIo } from '../../../src/io.js';
import { preflightPlans } from '../../../src/live/preflight.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-preflight-'));
  writeFileSync(join(dir, 'a.yaml'), 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: orders }\nspec:\n  partitionKey: { name: id, type: STRING }\n');
  writeFileSync(join(dir, 'bad.yaml'), 'kind: AwsDynamodb\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (more: Partial<TofuOptions> = {}): TofuOptions =>
  ({ ...Object.fromEntries(TOFU_OPTION_NAMES.filter((n) => n !== 'f').map((n) => [fieldOf(n), defaultOf(n)])), invocation: [], local: true, ...more }) as TofuOptions;
const io = () => memoryIo(dir, { PATH: process.env.PATH, PLANTON_TOFU_BIN: process.env.PLANTON_TOFU_BIN ?? 'terraform' });

test.each([
  ['--adopt', { adopt: true }],
  ['--destroy', { destroy: true }],
  ['--workdir', { workdir: 'w' }],
  ['--kustomize-dir', { kustomizeDir: 'k', overlay: 'dev' }],
  ['--migrate-state', { migrateState: true }],
])('with %s every manifest gets its plan', async (_, more) => {
  const m = io();
  expect(await preflightPlans(['a.yaml'], options(more), m)).toEqual(new Map());
  expect(m.err + m.out).toBe('');
});

test('a manifest never applied, an invalid one, a missing file and a URL all get their plan, quietly', async () => {
  const m = io();
  expect(await preflightPlans(['a.yaml', 'bad.yaml', 'gone.yaml', 'https://example.invalid/x.yaml'], options(), m)).toEqual(new Map());
  expect(m.err + m.out).toBe('');
});

test('a stack input planton cannot use is no reason to fail: the plans will say it', async () => {
  expect(await preflightPlans(['a.yaml'], options({ local: false, stackInput: 'missing.yaml' }), io())).toEqual(new Map());
});

test('takes the options of a tofu command as they are', () => {
  // The fleet hands it TofuOptions: they must stay assignable to what the preflight reads.
  const asPreflight: Parameters<typeof preflightPlans>[1] = options();
  expect(asPreflight.local).toBe(true);
});
