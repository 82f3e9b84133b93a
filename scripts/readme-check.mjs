// Re-runs the commands the README quotes with their output (```console blocks, `$ planton …` lines)
// and compares what they print now with what the README says. In the quoted output, a line `…` stands
// for any number of lines and `…` inside a line for any text (ports, paths, timings).
//
//   node scripts/readme-check.mjs           every block, in order, after the README's first command (the tour:
//                                           DynamoDB Local and terraform, ~2 min)
//   node scripts/readme-check.mjs --quick   only blocks whose commands run no terraform (validate, help, schema)
//
// Commands run from the repository root through a `planton` shim for dist/planton.cjs, stdout and stderr
// merged as a terminal shows them, with NO_COLOR=1. Exit 1 and a diff when any block differs.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
const quick = process.argv.includes('--quick');

/** Each console block: its commands with the output quoted under each. */
export function consoleBlocks(markdown) {
  const blocks = [];
  for (const m of markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    const steps = [];
    for (const line of m[1].split('\n').slice(0, -1)) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
      else if (steps.length > 0) steps.at(-1).expected.push(line);
    }
    blocks.push(steps);
  }
  return blocks;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the actual lines fit the expected ones (`…` lines and `…` inside lines are wildcards). */
export function matches(expected, actual) {
  const source = expected
    .map((line) => (line === '…' ? '(?:[^\\n]*\\n)*?' : line.split('…').map(escape).join('[^\\n]*') + '\\n'))
    .join('');
  return new RegExp(`^${source}$`).test(actual.map((l) => l + '\n').join(''));
}

const runsTofu = (command) => /\bplanton (tofu|import|local)\b/.test(command);

function main() {
  const blocks = consoleBlocks(readFileSync(join(repo, 'README.md'), 'utf8'));
  const bin = mkdtempSync(join(tmpdir(), 'planton-readme-'));
  writeFileSync(join(bin, 'planton'), `#!/bin/sh\nexec node ${join(repo, 'dist', 'planton.cjs')} "$@"\n`);
  chmodSync(join(bin, 'planton'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', CHECKPOINT_DISABLE: '1' };
  delete env.FORCE_COLOR;
  if (!env.PLANTON_PLUGIN_DIR && existsSync('/opt/tf-plugins')) env.PLANTON_PLUGIN_DIR = '/opt/tf-plugins';
  let failed = 0;
  let ran = 0;
  try {
    // The tour starts where the README's first command leaves a fresh clone: the default table exists.
    if (!quick) execFileSync('/bin/sh', ['-c', 'planton tofu apply --local --auto-approve >/dev/null 2>&1'], { cwd: repo, env, stdio: 'ignore' });
    for (const steps of blocks) {
      if (quick && steps.some((s) => runsTofu(s.command))) continue;
      for (const { command, expected } of steps) {
        let output;
        try {
          output = execFileSync('/bin/sh', ['-c', `${command} 2>&1`], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (err) {
          output = err.stdout ?? '';
        }
        ran++;
        const actual = output.replace(/\n$/, '').split('\n');
        if (output === '') actual.length = 0;
        if (!matches(expected, actual)) {
          failed++;
          process.stderr.write(`README differs for \`$ ${command}\`\n--- README\n${expected.join('\n')}\n--- now\n${actual.join('\n')}\n\n`);
        }
      }
    }
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
  process.stdout.write(`${ran} README commands re-run, ${failed} differ\n`);
  process.exitCode = failed > 0 || ran === 0 ? 1 : 0;
}

if (process.argv[1] === new URL(import.meta.url).pathname) main();
