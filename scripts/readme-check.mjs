// Re-runs the commands the README quotes with their output (```console blocks, `$ planton …` lines)
// and compares what they print now with what the README says. In the quoted output, a line `…` stands
// for any number of lines and `…` inside a line for any text (ports, paths, timings).
//
//   node scripts/readme-check.mjs           the tour as a user runs it: first the ```sh commands above and
//                                           in the Quick tour (the README's first command, `npm link`), then
//                                           every console block in order (DynamoDB Local and terraform, ~3 min)
//   node scripts/readme-check.mjs --quick   only blocks whose commands run no terraform (validate, help, schema),
//                                           through a `planton` shim for dist/planton.cjs
//
// The tour runs with the caller's environment as it is (no PLANTON_PLUGIN_DIR is added: on an offline
// machine it must work as the README says, or the check fails), through the `planton` that `npm link`
// puts on PATH; the link goes into a temporary npm prefix, so the caller's global packages are left
// alone. `npm ci` (done by whoever runs the check) and `npm test` are not re-run. Commands run from the
// repository root, stdout and stderr merged as a terminal shows them, with NO_COLOR=1. Exit 1 and a
// diff when any block differs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The shell commands of the README's ```sh blocks up to the end of the Quick tour, one per `&&` part,
 * comments dropped: what a new user types before the tour's console blocks.
 */
export function tourShellCommands(markdown) {
  const tour = markdown.slice(0, markdown.indexOf('\n## Installing'));
  const commands = [];
  for (const m of tour.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    for (const line of m[1].split('\n')) {
      const code = line.replace(/\s+#.*$/, '').trim();
      if (code !== '') commands.push(...code.split('&&').map((c) => c.trim()));
    }
  }
  // `npm ci` was done by whoever runs the check (it would replace node_modules under it); `npm test` is the suite.
  return commands.filter((c) => c !== 'npm ci' && c !== 'npm test');
}

function run(command, env) {
  try {
    return execFileSync('/bin/sh', ['-c', `${command} 2>&1`], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    return err.stdout ?? '';
  }
}

/** The environment of a check: the caller's, colours off; the tour's `planton` is the linked one in `prefix`. */
function checkEnv(prefix) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  // npm sets these for `npm run readme:check`; a user's shell has none of them.
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  if (prefix) Object.assign(env, { npm_config_prefix: prefix, PATH: `${join(prefix, 'bin')}:${env.PATH}` });
  return env;
}

function main() {
  const markdown = readFileSync(join(repo, 'README.md'), 'utf8');
  const blocks = consoleBlocks(markdown);
  const scratch = mkdtempSync(join(tmpdir(), 'planton-readme-'));
  let env;
  if (quick) {
    mkdirSync(join(scratch, 'bin'));
    writeFileSync(join(scratch, 'bin', 'planton'), `#!/bin/sh\nexec node ${join(repo, 'dist', 'planton.cjs')} "$@"\n`);
    chmodSync(join(scratch, 'bin', 'planton'), 0o755);
    env = { ...checkEnv(), PATH: `${join(scratch, 'bin')}:${process.env.PATH}` };
  } else {
    env = checkEnv(scratch);
  }
  let failed = 0;
  let ran = 0;
  try {
    if (!quick) {
      for (const command of tourShellCommands(markdown)) {
        let ok = true;
        let output = '';
        try {
          output = execFileSync('/bin/sh', ['-c', `${command} 2>&1`], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (err) {
          ok = false;
          output = err.stdout ?? String(err);
        }
        ran++;
        if (!ok) {
          failed++;
          process.stderr.write(`README command failed: \`${command}\`\n${output}\n`);
        }
      }
      const linked = run('command -v planton', env).trim();
      if (linked !== join(scratch, 'bin', 'planton')) {
        failed++;
        process.stderr.write(`the tour's \`planton\` is ${linked || 'not on PATH'}, not the one \`npm link\` made in ${join(scratch, 'bin')}\n`);
      }
    }
    for (const steps of blocks) {
      if (quick && steps.some((s) => runsTofu(s.command))) continue;
      for (const { command, expected } of steps) {
        const output = run(command, env);
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
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`${ran} README commands re-run, ${failed} differ\n`);
  process.exitCode = failed > 0 || ran === 0 ? 1 : 0;
}

if (process.argv[1] === new URL(import.meta.url).pathname) main();
