import { createServer, type Server } from 'node:http';
import type { AwsDynamodb } from '../../../src/generated/manifest.js';
import { memoryIo } from '../../../src/io.js';
import type { Session } from '../../../src/session/index.js';
import { withDetectedLocal } from '../../../src/session/local.js';

let server: Server;
let endpoint: string;

beforeAll(async () => {
  // Answers like DynamoDB Local does to a bare GET.
  server = createServer((_req, res) => {
    res.writeHead(400, { Server: 'Jetty(12.0.31)', 'Content-Type': 'application/x-amz-json-1.0' });
    res.end('{"__type":"com.amazonaws.dynamodb.v20120810#MissingAuthenticationToken"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => server.close());

const manifest = (spec: Partial<AwsDynamodb['spec']>): AwsDynamodb =>
  ({ apiVersion: 'aws.project-planton.org/v1', kind: 'AwsDynamodb', metadata: { name: 'orders' }, spec: { partitionKey: { name: 'id', type: 'STRING' }, ...spec } }) as AwsDynamodb;

function session(m: AwsDynamodb, env: NodeJS.ProcessEnv = {}, at = endpoint) {
  const io = memoryIo('/', env);
  const s = { io, out: io, manifest: m, aws: { region: 'us-east-1', endpoint: at }, backend: { type: 'local' } } as unknown as Session;
  return { s, io };
}

const onDemandWithIndex = manifest({
  billingMode: 'PAY_PER_REQUEST',
  pointInTimeRecovery: { enabled: true },
  globalSecondaryIndexes: [{ name: 'ByEmail', partitionKey: { name: 'email', type: 'STRING' }, projection: { type: 'KEYS_ONLY' } }],
} as Partial<AwsDynamodb['spec']>);

test('an endpoint that answers as DynamoDB Local gets the --local adjustments, said once in one warning', async () => {
  const { s, io } = session(onDemandWithIndex);
  const adjusted = await withDetectedLocal(s, true);
  expect(adjusted.manifest.spec.billingMode).toBe('PROVISIONED');
  expect(adjusted.manifest.spec.pointInTimeRecovery).toBeUndefined();
  expect(adjusted.tfvarsOverrides).toEqual({ tags: null });
  expect(adjusted.substitutedPaths).toContain('spec.billingMode');
  expect({ aws: adjusted.aws, backend: adjusted.backend }).toEqual({ aws: s.aws, backend: s.backend });
  expect(io.err).toBe(
    `planton: warning: provider_config.endpoint ${endpoint} is DynamoDB Local, so this run adjusts the manifest as --local does:\n` +
      '  point-in-time recovery is not supported by DynamoDB Local; skipped for this run\n' +
      '  on-demand billing of a table with global secondary indexes is read back wrongly by DynamoDB Local; PROVISIONED at 1 read/1 write unit per table and index for this run\n',
  );
  // Commands that do not build the table adjust the same way, without the warning.
  const quiet = session(onDemandWithIndex);
  expect((await withDetectedLocal(quiet.s, false)).manifest.spec.billingMode).toBe('PROVISIONED');
  expect(quiet.io.err).toBe('');
});

test('nothing to adjust, PLANTON_DETECT_LOCAL=0, no endpoint or one that is not DynamoDB Local: the session as it was, silently', async () => {
  for (const [m, env, at] of [
    [manifest({ billingMode: 'PROVISIONED', pointInTimeRecovery: { enabled: false } } as Partial<AwsDynamodb['spec']>), {}, endpoint],
    [onDemandWithIndex, { PLANTON_DETECT_LOCAL: '0' }, endpoint],
    [onDemandWithIndex, {}, 'http://127.0.0.1:1'],
  ] as const) {
    const { s, io } = session(m, env, at);
    expect(await withDetectedLocal(s, true)).toBe(s);
    expect(io.err).toBe('');
  }
  const { s } = session(onDemandWithIndex);
  const noEndpoint = { ...s, aws: { region: 'us-east-1' } };
  expect(await withDetectedLocal(noEndpoint, true)).toBe(noEndpoint);
});
