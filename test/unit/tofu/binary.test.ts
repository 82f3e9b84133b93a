import { chooseBinary, describeBinary, INSTALL_HINT, parseVersionLine, probeBinary } from '../../../src/tofu/binary.js';
import { EnvironmentError, UsageError } from '../../../src/errors.js';

const cwd = '/work/project';
const onDisk = (...paths: string[]) => (p: string) => paths.includes(p);

describe('chooseBinary', () => {
  test('--binary wins over PLANTON_TOFU_BIN and PATH', () => {
    const exists = onDisk('/opt/tf/terraform', '/usr/bin/tofu', '/custom/tofu');
    const env = { PATH: '/usr/bin', PLANTON_TOFU_BIN: '/custom/tofu' };
    expect(chooseBinary({ flag: '/opt/tf/terraform', env, cwd }, exists)).toEqual({ path: '/opt/tf/terraform', source: '--binary' });
  });

  test('a --binary name is looked up on PATH, a relative path from the cwd', () => {
    const exists = onDisk('/usr/local/bin/terraform', '/work/project/bin/tofu');
    expect(chooseBinary({ flag: 'terraform', env: { PATH: '/usr/bin:/usr/local/bin' }, cwd }, exists).path).toBe('/usr/local/bin/terraform');
    expect(chooseBinary({ flag: './bin/tofu', env: {}, cwd }, exists).path).toBe('/work/project/bin/tofu');
  });

  test('PLANTON_TOFU_BIN is used when --binary is absent', () => {
    const exists = onDisk('/usr/bin/tofu', '/custom/terraform');
    expect(chooseBinary({ env: { PATH: '/usr/bin', PLANTON_TOFU_BIN: '/custom/terraform' }, cwd }, exists)).toEqual({
      path: '/custom/terraform',
      source: 'PLANTON_TOFU_BIN',
    });
  });

  test('tofu on PATH is preferred to terraform on PATH, whatever the PATH order', () => {
    const exists = onDisk('/a/terraform', '/b/tofu');
    expect(chooseBinary({ env: { PATH: '/a:/b' }, cwd }, exists)).toEqual({ path: '/b/tofu', source: 'PATH' });
  });

  test('terraform on PATH is the last resort', () => {
    expect(chooseBinary({ env: { PATH: '/x:/usr/local/bin' }, cwd }, onDisk('/usr/local/bin/terraform')).path).toBe('/usr/local/bin/terraform');
  });

  test('no binary at all is an environment error (not a usage error) with the install hint', () => {
    const run = () => chooseBinary({ env: { PATH: '/usr/bin' }, cwd }, onDisk());
    expect(run).toThrow(EnvironmentError);
    expect(run).toThrow('neither tofu nor terraform was found on PATH');
    try {
      run();
    } catch (err) {
      expect(err).not.toBeInstanceOf(UsageError);
      expect((err as EnvironmentError).hint).toBe(INSTALL_HINT);
    }
  });

  test('an explicit binary that does not exist is an error, never a silent fallback', () => {
    const exists = onDisk('/usr/bin/terraform');
    expect(() => chooseBinary({ flag: 'tofu', env: { PATH: '/usr/bin' }, cwd }, exists)).toThrow(
      "--binary names 'tofu', which is not an executable file or a command on PATH",
    );
    expect(() => chooseBinary({ env: { PATH: '/usr/bin', PLANTON_TOFU_BIN: '/nope/tofu' }, cwd }, exists)).toThrow(
      "PLANTON_TOFU_BIN names '/nope/tofu', which is not an executable file or a command on PATH",
    );
  });
});

describe('parseVersionLine', () => {
  test('reads Terraform and OpenTofu version lines', () => {
    expect(parseVersionLine('Terraform v1.11.4\non linux_amd64\n')).toEqual({ name: 'terraform', version: '1.11.4' });
    expect(parseVersionLine('OpenTofu v1.10.6\non linux_amd64\n')).toEqual({ name: 'tofu', version: '1.10.6' });
    expect(parseVersionLine('Python 3.12.1')).toBeUndefined();
  });
});

const terraformPath = '/usr/local/bin/terraform';
const haveTerraform = (() => {
  try {
    return chooseBinary({ flag: terraformPath, env: {}, cwd: '/' }).path === terraformPath;
  } catch {
    return false;
  }
})();

(haveTerraform ? test : test.skip)('probeBinary names the real terraform binary and its version', async () => {
  const b = await probeBinary({ path: terraformPath, source: '--binary' }, process.env);
  expect(b.name).toBe('terraform');
  expect(b.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(describeBinary(b)).toBe(`planton: using terraform ${b.version} (${terraformPath})`);
});

test('probeBinary refuses a program that is not tofu or terraform', async () => {
  await expect(probeBinary({ path: '/bin/true', source: '--binary' }, process.env)).rejects.toThrow(
    '/bin/true (from --binary) is not OpenTofu or Terraform',
  );
});
