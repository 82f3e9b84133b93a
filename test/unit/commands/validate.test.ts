// `planton validate` in-process: exit codes and the exact text and JSON reports.
import { join } from 'node:path';
import { main } from '../../../src/main.js';
import { memoryIo } from '../../../src/io.js';

const root = process.cwd();

async function run(...args: string[]) {
  const io = memoryIo(root);
  const code = await main(['validate', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('planton validate', () => {
  test('passes on the default manifest (hack/manifest.yaml)', async () => {
    expect(await run()).toEqual({ code: 0, out: 'hack/manifest.yaml: valid\n', err: '' });
  });

  test('fails with every error of a manifest at once, each located', async () => {
    expect(await run('--manifest', 'test/fixtures/invalid/many-errors.yaml')).toEqual({
      code: 1,
      out: [
        'test/fixtures/invalid/many-errors.yaml:7:3  spec.billingmode  unknown field `billingmode`; did you mean `billingMode`?',
        'test/fixtures/invalid/many-errors.yaml:10:11  spec.partitionKey.type  must be one of STRING, NUMBER or BINARY, not `S`; did you mean `STRING`?',
        'test/fixtures/invalid/many-errors.yaml:17:15  spec.globalSecondaryIndexes[0].projection.type  projection type INCLUDE needs a non-empty nonKeyAttributes list (the attributes to copy into the index)',
        'test/fixtures/invalid/many-errors.yaml:18:3  spec.ttl  ttl needs attributeName (the item attribute holding the expiry time, in epoch seconds)',
        'test/fixtures/invalid/many-errors.yaml: invalid (4 errors)',
        '',
      ].join('\n'),
      err: '',
    });
  });

  test('fails on a missing file with a planton: sentence on stderr, saying when the path is the default', async () => {
    expect(await run('--manifest', 'hack/nope.yaml')).toEqual({
      code: 1,
      out: '',
      err: `planton: manifest hack/nope.yaml not found (relative to ${root})\n  Check the path.\n`,
    });
    const io = memoryIo(join(root, 'test'));
    expect(await main(['validate'], io)).toBe(1);
    expect(io.err).toBe(
      `planton: manifest hack/manifest.yaml not found: that is the default path, relative to ${join(root, 'test')}\n` +
        '  Pass a manifest with -m FILE, or run planton from the directory that holds hack/.\n',
    );
  });

  test('checks every file given (arguments, repeated -m, directories, globs) in one report, and fails if any is invalid', async () => {
    const r = await run('hack/manifest.yaml', '-m', 'test/fixtures/invalid/duplicate-key.yaml', '-m', 'hack/examples/products.yaml');
    expect(r).toEqual({
      code: 1,
      out:
        'test/fixtures/invalid/duplicate-key.yaml:3:1  duplicate key `kind`: each key may appear only once in a mapping\n' +
        '3 files checked: 2 valid, 1 invalid (1 error)\n',
      err: '',
    });
    const dir = await run('hack/examples');
    expect(dir.code).toBe(0);
    expect(dir.out).toBe('15 files checked: 15 valid, 0 invalid\n');
    const glob = await run('hack/**/products.yaml', 'hack/*.yaml');
    expect(glob).toEqual({ code: 1, out: expect.stringContaining('3 files checked: 2 valid, 1 invalid'), err: '' });
    expect(glob.out).toContain('hack/stack-input.example.yaml:5:1  provider_config  unknown field `provider_config`');
    const none = await run('hack/nothing-*.yaml');
    expect(none).toEqual({ code: 1, out: '', err: 'planton: no manifest matches hack/nothing-*.yaml (directories give their *.yaml and *.yml files)\n' });
  });

  test('--json is the same as --format json', async () => {
    const a = await run('hack/manifest.yaml', 'hack/examples/products.yaml', '--json');
    expect(a.code).toBe(0);
    expect(a).toEqual(await run('hack/manifest.yaml', 'hack/examples/products.yaml', '--format', 'json'));
    expect(JSON.parse(a.out).summary).toEqual({ files: 2, valid: 2, invalid: 0, error: 0 });
  });

  test('fails on bad YAML without running the schema', async () => {
    expect(await run('--manifest', 'test/fixtures/invalid/duplicate-key.yaml')).toEqual({
      code: 1,
      out: 'test/fixtures/invalid/duplicate-key.yaml:3:1  duplicate key `kind`: each key may appear only once in a mapping\ntest/fixtures/invalid/duplicate-key.yaml: invalid (1 error)\n',
      err: '',
    });
  });

  test('resolves a relative manifest path against the working directory', async () => {
    const io = memoryIo(join(root, 'hack'));
    expect(await main(['validate', '--manifest', 'examples/products.yaml'], io)).toBe(0);
    expect(io.out).toBe('examples/products.yaml: valid\n');
  });

  test('--set overrides are validated like the file and reported against --set', async () => {
    expect(await run('--set', 'spec.billingMode=PROVISIONED', '--set', 'spec.tableClass=COLD')).toEqual({
      code: 1,
      out: [
        '--set  spec.billingMode  billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1)',
        '--set  spec.tableClass  must be one of STANDARD or STANDARD_INFREQUENT_ACCESS, not `COLD`',
        'hack/manifest.yaml: invalid (2 errors)',
        '',
      ].join('\n'),
      err: '',
    });
    expect((await run('--set', 'spec.billingMode=PROVISIONED', '--set', 'spec.provisionedThroughput={"readCapacityUnits":1,"writeCapacityUnits":1}')).code).toBe(0);
  });

  test('--format json prints one stable document', async () => {
    const { code, out } = await run('--manifest', 'test/fixtures/invalid/provisioned-needs-throughput.yaml', '--format', 'json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      summary: { files: 1, valid: 0, invalid: 1, error: 0 },
      files: [
        {
          file: 'test/fixtures/invalid/provisioned-needs-throughput.yaml',
          status: 'invalid',
          diagnostics: [
            {
              file: 'test/fixtures/invalid/provisioned-needs-throughput.yaml',
              line: 6,
              col: 16,
              severity: 'error',
              code: 'provisioned-needs-throughput',
              path: 'spec.billingMode',
              pointer: '/spec/billingMode',
              message: 'billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1)',
            },
          ],
        },
      ],
    });
    expect(Object.keys(JSON.parse(out).files[0].diagnostics[0])).toEqual(['file', 'line', 'col', 'severity', 'code', 'path', 'pointer', 'message']);
  });

  test('--format json on a valid manifest', async () => {
    const { code, out } = await run('--format', 'json');
    expect(code).toBe(0);
    expect(out).toBe(JSON.stringify({ summary: { files: 1, valid: 1, invalid: 0, error: 0 }, files: [{ file: 'hack/manifest.yaml', status: 'valid', diagnostics: [] }] }, null, 2) + '\n');
  });

  test('an unknown --format is a usage error', async () => {
    const { code, err } = await run('--format', 'xml');
    expect(code).toBe(1);
    expect(err).toContain("option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.");
  });
});
