// Faults around a real tofu run: Ctrl-C mid-apply, two applies at once, DynamoDB Local dying, a damaged
// work directory, a protected table, and secrets that must never leak. Real terraform, real DynamoDB
// Local on 127.0.0.1, planton spawned as a process (signals and /proc need one). Terraform commands are
// few and tables shared: each command costs ~10 s of CPU.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/local/server.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localStackInputYaml, writeLocalStackInput } from '../helpers/stack-input.js';
import {
  buildPlanton,
  childEnv,
  cmdline,
  descendants,
  filesContaining,
  repo,
  spawnPlanton,
  stateIdentity,
  waitForDescendant,
  watchTree,
} from './helpers.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const SLOW = 180_000;
const SECRET = 'SECRET-MARKER-7f3a9';
const PROTECTED = 'planton-faults-orders';
const FRAGILE = 'planton-faults-fragile';
const INTERRUPTED = 'planton-faults-sigint';

const suite = describeWithTofu('test/faults/tofu-faults.test.ts');

const env = childEnv(process.env.PLANTON_PLUGIN_DIR ? { PLANTON_PLUGIN_DIR: process.env.PLANTON_PLUGIN_DIR } : {});

/** PROVISIONED with three GSIs: the slowest create DynamoDB Local does, so a signal lands mid-apply. */
function manifest(name: string, extra = ''): string {
  const gsi = (i: number) =>
    `    - name: ByField${i}\n      partitionKey: { name: field${i}, type: STRING }\n      projection: { type: KEYS_ONLY }\n      provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 2 }\n`;
  return `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${name}
spec:
  billingMode: PROVISIONED
  partitionKey: { name: id, type: STRING }
  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }
  globalSecondaryIndexes:
${[1, 2, 3].map(gsi).join('')}  pointInTimeRecovery: { enabled: false }
${extra}`;
}

const isTofu = (argv: string) => /(^|\/)(terraform|tofu) /.test(argv);
const tofuApplying = (argv: string) => isTofu(argv) && / apply /.test(` ${argv} `) && argv.includes('planton.tfplan');

suite('faults against an endpoint (stack input with a marker secret)', () => {
  let ddb: TestDynamoDbLocal | undefined;
  let restarted: DynamoDbLocal | undefined;
  let dir: string;
  let protectedWork: string;
  let fragileWork: string;
  /** Everything any planton process printed, and every argv seen in its process tree. */
  let transcript = '';
  const argvSeen: string[] = [];

  const stackInput = (endpoint: string) => localStackInputYaml({ endpoint, accessKeyId: 'AKIAPLANTONFAULTS', secretAccessKey: SECRET, sessionToken: SECRET });

  async function planton(args: string[], during?: (pid: number) => Promise<void>) {
    const run = spawnPlanton(['tofu', ...args], dir, env);
    const watch = watchTree(run.child.pid!);
    if (during) await during(run.child.pid!);
    const r = await run.done;
    watch.stop();
    argvSeen.push(...watch.seen.values());
    transcript += `$ planton tofu ${args.join(' ')}  (exit ${r.code}, ${(r.ms / 1000).toFixed(1)} s)\n${r.out}${r.err}`;
    return r;
  }

  const tableExists = async (name: string) => {
    const client = (restarted ? undefined : ddb)?.client();
    if (!client) return undefined;
    const t = await client.send(new DescribeTableCommand({ TableName: name }));
    return t.Table?.TableStatus;
  };

  beforeAll(async () => {
    buildPlanton();
    ddb = await withDynamoDbLocal();
    dir = scratchDir('faults');
    protectedWork = join(dir, '.planton', PROTECTED);
    fragileWork = join(dir, '.planton', FRAGILE);
    writeFileSync(join(dir, 'orders.yaml'), manifest(PROTECTED, '  deletionProtectionEnabled: true\n'));
    writeFileSync(join(dir, 'fragile.yaml'), `apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: ${FRAGILE}\nspec:\n  partitionKey: { name: id, type: STRING }\n  pointInTimeRecovery: { enabled: false }\n`);
    writeFileSync(join(dir, 'stack.yaml'), stackInput(ddb.endpoint));
    chmodSync(join(dir, 'stack.yaml'), 0o600);
  }, SLOW);

  afterAll(async () => {
    if (process.env.PLANTON_FAULTS_TRANSCRIPT) writeFileSync(process.env.PLANTON_FAULTS_TRANSCRIPT, transcript);
    await restarted?.stop();
    await ddb?.stop();
    removeScratch(dir);
  }, SLOW);

  const orders = ['--manifest', 'orders.yaml', '--stack-input', 'stack.yaml'];

  test('two applies at once: one creates the table, the other stops at once on the state lock', async () => {
    const init = await planton(['init', ...orders]);
    expect(init.code).toBe(0);
    const [a, b] = await Promise.all([planton(['apply', '--auto-approve', ...orders]), planton(['apply', '--auto-approve', ...orders])]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect(won.code).toBe(0);
    expect(won.out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(lost.code).not.toBe(0);
    expect(lost.err).toMatch(/^planton: the state is locked by another run/m);
    expect(lost.ms).toBeLessThan(won.ms);
    expect(await tableExists(PROTECTED)).toBe('ACTIVE');
    expect(stateIdentity(protectedWork).serial).toBeGreaterThan(0);
    expect(existsSync(join(protectedWork, '.terraform.tfstate.lock.info'))).toBe(false);
  }, SLOW);

  test('destroy of a protected table says how to proceed and leaves the table', async () => {
    const before = stateIdentity(protectedWork);
    const r = await planton(['destroy', '--auto-approve', ...orders]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^planton: .*deletion protection.*$/im);
    expect(r.err).toContain('deletionProtectionEnabled: false');
    expect(r.err).toMatch(/planton tofu apply.*then.*planton tofu destroy/s);
    expect(await tableExists(PROTECTED)).toBe('ACTIVE');
    // destroy refreshes first and saves that (serial moves on); the same state still holds the table.
    expect(stateIdentity(protectedWork).lineage).toBe(before.lineage);
    const state = JSON.parse(readFileSync(join(protectedWork, 'terraform.tfstate'), 'utf8')) as { resources: { type: string }[] };
    expect(state.resources.map((res) => res.type)).toContain('aws_dynamodb_table');
  }, SLOW);

  test('a damaged work directory is repaired by init and regeneration; the state is never touched', async () => {
    const before = stateIdentity(protectedWork);
    const state = readFileSync(join(protectedWork, 'terraform.tfstate'));
    rmSync(join(protectedWork, '.terraform'), { recursive: true, force: true });
    writeFileSync(join(protectedWork, 'main.tf.json'), '{ "resource": { "broken": ');
    writeFileSync(join(protectedWork, '.planton-init.json'), 'not-a-fingerprint\n');
    const first = await planton(['init', ...orders]);
    expect(first.code).toBe(0);
    expect(first.err).toContain(`planton: init in ${protectedWork}: first run (.terraform/ is missing)\n`);
    expect(JSON.parse(readFileSync(join(protectedWork, 'main.tf.json'), 'utf8')).module.dynamodb).toBeDefined();

    // The record of the last init, as if another terraform had made it: the reason names the change.
    const record = JSON.parse(readFileSync(join(protectedWork, '.planton-init.json'), 'utf8')) as { binary: { path: string; version: string } };
    writeFileSync(join(protectedWork, '.planton-init.json'), JSON.stringify({ ...record, binary: { path: '/opt/old/terraform', version: '1.0.0' } }));
    const second = await planton(['init', ...orders]);
    expect(second.code).toBe(0);
    expect(second.err).toContain(`planton: init in ${protectedWork}: binary changed: /opt/old/terraform 1.0.0 → ${record.binary.path} ${record.binary.version}\n`);
    expect(readFileSync(join(protectedWork, 'terraform.tfstate'))).toEqual(state);
    expect(stateIdentity(protectedWork)).toEqual(before);
  }, SLOW);

  test('DynamoDB Local killed mid-apply: a clear error, state intact; after a restart apply converges', async () => {
    const fragile = ['--manifest', 'fragile.yaml', '--stack-input', 'stack.yaml'];
    const port = Number(new URL(ddb!.endpoint).port);
    const r = await planton(['apply', '--auto-approve', ...fragile], async (pid) => {
      expect(await waitForDescendant(pid, tofuApplying, 90_000)).toBeDefined();
      // The java process of our own server (found by its port), not its watchdog shell.
      const java = descendants(process.pid).find((p) => /DynamoDBLocal\.jar/.test(cmdline(p)) && cmdline(p).includes(`-port ${port} `) && !cmdline(p).startsWith('/bin/sh'));
      expect(java).toBeDefined();
      process.kill(java!, 'SIGKILL');
    });
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toMatch(/connection refused|127\.0\.0\.1:\d+/i);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    if (existsSync(join(fragileWork, 'terraform.tfstate'))) stateIdentity(fragileWork); // parses
    expect(existsSync(join(fragileWork, '.terraform.tfstate.lock.info'))).toBe(false);

    await ddb!.stop({ keepData: true }); // releases the data-dir lock of the dead server
    restarted = await startDynamoDbLocal({ dataDir: ddb!.dataDir, port });
    const again = await planton(['apply', '--auto-approve', ...fragile]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Apply complete! Resources: 1 added|No changes/);
  }, SLOW);

  test('the marker secret is in no output, no file of the work directories and no process argv', () => {
    expect(transcript).toContain('planton tofu destroy'); // a failing run is part of it
    expect(transcript).not.toContain(SECRET);
    expect(argvSeen.some(isTofu)).toBe(true); // terraform children were really observed
    expect(argvSeen.filter((a) => a.includes(SECRET))).toEqual([]);
    expect(filesContaining(join(dir, '.planton'), SECRET)).toEqual([]);
  });
});

/**
 * An HTTP proxy on 127.0.0.1 in front of DynamoDB Local that holds every CreateTable request for `holdMs`
 * before passing it on, and drops it when the client gave up meanwhile. DynamoDB Local creates a table in
 * milliseconds, so without it an interrupt lands before or after the create by chance; with it, Ctrl-C
 * reliably arrives while tofu waits on its CreateTable call.
 */
interface SlowProxy {
  endpoint: string;
  /** Resolves when the first CreateTable request arrives. */
  createStarted: Promise<void>;
  close(): Promise<void>;
}

/** `accepted`: pass CreateTable on at once and hold its answer instead, so the table exists while tofu waits. */
async function slowCreateProxy(target: string, holdMs: number, opts: { accepted?: boolean } = {}): Promise<SlowProxy> {
  let started!: () => void;
  const createStarted = new Promise<void>((r) => (started = r));
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const creating = String(req.headers['x-amz-target'] ?? '').endsWith('.CreateTable');
      const forward = () => {
        if (res.destroyed || req.socket.destroyed) return; // the client cancelled: AWS never saw it
        const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (up) => {
          const answer = () => {
            if (res.destroyed) return up.resume();
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          };
          if (creating && opts.accepted) {
            started(); // the table exists now; tofu is still waiting for the answer
            setTimeout(answer, holdMs);
          } else answer();
        });
        upstream.on('error', () => res.writeHead(502).end());
        upstream.end(Buffer.concat(body));
      };
      if (creating && !opts.accepted) {
        started();
        setTimeout(forward, holdMs);
      } else forward();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    createStarted,
    close: () => new Promise<void>((closed) => { server.closeAllConnections(); server.close(() => closed()); }),
  };
}

/**
 * One DynamoDB Local for both Ctrl-C suites (a JVM start costs seconds; their tables have their own
 * names): started by the first suite that runs, stopped after the file.
 */
let ctrlCServer: Promise<TestDynamoDbLocal> | undefined;
afterAll(async () => (await ctrlCServer)?.stop(), SLOW);

/** A manifest dir whose stack input points at a slow-CreateTable proxy in front of the Ctrl-C suites' DynamoDB Local; proxy and dir go after the suite. */
function slowCreateFixture(prefix: string, table: string, proxyOpts: { accepted?: boolean } = {}): { ddb: TestDynamoDbLocal; proxy: SlowProxy; dir: string } {
  const f = {} as { ddb: TestDynamoDbLocal; proxy: SlowProxy; dir: string };
  beforeAll(async () => {
    buildPlanton();
    ctrlCServer ??= withDynamoDbLocal();
    f.ddb = await ctrlCServer;
    f.proxy = await slowCreateProxy(f.ddb.endpoint, 6_000, proxyOpts);
    f.dir = scratchDir(prefix);
    writeFileSync(join(f.dir, 'manifest.yaml'), manifest(table));
    writeLocalStackInput(join(f.dir, 'stack.yaml'), { endpoint: f.proxy.endpoint, accessKeyId: 'AKIAPLANTONFAULTS', secretAccessKey: `planton-${prefix}-secret` });
  }, SLOW);
  afterAll(async () => {
    await f.proxy?.close();
    removeScratch(f.dir);
  });
  return f;
}

suite('Ctrl-C during apply', () => {
  const f = slowCreateFixture('faults-sigint', INTERRUPTED);
  const workDir = () => join(f.dir, '.planton', INTERRUPTED);

  const args = ['--manifest', 'manifest.yaml', '--stack-input', 'stack.yaml'];

  test('SIGINT is forwarded, tofu stops cleanly, planton exits 130, the state stays readable and unlocked; the next apply converges', async () => {
    const run = spawnPlanton(['tofu', 'apply', '--auto-approve', ...args], f.dir, env);
    const applying = await waitForDescendant(run.child.pid!, tofuApplying, 120_000);
    expect(applying).toBeDefined();
    // Interrupt while tofu's CreateTable call is pending (held by the proxy).
    await f.proxy.createStarted;
    run.child.kill('SIGINT');
    const r = await run.done;
    if (process.env.PLANTON_FAULTS_TRANSCRIPT) writeFileSync(`${process.env.PLANTON_FAULTS_TRANSCRIPT}.sigint`, `exit ${r.code} signal ${r.signal}\n${r.out}${r.err}`);
    expect(r.code).toBe(130);
    expect(r.err).toContain('planton: SIGINT received; asking');
    // tofu got the signal once and shut down gracefully rather than being killed.
    expect(r.out).toContain('Gracefully shutting down...');
    // The provider cancels its pending call; the proxy drops it, so no table exists outside the state.
    expect(r.out + r.err).toContain('context canceled');
    expect(r.signal).toBeNull();
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    stateIdentity(workDir()); // valid JSON
    expect(existsSync(join(workDir(), '.terraform.tfstate.lock.info'))).toBe(false);
    expect(descendants(run.child.pid!)).toEqual([]);

    const again = await spawnPlanton(['tofu', 'apply', '--auto-approve', ...args], f.dir, env).done;
    expect({ code: again.code, err: again.code === 0 ? '' : again.err }).toEqual({ code: 0, err: '' });
    const plan = await spawnPlanton(['tofu', 'plan', '--detailed-exitcode', ...args], f.dir, env).done;
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('No changes.');
  }, SLOW);
});

suite('Ctrl-C after AWS accepted CreateTable', () => {
  const NAME = 'planton-faults-accepted';
  const f = slowCreateFixture('faults-accepted', NAME, { accepted: true });

  const args = ['--manifest', 'manifest.yaml', '--stack-input', 'stack.yaml'];

  test('the table exists outside the state; the next apply takes it into state by itself, says so, and converges', async () => {
    const run = spawnPlanton(['tofu', 'apply', '--auto-approve', ...args], f.dir, env);
    await f.proxy.createStarted;
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.out + r.err).toContain('context canceled');
    // What an interrupt leaves behind: the table is there, the state does not hold it.
    expect(await tableStatus(f.ddb, NAME)).toBeDefined();
    expect(stateIdentity(join(f.dir, '.planton', NAME))).toBeDefined();
    const state = JSON.parse(readFileSync(join(f.dir, '.planton', NAME, 'terraform.tfstate'), 'utf8')) as { resources: { mode: string; type: string }[] };
    expect(state.resources.filter((res) => res.mode === 'managed').map((res) => res.type)).toEqual([]);

    const again = await spawnPlanton(['tofu', 'apply', '--auto-approve', ...args], f.dir, env).done;
    expect(again.err).toContain(`planton: an earlier apply was interrupted while creating table '${NAME}'`);
    expect(again.out).toContain('Taken into state (nothing is created):');
    expect(again.out).toContain('Apply complete! Resources: 1 imported, 0 added');
    expect(again.code).toBe(0);
    expect(existsSync(join(f.dir, '.planton', NAME, '.planton-creating.json'))).toBe(false);
    const plan = await spawnPlanton(['tofu', 'plan', '--detailed-exitcode', ...args], f.dir, env).done;
    expect(plan.code).toBe(0);
    expect(plan.err).not.toContain('interrupted');
  }, SLOW);
});

async function tableStatus(ddb: TestDynamoDbLocal, name: string): Promise<string | undefined> {
  const t = await ddb.client().send(new DescribeTableCommand({ TableName: name }));
  return t.Table?.TableStatus;
}
