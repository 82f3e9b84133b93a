// npm run bench: planton's overhead measured as ratios within one run on this machine.
// Results go to stdout and docs/benchmarks.md (with date and machine). Nothing here asserts a time.
// Every comparison runs its two sides in turn (A B A B ...) and takes the median of the per-pair ratios,
// so load from other work on the machine falls on both sides alike.
// `node bench/run.mjs --section fleet[,tofu,...]` runs some sections only (SECTIONS below) and rewrites
// only their part of docs/benchmarks.md; `--quick` is a smoke run (fewer rounds, 3 tables in the fleet)
// that prints and writes nothing to docs.
import { execa } from 'execa';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fleetBenches } from './fleet.mjs';
import { median, ms, must, pairedRatio, sec, timeIt } from './measure.mjs';

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

async function coldValidate() {
  const manifest = join(repo, 'hack/examples/sessions-autoscaling.yaml');
  const rounds = 21;
  const node = [];
  const planton = [];
  const fullCli = [];
  // One run first, so the code cache exists: every later start is a cold process with a warm cache.
  await must(process.execPath, [bin, 'validate', '--manifest', manifest]);
  for (let i = 0; i < rounds; i++) {
    node.push(await timeIt(() => must(process.execPath, ['-e', '0'])));
    planton.push(await timeIt(() => must(process.execPath, [bin, 'validate', '--manifest', manifest])));
    fullCli.push(await timeIt(() => must(process.execPath, [join(repo, 'dist', 'bin.js'), 'validate', '--manifest', manifest])));
  }
  say(`| cold \`planton validate\` (full manifest) vs \`node -e 0\` | ${ms(median(planton))} vs ${ms(median(node))} | **${pairedRatio(planton, node).toFixed(2)}×** (target ≤ 1.5×) |`);
  say(`| the same through the full CLI (commander, ES modules, no code cache: what the fast path avoids) | ${ms(median(fullCli))} vs ${ms(median(node))} | ${pairedRatio(fullCli, node).toFixed(2)}× |`);
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

/**
 * Plan then apply, with a change each time (the table's stream on, then off again): planton's two
 * commands against terraform's own floor in the same work directory (`plan -out`, then `apply` of that
 * file; no init, no show), given planton's GOGC so the ratio is planton's overhead alone. The third
 * column is planton the old way (PLANTON_ASK_TOFU=1: `show -json` after the plan, `output -json` after
 * the apply), to show what reading the plan file and the state saves.
 */
async function planApplyFlow({ planton, workdir, childEnv, tfBin }) {
  const streamOn = ['--set', 'spec.stream.enabled=true', '--set', 'spec.stream.viewType=NEW_IMAGE'];
  const tfvarsFile = join(workdir, 'terraform.tfvars.json');
  const floorEnv = { ...childEnv, GOGC: '400' };
  const flow = [];
  const asked = [];
  const floor = [];
  const floorOnce = async () => {
    // By hand: the stream off again, planned into a file and that file applied.
    const tfvars = JSON.parse(readFileSync(tfvarsFile, 'utf8'));
    writeFileSync(tfvarsFile, JSON.stringify({ ...tfvars, stream_enabled: false, stream_view_type: null }, null, 2) + '\n');
    return timeIt(async () => {
      await must(tfBin, ['plan', '-input=false', '-no-color', '-out=floor.tfplan'], { cwd: workdir, env: floorEnv });
      await must(tfBin, ['apply', '-input=false', '-no-color', 'floor.tfplan'], { cwd: workdir, env: floorEnv });
    });
  };
  const plantonOnce = (extraEnv = {}) =>
    timeIt(async () => {
      const env = { ...process.env, NO_COLOR: '1', CHECKPOINT_DISABLE: '1', ...extraEnv };
      const p = await planton('plan', ...streamOn, { env });
      if (!p.stdout.includes('Changes in manifest terms:')) throw new Error('bench: planton plan printed no summary in manifest terms');
      await planton('apply', '--auto-approve', ...streamOn, { env });
    });
  for (let i = 0; i < 3; i++) {
    flow.push(await plantonOnce());
    floor.push(await floorOnce());
    asked.push(await plantonOnce({ PLANTON_ASK_TOFU: '1' }));
    // asked[i] is paired with the floor run after it
    floor.push(await floorOnce());
  }
  const floorAfterFlow = floor.filter((_, i) => i % 2 === 0);
  const floorAfterAsked = floor.filter((_, i) => i % 2 === 1);
  rmSync(join(workdir, 'floor.tfplan'), { force: true });
  // Each pair's ratio is shown too: under load one slow pair moves the medians of the times apart.
  const pairs = flow.map((x, i) => (x / floorAfterFlow[i]).toFixed(2)).join(', ');
  say(`| \`planton plan\` then \`planton apply\` (a change each time) vs \`${tfBin} plan -out\` then \`apply\` of it by hand (the floor) | ${sec(median(flow))} vs ${sec(median(floorAfterFlow))}; pairs ${pairs} | **${pairedRatio(flow, floorAfterFlow).toFixed(2)}×** (target ≤ 1.05×) |`);
  say(`| the same with PLANTON_ASK_TOFU=1 (\`show -json\` after the plan, \`output -json\` after the apply: the old way) | ${sec(median(asked))} vs ${sec(median(floorAfterAsked))} | ${pairedRatio(asked, floorAfterAsked).toFixed(2)}× |`);
}

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
    // The last argument may be execa options (another environment).
    const planton = (...args) => {
      const opts = typeof args.at(-1) === 'object' ? args.pop() : {};
      return must(process.execPath, [bin, 'tofu', ...args, '--stack-input', 'stack-input.yaml', '--set', 'spec.pointInTimeRecovery.enabled=false', '--no-color'], { cwd: work, env, ...opts });
    };

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
    await planApplyFlow({ planton, workdir, childEnv, tfBin });
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

const INTRO = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs), which builds and then measures planton against what it
stands beside: a bare \`node -e 0\`, terraform run by hand in planton's own work directory, and (for
fleets) the same manifests planned one by one. Each comparison runs both sides in turn and gives the
median of the per-pair ratios, so other work on the machine falls on both alike; the machine, the date
and the load are on each table's first line. Nothing asserts a time. \`node bench/run.mjs --section
fleet\` runs one section (and rewrites only its table); \`--quick\` is a smoke run that writes nothing.`;

const WHERE = `## Where the time goes

**Cold \`planton validate\`.** Most of it is Node starting (\`node -e 0\`). Profiled with \`--cpu-prof\`,
the full CLI added about 60 ms to it: compiling ~700 kB of ES modules (bin.js, yaml, the precompiled
validators) ~13 ms, Node's ES module loader ~8 ms, declaring every command and option in commander
~8 ms, the validation itself ~10 ms, the rest garbage collection and Node's own modules. The
\`planton\` command (dist/planton.cjs) now reads validate's few options from the option table without
commander and loads dist/validate.cjs, one CommonJS bundle (~580 kB: yaml ~260 kB, the precompiled
validators ~210 kB) compiled through V8's code cache (src/startup/code-cache.ts; Node 20 has no module
compile cache, Node 22's \`enableCompileCache\` is turned on for the full CLI). What remains is reading
and deserialising that bundle and its cache (~12 ms), Node's built-ins it needs (\`vm\`, \`fs/promises\`,
the streams behind stdout) and the validation (~10 ms). The first run after an install or upgrade
writes the cache (under \`$XDG_CACHE_HOME/planton\` or the OS temp directory) and is as slow as before.

**Plan then apply.** Each terraform command is mostly the AWS provider starting (~2-4 s of CPU, see
[local-timings.md](local-timings.md)): terraform's floor is two of them, \`plan -out\` and \`apply\` of that
file. planton used to add a third and a fourth: \`show -json\` of the plan (the provider starts again, to
read its schema) for the guard and the summary in manifest terms, and \`output -json\` after the apply.
It now reads the saved plan file itself (a zip: the \`tfplan\` protobuf with the planned values as cty
msgpack, and the refreshed state; src/plan/file/) and the outputs from the local state, and asks
terraform only when unsure (OpenTofu, a plan it does not read exactly, a remote state) or when
\`PLANTON_ASK_TOFU=1\`; the e2e suites check on real plans that its reading equals \`show -json\`. What is
left of planton's own: starting Node and planton (~0.1 s each command), writing the root module and
tfvars and hashing them for the plan reuse. \`terraform version\`, which names the binary, is asked once
per binary and kept in the cache directory. planton gives terraform GOGC=400; the floor here gets it too.

**Fleets.** (A run of this section on the same day with load average 12.9 at its start gave 0.09×,
0.23× and 1.04×: the ratios hold under load, the times do not.) The bench applies N manifests (provisioned, with a sort key) in one directory against one
DynamoDB Local it starts, through a stack input's endpoint, so no single run pays a server start-up.
Twelve single plans cost twelve terraform plans, each a provider start (and planton's own ~0.1 s): the
work directories are initialised, so no init. A fleet plan costs one planton start, then the
preflight (src/live/preflight.ts): the stamp check of every manifest (hashes of files, no terraform),
then one read of every stamped manifest's table: a scratch root's \`init\` and
one \`plan\` that imports every table (one provider start; the provider reads the twelve tables in
that one run), then planton reads the saved plan file itself (src/plan/file/). It used to run
\`show -json\` for that, a second provider start (~2 s of CPU here); \`drift\` and \`import\` gain
the same. Unchanged manifests then cost nothing more: the fleet's time is the read's. An edited
manifest fails the stamp check, is left out of the read, and gets its real plan in its own work
directory after the read, \`--parallelism\` (here 2, one per core) at a time, so two edited manifests
add about one plan's time on two idle cores, more when the machine is loaded (checked by hand once
beside a 12-table bench run, text report: the 10 unchanged manifests "no changes: unchanged since the last apply …",
12.1 s for the read; the 2 edited ones each a real plan in manifest terms, 14.6 s side by side;
26.9 s in all, the bench's own commands running at the same time). Every fleet plan the bench times is checked the same way
from its JSON report. \`drift\` is the same
read without the stamp check, against one plan: about one provider start each, plus the read's init
and the twelve tables' reads. What would make the edited case cheaper still: start the plans of the
manifests that fail the stamp check while the read runs (they are known before it starts), which
hides the read behind them when there are cores to spare; not under \`--local\`, where the read and
the plans would need one DynamoDB Local on the same data directory (today the preflight starts its
own, then the fleet starts one).`;

const { values: args } = parseArgs({ options: { section: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const quick = args.quick;
/** Each section writes rows into one table of docs/benchmarks.md (its block, under its heading). */
const SECTIONS = {
  validate: { block: 'Latest run', run: coldValidate },
  throughput: { block: 'Latest run', run: throughput },
  tofu: { block: 'Latest run', run: tofuBenches },
  fleet: {
    block: 'Fleets',
    run: () => fleetBenches({ repo, bin, say, note: console.log, tables: quick ? 3 : 12, rounds: quick ? 1 : 2, driftRounds: quick ? 1 : 3 }),
  },
};
const chosen = args.section ? args.section.split(',') : Object.keys(SECTIONS);
const unknown = chosen.filter((s) => !(s in SECTIONS));
if (unknown.length > 0) {
  console.error(`bench: no section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(1);
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const tfVersion = (await execa(process.env.PLANTON_TOFU_BIN ?? 'terraform', ['version'], { reject: false })).stdout.split('\n')[0];
const blocks = new Map();
for (const name of Object.keys(SECTIONS).filter((s) => chosen.includes(s))) {
  const { block, run } = SECTIONS[name];
  if (!blocks.has(block)) {
    say();
    say(`## ${block}`);
    say();
    say(`${when} UTC · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${tfVersion} · load average ${loadavg()[0].toFixed(1)} at the start${quick ? ' · --quick' : ''}`);
    say();
    say('| what | measured | result |');
    say('|---|---|---|');
    blocks.set(block, lines.length - 6);
  }
  await run();
}

// A block is rewritten only when all its sections ran; the others keep what the last run wrote.
const docFile = join(repo, 'docs/benchmarks.md');
const complete = [...blocks.keys()].filter((b) => Object.entries(SECTIONS).every(([n, s]) => s.block !== b || chosen.includes(n)));
if (quick || complete.length === 0) {
  console.log(`\nnot written to docs/benchmarks.md (${quick ? '--quick' : 'a part of a table only'})`);
} else {
  const old = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
  const kept = (block) => {
    const m = new RegExp(`^## ${block}\\n[\\s\\S]*?(?=^## )`, 'm').exec(old);
    return m ? m[0].trimEnd() : undefined;
  };
  const starts = [...blocks.entries()].sort((a, b) => a[1] - b[1]);
  const written = new Map(starts.map(([b, at], i) => [b, lines.slice(at, starts[i + 1]?.[1]).join('\n').trim()]));
  const body = [...new Set(Object.values(SECTIONS).map((s) => s.block))].map((b) => (complete.includes(b) ? written.get(b) : kept(b))).filter(Boolean);
  writeFileSync(docFile, [INTRO, '', ...body.flatMap((b) => [b, '']), WHERE, ''].join('\n'));
  console.log(`\nwritten to docs/benchmarks.md: ${complete.join(', ')}`);
}
