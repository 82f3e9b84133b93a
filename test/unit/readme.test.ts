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
    expect.stringMatching(/^npm test +# .*~15 min.*npm run test:unit/),
    '```',
  ]);
});
