// Nothing planton starts outlives it: tofu, its provider and DynamoDB Local's JVM stop whatever ends
// planton (SIGINT, SIGTERM, SIGHUP, SIGKILL), and every signal that ends planton says so on stderr.
// Processes of a run are recognised by their working directory (tofu and providers run in the work
// directory) or by the data directory on java's command line, never by name alone.
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { buildPlanton, childEnv, cmdline, repo, spawnPlanton, waitForDescendant, type Run } from './helpers.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 180_000;
const TABLE = 'planton-lifetime';
const suite = describeWithTofu('test/faults/lifetime.test.ts');
const env = childEnv(process.env.PLANTON_PLUGIN_DIR ? { PLANTON_PLUGIN_DIR: process.env.PLANTON_PLUGIN_DIR } : {});

const MANIFEST = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${TABLE}
spec:
  billingMode: PAY_PER_REQUEST
  partitionKey: { name: id, type: STRING }
  pointInTimeRecovery: { enabled: false }
`;

/** Live processes whose working directory is `dir` or whose argv contains `needle`. */
function processesOf(match: { cwd?: string; argv?: string }): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    let hit = false;
    if (match.cwd) {
      try {
        hit = readlinkSync(`/proc/${pid}/cwd`) === match.cwd;
      } catch {
        // gone, or not ours to read
      }
    }
    if (!hit && match.argv) hit = cmdline(pid).includes(match.argv);
    if (hit && !isZombie(pid)) found.push(pid);
  }
  return found;
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true; // gone
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

suite('tofu and its provider never outlive planton', () => {
  let dir: string;
  let workDir: string;
  let blackHole: Server;
  let requests = 0;
  const args = ['--manifest', 'manifest.yaml', '--stack-input', 'stack.yaml'];

  beforeAll(async () => {
    buildPlanton();
    // An endpoint that accepts every request and never answers: the provider waits on it, alive.
    // Only the provider's DynamoDB calls count (they name their operation in X-Amz-Target): planton's own
    // one GET / that asks whether the endpoint is DynamoDB Local (local/detect.ts) comes before terraform starts.
    blackHole = createServer((req) => void (req.headers['x-amz-target'] !== undefined && requests++));
    await new Promise<void>((ready) => blackHole.listen(0, '127.0.0.1', ready));
    const { port } = blackHole.address() as AddressInfo;
    dir = scratchDir('lifetime');
    workDir = join(dir, '.planton', TABLE);
    writeFileSync(join(dir, 'manifest.yaml'), MANIFEST);
    const stack = ['provider_config:', '  region: us-east-1', '  accessKeyId: AKIAPLANTONLIFE', '  secretAccessKey: planton-lifetime', `  endpoint: http://127.0.0.1:${port}`, ''];
    writeFileSync(join(dir, 'stack.yaml'), stack.join('\n'), { mode: 0o600 });
    const init = await spawnPlanton(['tofu', 'init', ...args], dir, env).done;
    expect(init.code).toBe(0);
  }, SLOW);

  afterAll(async () => {
    for (const pid of processesOf({ cwd: workDir })) process.kill(pid, 'SIGKILL'); // only after a failure
    blackHole?.closeAllConnections();
    await new Promise((r) => blackHole?.close(r));
    removeScratch(dir);
  });

  /** `plan --adopt` reads the table during the plan: the provider's DescribeTable hangs on the black hole. */
  async function planWaitingOnProvider() {
    const before = requests;
    const run = spawnPlanton(['tofu', 'plan', '--adopt', ...args], dir, env);
    const provider = await waitForDescendant(run.child.pid!, (argv) => argv.includes('terraform-provider-aws'), 120_000);
    expect(provider).toBeDefined();
    expect(await until(() => requests > before, 60_000)).toBe(true);
    const tree = processesOf({ cwd: workDir });
    expect(tree.map((p) => cmdline(p)).some((a) => a.includes('terraform-provider-aws'))).toBe(true);
    return run;
  }

  test.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s is forwarded to tofu, which stops with its provider; planton says so and exits 128 + the signal number', async (sig) => {
    const run = await planWaitingOnProvider();
    run.child.kill(sig);
    const r = await run.done;
    expect(r.err).toContain(`planton: ${sig} received; asking `);
    // After the clean stop, the code a shell gives a process that signal ended (128 + its number).
    expect({ code: r.code, signal: r.signal }).toEqual({ code: { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[sig], signal: null });
    expect(await until(() => processesOf({ cwd: workDir }).length === 0, 15_000)).toBe(true);
    expect(existsSync(join(workDir, '.terraform.tfstate.lock.info'))).toBe(false);
  }, SLOW);

  test('SIGKILL: the watchdog stops tofu and the provider (no orphan adopted by init)', async () => {
    const run = await planWaitingOnProvider();
    run.child.kill('SIGKILL');
    const r = await run.done;
    expect(r.signal).toBe('SIGKILL');
    expect(await until(() => processesOf({ cwd: workDir }).length === 0, 15_000)).toBe(true);
    // tofu's local state lock is an OS lock that died with it: the next run is not locked out. It gets
    // past the lock to the provider's first request (every plan reads the live table), then is stopped.
    const next = await planWaitingOnProvider();
    next.child.kill('SIGINT');
    const stopped = await next.done;
    expect(stopped.err).not.toMatch(/Error acquiring the state lock|state is locked/);
  }, SLOW);
});

suite('DynamoDB Local never outlives planton', () => {
  let dir: string;
  let dataDir: string;

  beforeEach(() => {
    buildPlanton();
    dir = scratchDir('lifetime-local');
    dataDir = join(dir, '.planton', 'local-dynamodb');
    writeFileSync(join(dir, 'manifest.yaml'), MANIFEST);
  });
  afterEach(() => {
    for (const pid of processesOf({ argv: dataDir })) process.kill(pid, 'SIGKILL'); // only after a failure
    removeScratch(dir);
  });

  const javaOf = (argv: string) => argv.includes('DynamoDBLocal.jar') && argv.includes(dataDir);

  test('SIGINT while DynamoDB Local starts: the JVM is stopped, the lock released, one line says so', async () => {
    const run = spawnPlanton(['tofu', 'plan', '--local', '--manifest', 'manifest.yaml'], dir, env);
    expect(await waitForDescendant(run.child.pid!, javaOf, 60_000)).toBeDefined();
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.signal === 'SIGINT' || r.code === 130).toBe(true);
    expect(r.err.split('\n').filter((l) => l.includes('SIGINT'))).toEqual([
      `planton: SIGINT received; stopped DynamoDB Local while it was starting and released the lock on ${dataDir}; exiting`,
    ]);
    expect(existsSync(join(dataDir, 'planton.lock'))).toBe(false);
    expect(await until(() => processesOf({ argv: dataDir }).length === 0, 5_000)).toBe(true);
  }, SLOW);

  test('SIGKILL while DynamoDB Local runs: the JVM stops too', async () => {
    const run = spawnPlanton(['tofu', 'plan', '--local', '--manifest', 'manifest.yaml'], dir, env);
    expect(await waitForDescendant(run.child.pid!, javaOf, 60_000)).toBeDefined();
    run.child.kill('SIGKILL');
    await run.done;
    expect(await until(() => processesOf({ argv: dataDir }).length === 0, 10_000)).toBe(true);
    // The watchdog removes the lock once java has exited: the next run finds no lock at all.
    expect(await until(() => !existsSync(join(dataDir, 'planton.lock')), 3_000)).toBe(true);
  }, SLOW);
});

suite('a work directory that cannot be created ends planton at once', () => {
  let dir: string;

  beforeAll(() => {
    buildPlanton();
    dir = scratchDir('lifetime-proc');
    writeFileSync(join(dir, 'manifest.yaml'), MANIFEST);
  });
  afterAll(() => removeScratch(dir));

  /** The run, SIGKILLed if it is still there after `limitMs` (node's recursive mkdir of /proc/x never returned). */
  async function bounded(during: (run: Run) => void, limitMs: number) {
    const run = spawnPlanton(['tofu', 'init', '--manifest', 'manifest.yaml', '--workdir', '/proc/x'], dir, { ...env, AWS_REGION: 'us-east-1' });
    during(run);
    const killer = setTimeout(() => run.child.kill('SIGKILL'), limitMs);
    const r = await run.done;
    clearTimeout(killer);
    return r;
  }

  test('--workdir /proc/x: a usage error, exit 1, within seconds', async () => {
    if (!existsSync('/proc/self')) return;
    const r = await bounded(() => undefined, 20_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.err).toContain('planton: cannot create the work directory /proc/x: ENOENT\n');
    expect(r.ms).toBeLessThan(15_000);
  }, SLOW);

  test('SIGTERM sent once it reaches the work directory ends it', async () => {
    if (!existsSync('/proc/self')) return;
    // `using terraform …` is said just before the work directory is made.
    const termOnceThere = (run: Run) => {
      const poll = setInterval(() => {
        if (!run.err().includes('planton: using ') && run.child.exitCode === null) return;
        clearInterval(poll);
        setTimeout(() => run.child.kill('SIGTERM'), 500);
      }, 50);
    };
    const r = await bounded(termOnceThere, 20_000);
    expect(r.signal === 'SIGTERM' || r.code === 1 || r.code === 143).toBe(true);
    expect(r.ms).toBeLessThan(15_000);
  }, SLOW);
});
