// npm run bench: planton's overhead measured as ratios within one run on this machine.
// Results go to stdout and bench/results.md (with date and machine). Nothing here asserts a time.
import { execa } from 'execa';
import { cpus, totalmem, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = resolve(import.meta.dirname, '..');
// The machine's offline provider mirror, when it has one (as for the tests); never required.
if (!process.env.PLANTON_PLUGIN_DIR && existsSync('/opt/tf-plugins')) process.env.PLANTON_PLUGIN_DIR = '/opt/tf-plugins';
const bin = join(repo, 'dist', 'planton.cjs');
const examples = readdirSync(join(repo, 'hack/examples')).filter((f) => f.endsWith('.yaml')).sort();
const lines = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timeIt(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** Runs a command, failing the bench loudly if it fails: a bench of a broken command measures nothing. */
async function must(file, args, opts = {}) {
  const r = await execa(file, args, { reject: false, all: true, ...opts });
  if (r.exitCode !== 0) {
    console.error(r.all);
    throw new Error(`bench: ${file} ${args.join(' ')} exited ${r.exitCode}`);
  }
  return r;
}

async function coldValidate() {
  const manifest = join(repo, 'hack/examples/sessions-autoscaling.yaml');
  const rounds = 15;
  const node = [];
  const planton = [];
  // Interleave so machine load affects both sides alike.
  for (let i = 0; i < rounds; i++) {
    node.push(await timeIt(() => must(process.execPath, ['-e', '0'])));
    planton.push(await timeIt(() => must(process.execPath, [bin, 'validate', '--manifest', manifest])));
  }
  const ratio = median(planton) / median(node);
  say(`| cold \`planton validate\` (full manifest) vs \`node -e 0\` | ${ms(median(planton))} vs ${ms(median(node))} | **${ratio.toFixed(2)}×** (target ≤ 1.8×) |`);
}

async function throughput() {
  const { loadManifest } = await import(join(repo, 'dist/api-manifest.js'));
  const files = examples.slice(0, 10).map((f) => join(repo, 'hack/examples', f));
  const { readFileSync } = await import('node:fs');
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
  const passes = 1000;
  const start = performance.now();
  for (let i = 0; i < passes; i++) {
    for (const [file, text] of texts) {
      const { result } = await loadManifest({ file, text });
      if (result.status !== 'valid') throw new Error(`bench: ${file} is not valid`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const n = passes * texts.length;
  say(`| validation throughput, ${texts.length} examples × ${passes} in one process | ${seconds.toFixed(1)} s | **${Math.round(n / seconds)} manifests/s** |`);
}

const ms = (s) => `${Math.round(s * 1000)} ms`;
const sec = (s) => `${s.toFixed(1)} s`;

async function tofuBenches() {
  const { startDynamoDbLocal } = await import(join(repo, 'dist/api-local-server.js'));
  const work = mkdtempSync(join(tmpdir(), 'planton-bench-'));
  try {
    const startup = [];
    let server;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      server = await startDynamoDbLocal({ dataDir: join(work, `ddb-${i}`) });
      startup.push((performance.now() - t0) / 1000);
      if (i < 2) await server.stop();
    }
    say(`| DynamoDB Local start-up (until it answers) | ${sec(median(startup))} | median of 3 |`);

    mkdirSync(join(work, 'hack'));
    copyFileSync(join(repo, 'hack/manifest.yaml'), join(work, 'hack/manifest.yaml'));
    writeFileSync(
      join(work, 'stack-input.yaml'),
      `provider_config:\n  region: us-east-1\n  accessKeyId: bench\n  secretAccessKey: bench-secret-key-0000\n  endpoint: ${server.endpoint}\n`,
      { mode: 0o600 },
    );
    const env = { ...process.env, NO_COLOR: '1', CHECKPOINT_DISABLE: '1' };
    // Through a plain endpoint planton cannot know it talks to DynamoDB Local, which lacks PITR (on by default).
    const planton = (...args) =>
      must(process.execPath, [bin, 'tofu', ...args, '--stack-input', 'stack-input.yaml', '--set', 'spec.pointInTimeRecovery.enabled=false', '--no-color'], { cwd: work, env });

    const firstPlan = await timeIt(() => planton('plan'));
    const secondPlan = await timeIt(() => planton('plan'));
    await planton('apply', '--auto-approve');
    const workdir = join(work, 'hack', '.planton', 'xfusion-users');
    const childEnv = { ...env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench-secret-key-0000', AWS_REGION: 'us-east-1', TF_IN_AUTOMATION: '1' };
    const tfBin = process.env.PLANTON_TOFU_BIN ?? 'terraform';
    const warm = [];
    const byHand = [];
    const byHandTuned = [];
    // planton gives tofu GOGC=400 (docs/local-timings.md); the third column gives the hand run the same,
    // so the ratio against it is planton's own overhead and nothing else.
    for (let i = 0; i < 3; i++) {
      warm.push(await timeIt(() => planton('plan')));
      byHand.push(await timeIt(() => must(tfBin, ['plan', '-input=false', '-no-color'], { cwd: workdir, env: childEnv })));
      byHandTuned.push(await timeIt(() => must(tfBin, ['plan', '-input=false', '-no-color'], { cwd: workdir, env: { ...childEnv, GOGC: '400' } })));
    }
    say(`| warm \`planton tofu plan\` vs \`${tfBin} plan\` by hand in the work dir | ${sec(median(warm))} vs ${sec(median(byHand))} | **${(median(warm) / median(byHand)).toFixed(2)}×** (target ≤ 1.05×) |`);
    say(`| warm \`planton tofu plan\` vs the same by hand with planton's GOGC=400 (planton's own overhead) | ${sec(median(warm))} vs ${sec(median(byHandTuned))} | **${(median(warm) / median(byHandTuned)).toFixed(2)}×** |`);
    const initArgs = ['init', '-input=false', '-no-color', ...(process.env.PLANTON_PLUGIN_DIR ? [`-plugin-dir=${process.env.PLANTON_PLUGIN_DIR}`] : [])];
    const reinit = await timeIt(async () => {
      await must(tfBin, initArgs, { cwd: workdir, env: childEnv });
      await must(tfBin, ['plan', '-input=false', '-no-color'], { cwd: workdir, env: childEnv });
    });
    say(`| init skipping: first \`planton tofu plan\` (runs init) vs second | ${sec(firstPlan)} vs ${sec(secondPlan)} | **${sec(firstPlan - secondPlan)} saved** |`);
    say(`| init skipping: always re-init + plan (Project Planton's way) vs warm planton plan | ${sec(reinit)} vs ${sec(median(warm))} | **${sec(reinit - median(warm))} saved per run** |`);
    await planton('destroy', '--auto-approve');
    await server.stop();

    const local = (...args) => must(process.execPath, [bin, 'tofu', ...args, '--local', '--no-color'], { cwd: work, env });
    const apply = await timeIt(() => local('apply', '--auto-approve'));
    const plan = await timeIt(() => local('plan'));
    const destroy = await timeIt(() => local('destroy', '--auto-approve'));
    say(`| \`--local\` on hack/manifest.yaml: apply / plan / destroy (each includes DynamoDB Local start-up) | ${sec(apply)} / ${sec(plan)} / ${sec(destroy)} | start-up ≈ ${sec(median(startup))} of each |`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const tfVersion = (await execa(process.env.PLANTON_TOFU_BIN ?? 'terraform', ['version'], { reject: false })).stdout.split('\n')[0];
say(`# planton benchmarks`);
say();
say(`${when} UTC · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${tfVersion}`);
say();
say('| what | measured | result |');
say('|---|---|---|');
await coldValidate();
await throughput();
await tofuBenches();
writeFileSync(join(repo, 'bench/results.md'), `${lines.join('\n')}\n`);
console.log('\nwritten to bench/results.md');
