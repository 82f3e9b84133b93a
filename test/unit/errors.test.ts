// main.ts's one table of error classes: each class gets its exit code and the start of its message there,
// and a usage mistake stays apart from a failed tool or environment.
import { EnvironmentError, UsageError } from '../../src/errors.js';
import { memoryIo } from '../../src/io.js';
import { exitCodeFor, FAILURES, INTERNAL_FAILURE } from '../../src/main.js';
import { chooseBinary } from '../../src/tofu/binary.js';
import { parseManifestUrl } from '../../src/source/url.js';

function reported(err: unknown): { code: number; err: string } {
  const io = memoryIo('/tmp');
  return { code: exitCodeFor(err, io), err: io.err };
}

describe('the error table in main.ts', () => {
  test('lists the usage error and the environment error, each with exit code 1 and the planton: prefix', () => {
    expect(FAILURES.map((f) => ({ kind: f.kind.name, exitCode: f.exitCode, prefix: f.prefix }))).toEqual([
      { kind: 'UsageError', exitCode: 1, prefix: 'planton: ' },
      { kind: 'EnvironmentError', exitCode: 1, prefix: 'planton: ' },
    ]);
    expect(INTERNAL_FAILURE).toEqual({ exitCode: 1, prefix: 'planton: internal error: ' });
  });

  test('a usage error is printed with its prefix and hint, and ends with its class exit code', () => {
    expect(reported(new UsageError('-f and --manifest both name the manifest; give one', 'Pass one of them.'))).toEqual({
      code: 1,
      err: 'planton: -f and --manifest both name the manifest; give one\n  Pass one of them.\n',
    });
  });

  test('an environment error is printed the same way, without a hint when it has none', () => {
    expect(reported(new EnvironmentError('http://127.0.0.1:9/m.yaml: cannot fetch the manifest (ECONNREFUSED)'))).toEqual({
      code: 1,
      err: 'planton: http://127.0.0.1:9/m.yaml: cannot fetch the manifest (ECONNREFUSED)\n',
    });
  });

  test('any other error is an internal error that asks for a bug report', () => {
    expect(reported(new TypeError('x is undefined'))).toEqual({
      code: 1,
      err: 'planton: internal error: x is undefined\n  This is a bug in planton; set PLANTON_DEBUG=1 for details.\n',
    });
  });

  test('the two classes are apart: an environment error is no usage error', () => {
    expect(new EnvironmentError('e')).not.toBeInstanceOf(UsageError);
    expect(new UsageError('u')).not.toBeInstanceOf(EnvironmentError);
  });
});

describe('which class a failure gets', () => {
  test('a tool missing from the machine is an environment error', () => {
    expect(() => chooseBinary({ env: { PATH: '/nowhere' }, cwd: '/tmp' }, () => false)).toThrow(EnvironmentError);
  });

  test('a binary the user named that is not there is a usage error', () => {
    expect(() => chooseBinary({ env: { PATH: '/nowhere', PLANTON_TOFU_BIN: '/nowhere/tofu' }, cwd: '/tmp' }, () => false)).toThrow(UsageError);
  });

  test('a URL planton refuses to fetch is a usage error', () => {
    expect(() => parseManifestUrl('ftp://example.com/m.yaml')).toThrow(UsageError);
  });
});
