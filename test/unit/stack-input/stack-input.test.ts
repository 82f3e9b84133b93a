import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStackInput, secretsIn } from '../../../src/stack-input/index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-si-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string, mode = 0o600): string {
  const f = join(dir, 'stack-input.yaml');
  writeFileSync(f, text);
  chmodSync(f, mode);
  return f;
}

const brief = (r: Awaited<ReturnType<typeof loadStackInput>>) => r.result.diagnostics.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);

test('a valid stack input with keys, endpoint and an s3 backend loads', async () => {
  const f = file(
    [
      'provider_config:',
      '  region: us-east-1',
      '  accessKeyId: AKIAEXAMPLE',
      '  secretAccessKey: SECRET-MARKER-12345',
      '  endpoint: http://127.0.0.1:8000',
      'backend:',
      '  type: s3',
      '  bucket: my-tf-state',
      '  key: dynamodb/t.tfstate',
      '',
    ].join('\n'),
  );
  const r = await loadStackInput(f, 'stack-input.yaml');
  expect(r.result).toEqual({ file: 'stack-input.yaml', status: 'valid', diagnostics: [] });
  expect(r.input?.provider_config).toEqual({ region: 'us-east-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'SECRET-MARKER-12345', endpoint: 'http://127.0.0.1:8000' });
  expect(r.input?.backend).toMatchObject({ type: 's3', bucket: 'my-tf-state', key: 'dynamodb/t.tfstate' });
  expect(r.secrets).toEqual(['SECRET-MARKER-12345']);
  expect(r.warnings).toEqual([]);
});

test('schema errors are located: unknown field with a suggestion, missing region, a key without its secret', async () => {
  const f = file(['provider_config:', '  regoin: us-east-1', '  accessKeyId: AKIAEXAMPLE', ''].join('\n'));
  const r = await loadStackInput(f, 'si.yaml');
  expect(r.result.status).toBe('invalid');
  expect(brief(r)).toEqual([
    '1:1 provider_config.region missing required field `region`',
    '2:3 provider_config.regoin unknown field `regoin`; did you mean `region`?',
    '3:3 provider_config.secretAccessKey `accessKeyId` needs `secretAccessKey` as well',
  ]);
});

test('an s3 backend without bucket and key, s3 fields on a local backend, and profile next to keys are errors', async () => {
  const s3 = await loadStackInput(file(['provider_config: { region: us-east-1 }', 'backend:', '  type: s3', ''].join('\n')), 'si.yaml');
  expect(brief(s3)).toEqual([
    '2:1 backend missing required field `bucket` (an s3 backend needs bucket and key)',
    '2:1 backend missing required field `key` (an s3 backend needs bucket and key)',
  ]);
  const local = await loadStackInput(file(['provider_config: { region: us-east-1 }', 'backend:', '  bucket: b1b', ''].join('\n')), 'si.yaml');
  expect(brief(local)).toEqual(['3:3 backend.bucket `bucket` is only for `type: s3`; the local backend keeps state in the work directory']);
  const both = await loadStackInput(
    file(['provider_config:', '  region: us-east-1', '  profile: prod', '  accessKeyId: AKIA1', '  secretAccessKey: abcdef', ''].join('\n')),
    'si.yaml',
  );
  expect(brief(both)).toEqual([
    '3:3 provider_config.profile give either `profile` or `accessKeyId`/`secretAccessKey`, not both: tofu would use only one of them',
  ]);
  // Even an invalid file has its secrets known, so nothing printed can leak them.
  expect(both.secrets).toEqual(['abcdef']);
});

test('an s3 backend on an S3-compatible store takes its endpoint, path style and lock table endpoint', async () => {
  const r = await loadStackInput(
    file(
      [
        'provider_config: { region: us-east-1 }',
        'backend:',
        '  type: s3',
        '  bucket: team-state',
        '  key: dynamodb/orders.tfstate',
        '  endpoint: https://minio.internal:9000',
        '  usePathStyle: true',
        '  useLockfile: false',
        '  dynamodbTable: tf-locks',
        '  dynamodbEndpoint: http://127.0.0.1:8000',
        '',
      ].join('\n'),
    ),
    'si.yaml',
  );
  expect(r.result.diagnostics).toEqual([]);
  expect(r.input?.backend).toEqual({
    type: 's3',
    bucket: 'team-state',
    key: 'dynamodb/orders.tfstate',
    endpoint: 'https://minio.internal:9000',
    usePathStyle: true,
    useLockfile: false,
    dynamodbTable: 'tf-locks',
    dynamodbEndpoint: 'http://127.0.0.1:8000',
    encrypt: true,
  });
});

test('a lock table endpoint without a lock table, a bad endpoint and store fields on a local backend are errors', async () => {
  const s3 = await loadStackInput(
    file(['provider_config: { region: us-east-1 }', 'backend:', '  type: s3', '  bucket: b1b', '  key: k', '  endpoint: minio:9000', '  dynamodbEndpoint: http://127.0.0.1:8000', ''].join('\n')),
    'si.yaml',
  );
  expect(brief(s3)).toEqual([
    expect.stringMatching(/^6:13 backend\.endpoint /),
    '7:3 backend.dynamodbEndpoint `dynamodbEndpoint` is where the `dynamodbTable` lock table lives; name the table with `dynamodbTable` too, or remove the endpoint',
  ]);
  const local = await loadStackInput(file(['provider_config: { region: us-east-1 }', 'backend:', '  endpoint: http://127.0.0.1:9000', '  usePathStyle: true', ''].join('\n')), 'si.yaml');
  expect(brief(local)).toEqual([
    '3:3 backend.endpoint `endpoint` is only for `type: s3`; the local backend keeps state in the work directory',
    '4:3 backend.usePathStyle `usePathStyle` is only for `type: s3`; the local backend keeps state in the work directory',
  ]);
});

test('bad YAML and a missing file are reported, never thrown', async () => {
  const bad = await loadStackInput(file('provider_config: [\n'), 'si.yaml');
  expect(bad.result.status).toBe('invalid');
  expect(bad.result.diagnostics[0]!.line).toBeGreaterThan(0);
  const missing = await loadStackInput(join(dir, 'nope.yaml'), 'nope.yaml');
  expect(missing.result.status).toBe('error');
  expect(missing.result.diagnostics[0]!.message).toBe('file not found');
});

test('a file with credentials readable by group or others gets one warning line', async () => {
  const f = file(['provider_config:', '  region: us-east-1', '  accessKeyId: AKIA1', '  secretAccessKey: abcdef', ''].join('\n'), 0o644);
  const r = await loadStackInput(f, 'si.yaml');
  expect(r.warnings).toEqual(['planton: warning: si.yaml holds credentials and is readable by group/others (mode 0644); run chmod 600 si.yaml']);
  chmodSync(f, 0o600);
  expect((await loadStackInput(f, 'si.yaml')).warnings).toEqual([]);
  // Region only: nothing to protect, no warning.
  chmodSync(file('provider_config: { region: us-east-1 }\n', 0o644), 0o644);
  expect((await loadStackInput(join(dir, 'stack-input.yaml'), 'si.yaml')).warnings).toEqual([]);
});

test('the target is left to the manifest pipeline', async () => {
  const r = await loadStackInput(file(['provider_config: { region: us-east-1 }', 'target:', '  kind: Wrong', ''].join('\n')), 'si.yaml');
  expect(r.result.status).toBe('valid');
  expect(r.input?.target).toEqual({ kind: 'Wrong' });
  const scalar = await loadStackInput(file(['provider_config: { region: us-east-1 }', 'target: 3', ''].join('\n')), 'si.yaml');
  expect(brief(scalar)).toEqual(['2:9 target `target` must be a whole AwsDynamodb manifest (a mapping)']);
});

test('secretsIn reads leniently', () => {
  expect(secretsIn({ provider_config: { secretAccessKey: 'a', sessionToken: 7 } })).toEqual(['a']);
  expect(secretsIn('nonsense')).toEqual([]);
});

test('an endpoint with a user name or password is refused where it is written, and its credential is masked', async () => {
  const r = await loadStackInput(
    file(
      [
        'provider_config:',
        '  region: us-east-1',
        '  endpoint: http://ddb-user:PASS-MARKER-4242@127.0.0.1:8000',
        'backend:',
        '  type: s3',
        '  bucket: b1b',
        '  key: k',
        '  endpoint: https://TOKEN-MARKER-77@minio.internal:9000',
        '  dynamodbTable: locks',
        '  dynamodbEndpoint: http://u:p%40ss-MARKER@127.0.0.1:8000/',
        '',
      ].join('\n'),
    ),
    'si.yaml',
  );
  const sentence =
    'the endpoint URL holds a user name or password; planton writes endpoints into the work directory (main.tf.json) and the saved plan, so it takes none: give the credentials as `accessKeyId`/`secretAccessKey` or `profile`';
  expect(brief(r)).toEqual([`3:13 provider_config.endpoint ${sentence}`, `8:13 backend.endpoint ${sentence}`, `10:21 backend.dynamodbEndpoint ${sentence}`]);
  expect(r.result.status).toBe('invalid');
  expect(r.secrets).toEqual(expect.arrayContaining(['ddb-user:PASS-MARKER-4242', 'PASS-MARKER-4242', 'TOKEN-MARKER-77', 'p%40ss-MARKER', 'p@ss-MARKER']));
  // An endpoint without user information, and an @ in its path, are fine.
  const fine = await loadStackInput(file(['provider_config:', '  region: us-east-1', '  endpoint: http://127.0.0.1:8000/a@b', ''].join('\n')), 'si.yaml');
  expect(fine.result.diagnostics).toEqual([]);
  expect(fine.secrets).toEqual([]);
});
