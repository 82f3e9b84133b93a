// The README's quoted commands that need no terraform (validate, help) still print what the README
// says. The whole tour is `npm run readme:check`. Runs the built CLI (dist/, built by `npm test`).
import { execa } from 'execa';
import { readFileSync } from 'node:fs';

test('the README quotes validate as it really answers', async () => {
  const r = await execa('node', ['scripts/readme-check.mjs', '--quick'], { reject: false });
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^([3-9]|\d\d+) README commands re-run, 0 differ$/);
  expect(r.exitCode).toBe(0);
});

test('the README begins with the two commands for a fresh machine', () => {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  expect(lines.slice(2, 6)).toEqual([
    '```sh',
    expect.stringMatching(/^npm ci && npm run planton -- tofu apply --local --auto-approve +# /),
    // Measured (docs/development.md, Test time): 534 s of jest on a quiet 2-core machine, two files at a time.
    expect.stringMatching(/^npm test +# every test: ~9 min on 2 quiet cores \(more on a busy machine\); `npm run test:unit` is the ~30 s subset$/),
    '```',
  ]);
});

test('the full check runs the tour as a user types it: the first command, then `npm link`, not npm ci or npm test', async () => {
  const { tourShellCommands } = (await import('../../scripts/readme-check.mjs' as string)) as { tourShellCommands: (md: string) => string[] };
  expect(tourShellCommands(readFileSync('README.md', 'utf8'))).toEqual(['npm run planton -- tofu apply --local --auto-approve', 'npm link']);
  expect(tourShellCommands('```sh\nnpm ci && npm run x   # note\n\nnpm test  # all\n```\n\n## Installing\n```sh\nnpm pack\n```\n')).toEqual(['npm run x']);
});
