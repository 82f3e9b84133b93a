// `planton validate` through the fast path (dist/planton.cjs) prints and exits exactly as the full CLI
// (dist/bin.js) does. dist/ is built by `npm test` before jest runs.
import { execa } from 'execa';
import { join } from 'node:path';
import { packageRoot } from '../../../src/files/paths.js';

const run = (entry: string, args: string[]) =>
  execa('node', [join(packageRoot, 'dist', entry), ...args], { cwd: packageRoot, reject: false, env: { NO_COLOR: '1' }, extendEnv: false });

test.each([
  [['validate']],
  [['validate', 'hack/examples/', '--json']],
  [['validate', 'hack/examples/invalid/bad.yaml', '-m', 'hack/manifest.yaml']],
  [['validate', 'missing.yaml', 'nothing-*.yaml']],
  [['validate', '--set', 'spec.billingMode=NOPE', 'hack/manifest.yaml']],
])('the fast path and the full CLI agree on %j', async (args) => {
  const fast = await run('planton.cjs', args);
  const full = await run('bin.js', args);
  expect({ code: fast.exitCode, out: fast.stdout, err: fast.stderr }).toEqual({ code: full.exitCode, out: full.stdout, err: full.stderr });
  expect(fast.stdout + fast.stderr).not.toBe('');
});
