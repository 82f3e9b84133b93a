#!/usr/bin/env node
// npm run soak -- --steps N --seed S: the random walk of test/e2e/walk.test.ts, as long as asked.
// Without --seed a random one is drawn and printed, so any failure can be replayed.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '25' }, seed: { type: 'string' } } });
const steps = Number(values.steps);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(steps) || steps < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('usage: npm run soak -- [--steps N] [--seed S]   (N >= 1, S a whole number >= 0)');
  process.exit(1);
}
console.error(`soak: seed ${seed}, ${steps} steps`);
const r = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', 'test/e2e/walk.test.ts'],
  { stdio: 'inherit', env: { ...process.env, PLANTON_WALK_STEPS: String(steps), PLANTON_WALK_SEED: String(seed), PLANTON_WALK_VERBOSE: '1' } },
);
process.exit(r.status ?? 1);
